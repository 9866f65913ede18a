import { tokenizeName } from "../../../shared/domain/arabic-name.js";

/**
 * How well a search query (often two or three parts of a name, in any order a person remembers
 * them) is contained in a full name. Unlike the duplicate score, which aligns given name with given
 * name and family with family, a query may skip parts: «ابراهيم عبدالله» finds
 * «إبراهيم بن عبدالله بن حمد آل سعيد». Each query token takes its best partner among the name's
 * tokens: equal 1, a prefix of a longer token 0.9 (typing in progress), one edit apart 0.8.
 */
export function queryContainment(query: string, fullName: string): number {
  const wanted = tokenizeName(query);
  const have = tokenizeName(fullName);
  if (wanted.length === 0 || have.length === 0) return 0;
  let total = 0;
  for (const token of wanted) {
    let best = 0;
    for (const candidate of have) {
      best = Math.max(best, tokenSimilarity(token, candidate));
      if (best === 1) break;
    }
    total += best;
  }
  return total / wanted.length;
}

/**
 * The rank of a search hit: containment first; then, among names that contain the query equally,
 * the one whose first and last parts are the query's first and last (given name and family), then
 * the closest as a whole (trigram similarity from the database).
 */
export function rankNameHit(query: string, fullName: string, similarity: number): number {
  const wanted = tokenizeName(query);
  const have = tokenizeName(fullName);
  let placement = 0;
  if (wanted.length > 1 && wanted[0] === have[0]) placement += 0.5;
  if (wanted.length > 1 && wanted.at(-1) === have.at(-1)) placement += 0.5;
  return queryContainment(query, fullName) + 0.1 * placement + 0.05 * similarity;
}

function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 2 && b.startsWith(a)) return 0.9;
  // Family names written with or without the joined article: «السعيد» and «سعيد».
  const bare = (t: string) => (t.startsWith("ال") && t.length > 4 ? t.slice(2) : t);
  if (bare(a) === bare(b)) return 0.95;
  if (Math.min(a.length, b.length) >= 4 && withinOneEdit(a, b)) return 0.8;
  return 0;
}

/** True when one insertion, deletion, substitution or adjacent swap turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
