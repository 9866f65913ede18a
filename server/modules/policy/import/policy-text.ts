import { normalizeDigits } from "../../../../shared/domain/index.js";

/**
 * Cleaning of a policy's text as it comes out of a PDF or Word file, before anything is read from
 * it: running page headers and footers dropped, wrapped lines joined, tatweel removed, digits folded
 * to ASCII, list markers recognised, and the lines grouped under their headings.
 */

export type PolicyLineKind = "heading" | "item" | "text" | "row";

export type PolicyLine = {
  kind: PolicyLineKind;
  /** The line as found, with markers removed and whitespace collapsed. */
  text: string;
  /** Cells of a table row (tab- or pipe-separated), as found; empty for other kinds. */
  cells: string[];
};

export type PolicySection = { heading: string | null; lines: PolicyLine[] };

export type CleanedPolicy = {
  /** Physical lines after character clean-up, before page headers were dropped (tabs kept). */
  rawLines: string[];
  /** Indexes into `rawLines` of the lines recognised as running page headers or footers. */
  pageHeaderLines: number[];
  lines: PolicyLine[];
  sections: PolicySection[];
};

// ---------------------------------------------------------------------------------------------
// Character-level normalisation

const TATWEEL = /\u0640/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/g;
const SPACES = /[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/;
const LETTER_FOLDS: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ی: "ي",
  ئ: "ي",
  ؤ: "و",
  ة: "ه",
  ک: "ك",
};

/**
 * The text folded for matching by meaning, the way people vary their spelling: hamza forms, ى/ي,
 * ة/ه, diacritics and tatweel dropped, digits ASCII, Latin lower-case. `origin[i]` is the index in
 * `text` of the folded character `i`, so a match can be cut from the text as written.
 */
export function foldArabicWithOrigin(text: string): { folded: string; origin: number[] } {
  const source = normalizeDigits(text);
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\u0640" || ARABIC_MARKS.test(ch)) continue;
    folded += (LETTER_FOLDS[ch] ?? ch).toLowerCase();
    origin.push(i);
  }
  return { folded, origin };
}

/** Folds Arabic text for matching (see `foldArabicWithOrigin`), with whitespace collapsed. */
export function foldArabic(text: string): string {
  return foldArabicWithOrigin(text).folded.replace(/\s+/g, " ").trim();
}

/** Removes tatweel and invisible direction marks, folds digits to ASCII, collapses spaces (tabs kept). */
export function cleanCharacters(text: string): string {
  return normalizeDigits(text)
    .replace(/\r\n?/g, "\n")
    .replace(TATWEEL, "")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ");
}

/** Markdown that converters leave in: headings `#`, bold `**`, links `[text](url)`. */
function stripMarkup(line: string): { text: string; markdownHeading: boolean } {
  const heading = /^#{1,6}\s+/.test(line);
  const text = line
    .replace(/^#{1,6}\s+/, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*|__/g, "");
  return { text, markdownHeading: heading };
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

// ---------------------------------------------------------------------------------------------
// List markers

const ARABIC_LETTER_MARK = "[أابتثجحخدذرزسشصضطظعغفقكلمنهوي]";
/** `1-` `1.` `1)` `(1)` `-1` `•` `-` `*` `(أ)` `أ-` `أ)`, with digits already ASCII. */
const LEADING_MARKER = new RegExp(
  [
    "^(?:",
    "[-–—•●▪◦○■□►▸✓✔➢➤*·]+(?:\\s*\\d{1,2}(?=[\\s.)\\-]))?[.)]?", // • - * and "-1"
    `|\\(?\\d{1,2}\\s*[-–.)](?!\\d)`, // 1- 1. 1) (1)
    "|\\(\\d{1,2}\\)",
    `|\\(${ARABIC_LETTER_MARK}\\)`, // (أ)
    `|${ARABIC_LETTER_MARK}\\s*[-–)](?=\\s)`, // أ- أ)
    ")\\s*",
  ].join(""),
);
/** RTL extraction sometimes moves the number to the end: "المقابلة -1" or "المقابلة 1-". */
const TRAILING_MARKER = /\s+(?:-\s?\d{1,2}|\d{1,2}\s?-)$/;

export function splitListMarker(line: string): { marker: string | null; text: string } {
  const lead = LEADING_MARKER.exec(line);
  if (lead && lead[0].trim() !== "" && lead[0].length < line.length) {
    const rest = line.slice(lead[0].length);
    // A lone dash before ":" is the "heading :-" habit, not a marker of its own.
    if (/[\p{L}(«"]/u.test(rest[0] ?? "")) return { marker: lead[0].trim(), text: rest.trim() };
  }
  const trail = TRAILING_MARKER.exec(line);
  if (trail && wordCount(line) <= 12)
    return { marker: trail[0].trim(), text: line.slice(0, trail.index).trim() };
  return { marker: null, text: line };
}

// ---------------------------------------------------------------------------------------------
// Headings

/** How the titles of a beneficiary-relations policy's sections begin (folded text). */
const SECTION_TITLE =
  /^(تمهيد|مقدمه|المقدمه|الهدف|هدف|الاهداف|اهداف|القنوات|قنوات|وسايل التواصل مع|طرق التواصل|اساليب التواصل|الادوات|ادوات|التعامل مع المستفيد|يتم التعامل|اليه التعامل|اجراءات تقديم|الاجراءات|خطوات|تعويض|التعويض|استقبال الشكو|الشكاوي|الشكوي|شكاوي|الخلافات|الخصوصيه|خصوصيه|سريه|السريه|ضابط|ضباط|قياس رضا|اعضاء مجلس|مجلس الاداره|اعتماد|الاعتماد|المسووليات|المسيوليات|مسووليات|المراجع|المحتويات|جدول المحتويات|الفهرس|التعريفات|تعريفات|النطاق|نطاق|بناء العلاقه|حقوق المستفيد|تزويد|تمكين|الاقرار)(?!\p{L})/u;
/** «أولاً:», «ثانياً -», «المحور الثالث:» before a title. */
const TITLE_ORDINAL =
  /^(?:(?:اولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)|(?:المحور|الباب|الفصل|البند|القسم|الماده)\s+\S+)\s*[:\-–.)]?\s*/;

function endsWithColon(text: string): boolean {
  return /[:：]\s*-?\s*$|-\s*:\s*$/.test(text);
}

/** Whether a line reads like the title of one of the policy's sections. */
export function isSectionTitleText(text: string): boolean {
  const folded = foldArabic(text)
    .replace(/^[^\p{L}]+/u, "")
    .replace(TITLE_ORDINAL, "");
  return SECTION_TITLE.test(folded) || (folded.startsWith("و") && SECTION_TITLE.test(folded.slice(1)));
}

function looksLikeHeading(text: string, hasMarker: boolean, markdownHeading: boolean): boolean {
  if (markdownHeading) return true;
  const words = wordCount(text);
  if (endsWithColon(text)) return hasMarker ? words <= 6 : words <= 16;
  if (/[.!؟?؛]$/.test(text.trim())) return false;
  return !hasMarker && words <= 12 && isSectionTitleText(text);
}

// ---------------------------------------------------------------------------------------------
// Broken lines

const DANGLING = new Set([
  "عن",
  "من",
  "على",
  "علي",
  "الى",
  "إلى",
  "في",
  "و",
  "أو",
  "او",
  "مع",
  "لدى",
  "لدي",
  "حول",
  "بين",
  "ب",
  "ل",
  "ثم",
  "التي",
  "الذي",
  "ان",
  "أن",
  "إن",
]);

/** A line that stops on a preposition, or on «و» + a word still waiting for its complement («وإيضاح»). */
function endsWithDanglingWord(text: string): boolean {
  const trimmed = text.trim();
  if (/[.!؟?؛:]$/.test(trimmed)) return false;
  const last = trimmed.split(/\s+/).pop() ?? "";
  if (DANGLING.has(last)) return true;
  const folded = foldArabic(last);
  return (
    folded.length >= 4 && folded.startsWith("و") && !folded.startsWith("وال") && !/ها$|هم$|ه$/.test(folded)
  );
}

function endsSentence(text: string): boolean {
  return /[.!؟?؛:]\s*-?$/.test(text.trim());
}

/** Lines longer than this that stop without punctuation were most likely wrapped by the PDF. */
const WRAPPED_LINE_CHARS = 50;

// ---------------------------------------------------------------------------------------------
// Running headers and footers

/**
 * Lines repeated on many pages are the letterhead, not the policy. A line is treated as a running
 * header when it occurs three times or more, or twice as part of a block of repeated neighbours
 * (a two-page document repeats its header only twice). Section titles are kept even when repeated,
 * because a table of contents can repeat them word for word.
 */
function findPageHeaderLines(lines: readonly string[]): number[] {
  const keys = lines.map((l) => foldArabic(l.replace(/\t/g, " ")));
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== "") counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = (i: number): boolean => {
    const key = keys[i];
    return key !== undefined && key !== "" && (counts.get(key) ?? 0) >= 2;
  };
  const neighbour = (i: number, step: number): number | null => {
    for (let j = i + step; j >= 0 && j < keys.length; j += step) if (keys[j] !== "") return j;
    return null;
  };
  const result: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = keys[i]!;
    if (key === "" || !repeated(i)) continue;
    if (wordCount(key) > 15) continue;
    const text = lines[i]!;
    const marked = splitListMarker(text.trim()).marker !== null;
    if (isSectionTitleText(text) && (marked || endsWithColon(text) || wordCount(key) <= 8)) {
      // A title repeated only as part of a letterhead block would still be removed below.
      if ((counts.get(key) ?? 0) < 3) continue;
    }
    const count = counts.get(key) ?? 0;
    const prev = neighbour(i, -1);
    const next = neighbour(i, 1);
    const inBlock = (prev !== null && repeated(prev)) || (next !== null && repeated(next));
    if (count >= 3 || inBlock) result.push(i);
  }
  return result;
}

/** Table-of-contents entries: a page number before or after a tab, or dot leaders. */
function isContentsEntry(line: string): boolean {
  if (/\.{4,}|…{2,}/.test(line)) return true;
  // "01\tتمهيد" or "تمهيد\t01": one title and one page number; a numbered table row has more cells.
  const cells = line
    .split("\t")
    .map((c) => c.trim())
    .filter((c) => c !== "");
  if (cells.length !== 2) return false;
  const pageNumber = /^\d{1,3}(?:\s*-\s*\d{1,3})?$/;
  return pageNumber.test(cells[0]!) || pageNumber.test(cells[1]!);
}

function tableCells(line: string): string[] | null {
  let cells: string[];
  if (line.includes("\t")) cells = line.split("\t");
  else if (/^\|.*\|$/.test(line.trim())) cells = line.trim().slice(1, -1).split("|");
  else if (/\S {3,}\S/.test(line)) cells = line.split(/ {3,}/);
  else return null;
  cells = cells.map((c) => collapseWhitespace(c));
  if (cells.every((c) => /^[-:\s]*$/.test(c))) return null;
  return cells.filter((c) => c !== "").length >= 2 ? cells : null;
}

// ---------------------------------------------------------------------------------------------

/** Cleans extracted policy text into logical lines grouped under their headings. */
export function cleanPolicyText(text: string): CleanedPolicy {
  const rawLines = cleanCharacters(text)
    .split("\n")
    .map((l) => l.replace(/^[ ]+|[ ]+$/g, ""));
  const pageHeaderLines = findPageHeaderLines(rawLines);
  const dropped = new Set(pageHeaderLines);

  const lines: PolicyLine[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    if (dropped.has(i)) continue;
    const raw = rawLines[i]!;
    if (raw.trim() === "" || isContentsEntry(raw)) continue;
    const { text: unmarked, markdownHeading } = stripMarkup(raw);
    if (/^[-_=*\s|]+$/.test(unmarked)) continue;
    const cells = markdownHeading ? null : tableCells(unmarked);
    if (cells) {
      lines.push({ kind: "row", text: collapseWhitespace(cells.join(" ")), cells });
      continue;
    }
    const flat = collapseWhitespace(unmarked.replace(/\t/g, " "));
    if (flat === "") continue;
    const { marker, text: body } = splitListMarker(flat);
    const heading = looksLikeHeading(body, marker !== null, markdownHeading);
    const last = lines[lines.length - 1];

    if (last && (last.kind === "item" || last.kind === "text") && !endsSentence(last.text)) {
      const dangling = endsWithDanglingWord(last.text);
      const continuesText =
        marker === null &&
        !markdownHeading &&
        (dangling || (last.text.length >= WRAPPED_LINE_CHARS && !heading));
      // A wrapped line that the PDF gave its own bullet: short, after a line left hanging.
      const continuesItem = marker !== null && last.kind === "item" && dangling && wordCount(body) <= 4;
      if (continuesText || continuesItem) {
        last.text = collapseWhitespace(`${last.text} ${body}`);
        continue;
      }
    }

    // "القنوات: المقابلة، الهاتف" — a title with its content on the same line.
    const inline = /^([^:]{2,80}):\s*([^\s-].*)$/.exec(body);
    if (inline && marker === null && wordCount(inline[1]!) <= 8 && isSectionTitleText(inline[1]!)) {
      lines.push({ kind: "heading", text: trimHeading(inline[1]!), cells: [] });
      lines.push({ kind: "text", text: inline[2]!, cells: [] });
      continue;
    }
    if (heading) {
      lines.push({ kind: "heading", text: trimHeading(body), cells: [] });
      continue;
    }
    lines.push({ kind: marker === null ? "text" : "item", text: body, cells: [] });
  }

  return { rawLines, pageHeaderLines, lines, sections: groupSections(lines) };
}

function trimHeading(text: string): string {
  return collapseWhitespace(text.replace(/\s*[-:：]+\s*$/, "").replace(/^\s*[-:]+\s*/, ""));
}

export function groupSections(lines: readonly PolicyLine[]): PolicySection[] {
  const sections: PolicySection[] = [{ heading: null, lines: [] }];
  for (const line of lines) {
    if (line.kind === "heading") sections.push({ heading: line.text, lines: [] });
    else sections[sections.length - 1]!.lines.push(line);
  }
  return sections.filter((s, i) => i > 0 || s.lines.length > 0);
}

/** The entries of a section: its list items, or its lines when it lists without markers. */
export function sectionEntries(section: PolicySection): string[] {
  const items = section.lines.filter((l) => l.kind === "item").map((l) => l.text);
  if (items.length > 0) return items;
  const text = section.lines.filter((l) => l.kind === "text").map((l) => l.text);
  if (text.length > 0) return text;
  // A list laid out as a table («1 | المقابلة»): the row without its number cells.
  return section.lines
    .filter((l) => l.kind === "row")
    .map((l) => collapseWhitespace(l.cells.filter((c) => !/^[\d.\-)(]*$/.test(c)).join(" ")))
    .filter((t) => t !== "");
}
