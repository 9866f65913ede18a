import { normalizeDigits } from "./digits.js";

// Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, tatweel, and Latin combining
// accents (so "Muḥammad" folds like "Muhammad"). NFKD has already split hamza-carrying letters
// (أ إ آ ؤ ئ) into base letter + hamza/madda mark, so dropping the marks folds them too.
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const NOT_NAME_CHAR = /[^\u0621-\u064aa-z0-9]+/g;

const LETTER_FOLDS: Record<string, string> = {
  "\u0671": "ا", // ٱ alef wasla
  "\u0672": "ا",
  "\u0673": "ا",
  "\u0675": "ا",
  ى: "ي", // alef maqsura written for final ya, and the reverse, in everyday spelling
  "\u06cc": "ي", // Persian ye from some keyboards
  "\u06d2": "ي",
  ة: "ه", // ta marbuta often typed as ha at the end of names (فاطمه)
  "\u06d5": "ه",
  "\u06a9": "ك", // Persian kaf
  // Kept explicit although NFKD already yields them, so the folding reads as one table:
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ؤ: "و",
  ئ: "ي",
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");

/** Words that link a name to the father's and are dropped for matching: «بن», «بنت», «ابن». */
const CONNECTORS = new Set(["بن", "بنت", "ابن", "ابنه", "bin", "bint", "ibn", "ben", "bn"]);

/** Tokens that fuse with the word after them: «عبد الله», «أبو بكر», «آل سعود». */
const JOIN_NEXT = new Map<string, string>([
  ["عبد", "عبد"],
  ["ابو", "ابو"],
  ["ابي", "ابو"], // genitive/accusative forms of أبو inside a nasab: «بن أبي بكر»
  ["ابا", "ابو"],
  ["ال", "ال"], // «آل» after folding: family prefix, or an article typed apart
  ["abd", "abd"],
  ["abdul", "abdul"],
  ["abdel", "abdel"],
  ["abdal", "abdal"],
  ["abdu", "abdu"],
  ["abu", "abu"],
  ["abo", "abu"],
  ["al", "al"],
  ["el", "el"],
]);

/** Tokens that fuse with the word before them: «نور الدين», «عطا الله». */
const JOIN_PREVIOUS = new Set([
  "الله",
  "الدين",
  "الاسلام",
  "allah",
  "ullah",
  "uddin",
  "eddin",
  "aldin",
  "eldin",
]);

function foldText(text: string): string {
  return normalizeDigits(text)
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .toLowerCase()
    .replace(NOT_NAME_CHAR, " ");
}

/**
 * Normalised tokens of a name, for matching. Decisions:
 * - Connectors «بن/بنت/ابن» are removed first, so «محمد بن عبد الله» and «محمد عبدالله» align token
 *   for token (given, father, …).
 * - «عبد» and «أبو» always fuse with the next word (no modern name uses them alone).
 * - The family prefix «آل» (folded to «ال») fuses with the family name: «آل سعود» → «السعود». That
 *   deliberately collides with the article-prefixed spelling, which people use interchangeably.
 * - ؤ → و and ئ → ي: the seat letter is kept and the hamza dropped, matching how names are typed
 *   without hamza (مسئول/مسؤول, رؤوف/رءوف only partly: standalone ء is kept).
 */
export function tokenizeName(text: string): string[] {
  let tokens: string[] = [];
  for (const w of foldText(text).split(" ")) if (w !== "" && !CONNECTORS.has(w)) tokens.push(w);
  // A fusion can itself form a trigger word («ال» + «له» = «الله»), so fuse until nothing changes;
  // each round that changes anything shortens the list, so this ends, and the result is a fixed point.
  for (;;) {
    const fused = fuseOnce(tokens);
    if (fused.length === tokens.length) return fused;
    tokens = fused;
  }
}

function fuseOnce(words: readonly string[]): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const prefix = JOIN_NEXT.get(word);
    const next = words[i + 1];
    if (prefix !== undefined && next !== undefined) {
      tokens.push(prefix + next);
      i++;
    } else if (JOIN_PREVIOUS.has(word) && tokens.length > 0) {
      tokens[tokens.length - 1] += word;
    } else {
      tokens.push(word);
    }
  }
  return tokens;
}

/** The normalised name as one string (tokens separated by single spaces); display keeps the original. */
export function normalizeArabicName(text: string): string {
  return tokenizeName(text).join(" ");
}

/**
 * The key to store beside a name for search: normalised tokens with a leading article «ال» removed
 * when at least three letters remain, so «الغامدي» and «غامدي» find each other. Compute it from the
 * original text, not from an earlier key.
 */
export function arabicNameSearchKey(text: string): string {
  return tokenizeName(text)
    .map((t) => (t.length >= 5 && t.startsWith("ال") ? t.slice(2) : t))
    .join(" ");
}
