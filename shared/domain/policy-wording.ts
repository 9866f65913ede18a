import type { AssociationRole } from "../contracts/roles.js";
import { arabicNameSearchKey } from "./arabic-name.js";

/**
 * The policy names people and bodies in its own words («الباحث الاجتماعي», «اللجنة المختصة»,
 * «مدير الإدارة الصحية»); requests are routed to staff roles and committees. These functions
 * suggest which role or committee a wording means; the administrator confirms or corrects it.
 */

/** How the policy and the association's staff commonly name each role. */
export const roleWordings: Record<AssociationRole, readonly string[]> = {
  officer: ["موظف علاقات المستفيدين", "موظف خدمة المستفيدين", "موظف الاستقبال"],
  social_researcher: ["الباحث الاجتماعي", "الباحثة الاجتماعية", "الأخصائي الاجتماعي"],
  committee_member: ["عضو لجنة البحث", "لجنة البحث الاجتماعي"],
  followup_committee_member: ["عضو لجنة المتابعة", "لجنة متابعة الشكاوى"],
  liaison_officer: ["ضابط الاتصال", "ضابطة الاتصال"],
  branch_representative: ["مندوب المكتب الفرعي", "مندوب الفرع"],
  manager: ["مدير الجمعية", "المدير التنفيذي", "مدير الإدارة", "الإدارة العليا"],
  hr: ["الموارد البشرية", "مسؤول شؤون الموظفين"],
  board_member: ["عضو مجلس الإدارة", "مجلس الإدارة"],
  administrator: ["مسؤول النظام", "مدير النظام"],
};

function tokens(text: string): Set<string> {
  return new Set(
    arabicNameSearchKey(text)
      .split(" ")
      .filter((t) => t.length > 1),
  );
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/** The role whose usual wordings share the most words with the policy's wording, if any does. */
export function suggestRole(wording: string): AssociationRole | null {
  const words = tokens(wording);
  let best: { role: AssociationRole; score: number } | null = null;
  for (const [role, names] of Object.entries(roleWordings) as [AssociationRole, readonly string[]][]) {
    for (const name of names) {
      const score = overlap(words, tokens(name));
      if (score > 0 && (!best || score > best.score)) best = { role, score };
    }
  }
  return best?.role ?? null;
}

/**
 * The bodies the policy's committees text names: each sentence or clause that speaks of a committee,
 * a council or a director, without its leading numbering.
 */
export function committeeWordings(text: string): string[] {
  const found: string[] = [];
  for (const part of text.split(/[\n\r.،؛:]+|\s+و(?=(?:ال)?(?:لجن|مجلس|مدير))/u)) {
    const clause = part.replace(/^[\s\-–•*\d٠-٩)(.]+/u, "").trim();
    if (!/لجن|مجلس|مدير/u.test(clause)) continue;
    if (clause.length > 200) continue;
    if (!found.includes(clause)) found.push(clause);
    if (found.length === 20) break;
  }
  return found;
}

/** The committee whose name shares the most words with the wording; the only one, when there is one. */
export function suggestCommittee<C extends { id: string; nameAr: string }>(
  wording: string,
  committees: readonly C[],
): C | null {
  const words = tokens(wording);
  let best: { committee: C; score: number } | null = null;
  for (const committee of committees) {
    const score = overlap(words, tokens(committee.nameAr));
    if (score > 0 && (!best || score > best.score)) best = { committee, score };
  }
  return best?.committee ?? (committees.length === 1 ? committees[0]! : null);
}
