import type { ContactChannel } from "../../../../shared/contracts/channels.js";
import { parseHijri, type ResponsePeriodRule, toIsoDate } from "../../../../shared/domain/index.js";
import {
  type CleanedPolicy,
  cleanPolicyText,
  collapseWhitespace,
  foldArabic,
  foldArabicWithOrigin,
  type PolicyLine,
  type PolicySection,
  sectionEntries,
} from "./policy-text.js";

/**
 * Reads an association's existing policy (the text of its PDF or Word file) into the parts Silah
 * configures from it. Everything is matched by meaning over folded Arabic (hamza forms, ى/ي, ة/ه),
 * with keyword sets written for the way these policies are phrased, not for particular files.
 */

export const officerTools = [
  "bylaws",
  "social_research_guide",
  "support_policy_guide",
  "support_request_form",
  "aid_disbursement_policy",
  "charity_work_policies",
  "official_regulations",
  "partners_policy",
  "volunteer_policy",
  "service_request_form",
] as const;
export type OfficerTool = (typeof officerTools)[number];

export const satisfactionMethods = [
  "periodic_survey",
  "field_survey",
  "supervisory_visits",
  "interviews",
  "management_followup",
  "liaison_supervision",
] as const;
export type SatisfactionMethod = (typeof satisfactionMethods)[number];

export type ImportedBoardMember = { name: string; position: string };

export type ImportedBoardApproval = {
  /** `YYYY-MM-DD` in the Umm al-Qura calendar. */
  hijriDate: string | null;
  meeting: string | null;
  term: string | null;
  members: ImportedBoardMember[];
};

export type ImportedPolicySections = {
  compensation: boolean;
  complaints: boolean;
  privacy: boolean;
  liaisonOfficer: boolean;
  staffAcknowledgement: boolean;
};

export type ImportedPolicy = {
  association: { name: string | null; licenseNumber: string | null };
  channels: ContactChannel[];
  officerTools: OfficerTool[];
  handlingSteps: string[];
  referralRole: string | null;
  responsePeriod: ResponsePeriodRule | null;
  sections: ImportedPolicySections;
  satisfactionMethods: SatisfactionMethod[];
  boardApproval: ImportedBoardApproval | null;
};

// ---------------------------------------------------------------------------------------------
// Vocabulary (all patterns run over folded text: ا for أ/إ/آ, ي for ى, ه for ة, no diacritics)

type Vocabulary<Code extends string> = readonly {
  code: Code;
  patterns: readonly RegExp[];
  /** How the thing is usually written, for matching misspelt entries by similarity. */
  phrases: readonly string[];
}[];

const CHANNELS: Vocabulary<ContactChannel> = [
  {
    code: "interview",
    patterns: [/مقابل/, /الحضور الشخصي|حضوريا|زياره (مقر|الجمعيه)|مراجعه (مقر|الجمعيه)/],
    phrases: ["المقابله", "المقابله الشخصيه"],
  },
  {
    code: "phone",
    patterns: [/هاتف|اتصالات|الاتصال|جوال|الرقم الموحد|تلفون/],
    phrases: ["الاتصالات الهاتفيه"],
  },
  {
    code: "social_media",
    patterns: [/التواصل الاجتماعي|شبكات التواصل|منصات التواصل|سوشيال|تويتر|فيس ?بوك|انستقرام|سناب|واتس/],
    phrases: ["وسائل التواصل الاجتماعي"],
  },
  {
    code: "letters",
    patterns: [/خطاب|مخاطبات|مراسلات|مكاتبات|البريد (?!الالكتروني)/],
    phrases: ["الخطابات"],
  },
  { code: "assistance_requests", patterns: [/طلبات? (ال)?مساعد/], phrases: ["خدمات طلب المساعده"] },
  { code: "volunteering", patterns: [/تطوع/], phrases: ["خدمه التطوع"] },
  {
    code: "website",
    patterns: [/موقع (ال)?(الكتروني|رسمي|جمعيه)|الموقع|بوابه|منصه الكترونيه|website/],
    phrases: ["الموقع الالكتروني"],
  },
  {
    code: "branch_representatives",
    patterns: [/مناديب|مندوب|المكاتب الفرعيه|مكاتب فرعيه|الفروع/],
    phrases: ["مناديب المكاتب الفرعيه"],
  },
  { code: "fax", patterns: [/فاكس/], phrases: ["الفاكس"] },
  { code: "email", patterns: [/بريد (ال)?الكتروني|ايميل|e-?mail/], phrases: ["البريد الالكتروني"] },
];

const TOOLS: Vocabulary<OfficerTool> = [
  {
    code: "bylaws",
    patterns: [/اللايحه الاساسيه|النظام الاساسي|لايحه اساسيه/],
    phrases: ["اللائحه الاساسيه للجمعيه"],
  },
  { code: "social_research_guide", patterns: [/البحث الاجتماعي/], phrases: ["دليل خدمات البحث الاجتماعي"] },
  { code: "support_policy_guide", patterns: [/سياسه (ال)?دعم/], phrases: ["دليل سياسه الدعم للمستفيدين"] },
  { code: "support_request_form", patterns: [/طلب (ال)?دعم/], phrases: ["طلب دعم مستفيد"] },
  {
    code: "aid_disbursement_policy",
    patterns: [/صرف (ال)?(مساعدات|اعانات|معونات)/],
    phrases: ["دليل سياسه صرف المساعدات"],
  },
  { code: "charity_work_policies", patterns: [/العمل الخيري/], phrases: ["سياسات العمل الخيري"] },
  {
    code: "official_regulations",
    patterns: [/التعليمات والانظمه|الانظمه والتعليمات|الجهات الرسميه|الانظمه واللوايح|اللوايح والانظمه/],
    phrases: ["التعليمات والانظمه من الجهات الرسميه"],
  },
  { code: "partners_policy", patterns: [/شركاء|الشريك/], phrases: ["سياسه التعامل مع الشركاء المنفذين"] },
  { code: "volunteer_policy", patterns: [/تطوع|متطوع/], phrases: ["سياسه اداره التطوع"] },
  { code: "service_request_form", patterns: [/طلب (ال)?خدمه/], phrases: ["نموذج طلب خدمه"] },
];

const SATISFACTION: Vocabulary<SatisfactionMethod> = [
  { code: "periodic_survey", patterns: [/استبان|استبيان|استطلاع|استمار/], phrases: ["استبانه قياس الرضا"] },
  { code: "field_survey", patterns: [/مسح|مسوح/], phrases: ["المسح الميداني"] },
  { code: "supervisory_visits", patterns: [/زيار\S* (ال)?اشرافي/], phrases: ["الزيارات الاشرافيه"] },
  { code: "interviews", patterns: [/مقابل|لقاءات/], phrases: ["المقابلات"] },
  {
    code: "management_followup",
    patterns: [
      /(الاداره العليا|الاداره التنفيذيه|المدير التنفيذي)[^.]{0,40}(متابع|تتابع|يتابع)|متابع\S* (ال)?اداره/,
    ],
    phrases: ["متابعه الاداره العليا للشكاوي والاستفسارات"],
  },
  {
    code: "liaison_supervision",
    patterns: [/ضباط (ال)?اتصال|ضابط (ال)?اتصال/],
    phrases: ["الاشراف علي ضباط الاتصال"],
  },
];

// ---------------------------------------------------------------------------------------------
// Sections

const SECTION_KINDS = {
  contents: /المحتويات|الفهرس/,
  channels: /(قنوات|القنوات|وسايل|طرق|اساليب)\s*(ال)?(تواصل|اتصال)|القنوات/,
  tools: /(ال)?ادوات/,
  steps: /التعامل مع (ال)?مستفيد|(انهاء|انتهاء|لانهاء|لانتهاء) معامل|اجراءات (تقديم )?(ال)?خدم|خطوات/,
  satisfaction: /رضا/,
} as const;

function findSection(
  sections: readonly PolicySection[],
  kind: keyof typeof SECTION_KINDS,
): PolicySection | null {
  const pattern = SECTION_KINDS[kind];
  for (const section of sections) {
    if (section.heading === null) continue;
    const heading = foldArabic(section.heading);
    if (SECTION_KINDS.contents.test(heading) && kind !== "contents") continue;
    // The tools heading also names "communication": ask for channels only when tools are not meant.
    if (kind === "channels" && SECTION_KINDS.tools.test(heading)) continue;
    if (pattern.test(heading) && sectionEntries(section).length > 0) return section;
  }
  return null;
}

/** Splits "المقابلة، الهاتف والفاكس" into entries; list items stay whole. */
function splitInlineList(entry: string): string[] {
  return entry
    .split(/[،,؛;]|\s+و(?=ال)|\s+او\s+|\s+أو\s+/)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** Entries typed with a slip («خدمة النطوه») are matched to the closest usual wording, if close enough. */
const MAX_TYPO_RATIO = 0.3;

function closestByWording<Code extends string>(entry: string, vocabulary: Vocabulary<Code>): Code | null {
  const folded = foldArabic(entry)
    .replace(/[^\p{L}\s]/gu, "")
    .trim();
  const withoutTail = folded.replace(/\s+(للجمعيه|بالجمعيه|الجمعيه)$/, "");
  let best: { code: Code; ratio: number } | null = null;
  for (const { code, phrases } of vocabulary) {
    for (const phrase of phrases.map((p) => foldArabic(p))) {
      for (const candidate of [folded, withoutTail]) {
        const ratio = levenshtein(candidate, phrase) / Math.max(candidate.length, phrase.length);
        if (!best || ratio < best.ratio) best = { code, ratio };
      }
    }
  }
  return best && best.ratio <= MAX_TYPO_RATIO ? best.code : null;
}

/** Codes named by the entries, in document order, each once. */
function codesIn<Code extends string>(entries: readonly string[], vocabulary: Vocabulary<Code>): Code[] {
  const found: Code[] = [];
  for (const entry of entries) {
    const parts = splitInlineList(entry);
    for (const part of parts.length > 0 ? parts : [entry]) {
      const folded = foldArabic(part);
      const hits: { code: Code; at: number }[] = [];
      for (const { code, patterns } of vocabulary) {
        let at = -1;
        for (const pattern of patterns) {
          const m = pattern.exec(folded);
          if (m && (at < 0 || m.index < at)) at = m.index;
        }
        if (at >= 0) hits.push({ code, at });
      }
      hits.sort((a, b) => a.at - b.at);
      const codes = hits.map((h) => h.code);
      if (codes.length === 0) {
        const close = closestByWording(part, vocabulary);
        if (close) codes.push(close);
      }
      for (const code of codes) if (!found.includes(code)) found.push(code);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The association

const LETTERHEAD_NOISE =
  /^(المملكه|وزاره|سياسه|الرقم|التاريخ|المشروعات|المرفقات|ترخيص|مسجله|المسجله|رقم|هاتف|جوال|ص\.?ب|www|http)/;

function cleanName(text: string): string {
  // The letterhead often runs on with the license: «جمعية … - ترخيص رقم (1215)».
  const { folded, origin } = foldArabicWithOrigin(text);
  const tail = /\s+(?:[-–]\s+)?(?:ترخيص|الترخيص|المسجله|مسجله|برقم|رقم الترخيص)(?!\p{L})/u.exec(folded);
  const name = tail ? text.slice(0, origin[tail.index]) : text;
  return collapseWhitespace(name.replace(/[«»"“”*]/g, "").replace(/[\s\-–:،,.(]+$/, ""));
}

/** A standalone line «جمعية …» (letterhead), with its wrapped second line if the PDF broke it. */
function letterheadName(policy: CleanedPolicy): string | null {
  const { rawLines } = policy;
  const headerSet = new Set(policy.pageHeaderLines);
  const order = [
    ...policy.pageHeaderLines,
    ...rawLines.map((_, i) => i).filter((i) => !headerSet.has(i) && i < 60),
  ];
  for (const i of order) {
    const line = collapseWhitespace(rawLines[i]!.replace(/\t/g, " ").replace(/^#+\s*|\*\*/g, ""));
    const folded = foldArabic(line);
    if (!/^(ال)?جمعيه\s/.test(folded) || folded.split(" ").length > 12 || /[.:؛]$/.test(line)) continue;
    let name = line;
    const next = rawLines.slice(i + 1).find((l) => l.trim() !== "");
    if (next) {
      const nextLine = collapseWhitespace(next.replace(/\t/g, " "));
      const nextFolded = foldArabic(nextLine);
      const short = nextFolded.split(" ").length <= 5;
      if (
        short &&
        !/\d|[:.]/.test(nextLine) &&
        !LETTERHEAD_NOISE.test(nextFolded) &&
        !/^(ال)?جمعيه/.test(nextFolded)
      )
        name = `${name} ${nextLine}`;
    }
    return cleanName(name);
  }
  return null;
}

/** «تضع جمعية … السياسات» in the preamble, or «… لجمعية …» in the title. */
function nameFromText(policy: CleanedPolicy): string | null {
  const patterns = [
    /(?:تضع|تضطلع|تلتزم|تحرص|تسعي|تقوم|تعمل|تعتمد|تتبني|وضعت)\s+(جمعيه\s.{3,80}?)\s+(?:السياسات|سياسه|بوضع|علي|الي|في|ب|،)/,
    /(?:المستفيدين|سياسه)\s+(?:ل|في\s+)(جمعيه\s.{3,60}?)(?:\s*$|\s+(?:و|لعام|للعام|\d))/,
  ];
  for (const pattern of patterns) {
    for (const line of policy.lines) {
      const hit = matchInOriginal(line.text, pattern, 1);
      if (hit) return cleanName(hit);
    }
  }
  return null;
}

function licenseNumber(policy: CleanedPolicy): string | null {
  for (const raw of policy.rawLines) {
    const folded = foldArabic(raw);
    const m =
      /(?:ترخيص|الترخيص|تسجيل|التسجيل|مسجله|المسجله)(?:(?!تاريخ)[^\d\n]){0,70}?(\d{1,7})(?![\d/\-.]\d)/.exec(
        folded,
      );
    if (m) return m[1]!;
  }
  return null;
}

/** Runs `pattern` over the folded text and returns group `group` as written in `text`. */
function matchInOriginal(text: string, pattern: RegExp, group: number): string | null {
  const { folded, origin } = foldArabicWithOrigin(text);
  const flags = pattern.flags.includes("d") ? pattern.flags : `${pattern.flags}d`;
  const m = new RegExp(pattern.source, flags).exec(folded);
  const span = m?.indices?.[group];
  if (!span || span[1] <= span[0]) return null;
  return text.slice(origin[span[0]]!, origin[span[1] - 1]! + 1);
}

// ---------------------------------------------------------------------------------------------
// Referral

/**
 * The role after «إحالته ل…» / «يحيله … إلى …», up to the word that says what the referral is for:
 * a purpose with «ل» («للإجابة», «ليجيب», «لدراسة»), a relative clause, or punctuation.
 */
function referralRole(lines: readonly string[]): string | null {
  const pattern =
    /(?:احال|تحويل|يحيل|يحول|يحال|يوجه|توجيه)\S*(?:\s+[^\sل]\S*){0,2}?\s+(?:الي\s+|(ل)(?=\S))(\S+(?:\s+\S+){0,6})/;
  for (const line of lines) {
    const captured = matchInOriginal(line, pattern, 2);
    if (!captured) continue;
    const joinedPrefix = pattern.exec(foldArabic(line))?.[1] !== undefined;
    const words = captured.split(/\s+/);
    const role: string[] = [];
    for (const [index, word] of words.entries()) {
      const folded = foldArabic(word).replace(/[^\p{L}]/gu, "");
      if (index > 0 && (/^(ل(?!جن)|كي|حتي|حيث|الذي|التي|من$|في$|عن$|علي$)/.test(folded) || folded === ""))
        break;
      role.push(word);
      if (/[،,.؛:]$/.test(word)) break;
    }
    let text = role.join(" ").replace(/[،,.؛:]+$/, "");
    // «للباحث» is «ل» + «الباحث» with the alef dropped; «للجنة البحث» is «ل» + «لجنة البحث».
    const folded = foldArabic(text);
    if (joinedPrefix && folded.startsWith("ل") && !folded.startsWith("لجن")) text = `ا${text}`;
    if (text !== "") return text;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Response period

const ONES: Record<string, number> = {
  واحد: 1,
  واحده: 1,
  اثنين: 2,
  اثنان: 2,
  اثنتين: 2,
  اثنتان: 2,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  ست: 6,
  سته: 6,
  سبع: 7,
  سبعه: 7,
  ثمان: 8,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
};
const TEENS: Record<string, number> = { احد: 1, احدي: 1, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2 };
const TENS: Record<string, number> = {
  عشرون: 20,
  عشرين: 20,
  ثلاثون: 30,
  ثلاثين: 30,
  اربعون: 40,
  اربعين: 40,
  خمسون: 50,
  خمسين: 50,
  ستون: 60,
  ستين: 60,
  سبعون: 70,
  سبعين: 70,
  ثمانون: 80,
  ثمانين: 80,
  تسعون: 90,
  تسعين: 90,
};

const alternation = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join("|");
const ONE_WORD = alternation(ONES);
const TEEN_WORD = `(?:${alternation(TEENS)}|${ONE_WORD})\\s+عشر[ه]?`;
const TEN_WORD = alternation(TENS);
const NUMBER_WORDS = `(?:(?:${ONE_WORD})\\s+و\\s?(?:${TEN_WORD})|${TEEN_WORD}|${TEN_WORD}|${ONE_WORD})`;

/** Reads "15", "خمسة عشر", "خمسة وعشرين", "ثلاثين" (folded text). */
export function parseArabicNumber(text: string): number | null {
  const t = foldArabic(text);
  if (/^\d+$/.test(t)) return Number(t);
  const compound = new RegExp(`^(${ONE_WORD})\\s+و\\s?(${TEN_WORD})$`).exec(t);
  if (compound) return ONES[compound[1]!]! + TENS[compound[2]!]!;
  const teen = new RegExp(`^(${alternation(TEENS)}|${ONE_WORD})\\s+عشر[ه]?$`).exec(t);
  if (teen) return 10 + (TEENS[teen[1]!] ?? ONES[teen[1]!]!);
  return TENS[t] ?? ONES[t] ?? null;
}

const END = "(?![\\p{L}])";
const START = "(?<![\\p{L}])";
const UNIT =
  "(ايام|يوما|يومين|يوم|اسابيع|اسبوعين|اسبوعا|اسبوع|اشهر|شهور|شهرين|شهرا|شهر)" +
  END +
  "(\\s+(?:من\\s+)?(?:ال)?عمل)?";
const BOUND_MIN = "لا\\s+(?:تقل|يقل)\\s+(?:عن|من)|بحد\\s+ادني|كحد\\s+ادني|ادناها|علي\\s+الاقل";
const BOUND_MAX =
  "لا\\s+(?:تزيد|يزيد|تتجاوز|يتجاوز|تتعدي|يتعدي)(?:\\s+(?:عن|علي|من))?|بحد\\s+اقصي|كحد\\s+اقصي|اقصاها|(?<!من\\s)خلال|في\\s+غضون|في\\s+موعد\\s+اقصاه";
const BOUND_TARGET = "في\\s+حدود|حوالي|تقريبا|قرابه";
const QUANTITY = `(?:(?:[(\\[]\\s*)?(\\d{1,4}|${NUMBER_WORDS})\\s*(?:[)\\]]\\s*)?(?:[(\\[][^)\\]]{1,25}[)\\]]\\s*)?)?`;
const PERIOD = new RegExp(
  `${START}(?:(${BOUND_MIN})|(${BOUND_MAX})|(${BOUND_TARGET}))\\s+(?:(?:مده|فتره)\\s+)?(?:(?:اقصاها|ادناها|لا\\s+(?:تقل|تزيد)\\s+(?:عن|علي))\\s+)?${QUANTITY}${UNIT}`,
  "gu",
);

function unitValue(unitWord: string, quantity: string | undefined): number | null {
  if (quantity) return parseArabicNumber(quantity);
  if (/ين$/.test(unitWord)) return 2; // يومين، أسبوعين، شهرين
  if (/^(يوم|اسبوع|شهر|يوما|اسبوعا|شهرا)$/.test(unitWord)) return 1;
  return null; // «أيام» without a number says nothing
}

function responsePeriodIn(line: string): ResponsePeriodRule | null {
  const folded = foldArabic(line);
  for (const m of folded.matchAll(PERIOD)) {
    // A nested bound ("خلال مدة لا تقل عن") decides over the outer one.
    const inner = /لا\s+(تقل|تزيد)/.exec(m[0].slice((m[1] ?? m[2] ?? m[3] ?? "").length));
    let bound: ResponsePeriodRule["bound"] = m[1] ? "min" : m[2] ? "max" : "target";
    if (inner) bound = inner[1] === "تقل" ? "min" : "max";
    const unitWord = m[5]!;
    const value = unitValue(unitWord, m[4]);
    if (!value) continue;
    const working = m[6] !== undefined;
    const unit: ResponsePeriodRule["unit"] = /^(يوم|ايام|يوما|يومين)$/.test(unitWord)
      ? working
        ? "working_days"
        : "days"
      : /اسبوع|اسابيع/.test(unitWord)
        ? "weeks"
        : "months";
    const after = folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 80);
    const startsAt = /(اكتمال|استكمال|اكتمل|تكامل)/.test(after.split(/\s+(?:تقديم|استلام|ورود)\s+/)[0] ?? "")
      ? "completion"
      : "submission";
    return { value, unit, bound, startsAt };
  }
  return null;
}

function responsePeriod(steps: readonly string[], policy: CleanedPolicy): ResponsePeriodRule | null {
  for (const step of steps) {
    const rule = responsePeriodIn(step);
    if (rule) return rule;
  }
  // Elsewhere, only in sentences about answering a request, not about complaints or goals.
  for (const line of policy.lines) {
    const folded = foldArabic(line.text);
    if (!/(رد|البت|قبول|رفض|دراسه|اجابه)/.test(folded) || /(شكو|شكاو)/.test(folded)) continue;
    const rule = responsePeriodIn(line.text);
    if (rule) return rule;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sections present

function hasSections(policy: CleanedPolicy): ImportedPolicySections {
  const headings = policy.sections.map((s) => foldArabic(s.heading ?? ""));
  const body = policy.lines.map((l) => foldArabic(l.text));
  const anyHeading = (p: RegExp) => headings.some((h) => p.test(h));
  const anyLine = (p: RegExp) => body.some((l) => p.test(l));
  return {
    compensation: anyHeading(/تعويض/) || anyLine(/تعويض|يعوض|تعوض/),
    complaints: anyHeading(/شكو|شكاو|الخلافات|تظلم/) || anyLine(/شكو|شكاو|شكاي|تظلم/),
    privacy:
      anyHeading(/خصوصي|سريه|حمايه (ال)?بيانات/) ||
      anyLine(/خصوصي|سريه (ال)?(بيانات|معلومات|وثايق)|بسريه|حمايه (ال)?بيانات|البيانات الشخصيه/),
    liaisonOfficer: anyLine(/ضباط (ال)?اتصال|ضابط (ال)?اتصال/) || anyHeading(/ضباط|ضابط/),
    staffAcknowledgement:
      anyHeading(/(اطلاع|توقيع|اقرار)\S*\s.*(موظف|عاملين|منسوب)|(موظف|عاملين|منسوب).*(اطلاع|توقيع|اقرار)/) ||
      body.some(
        (l) =>
          /(موظف|العاملين|منسوب)/.test(l) &&
          /(اطلاع|يطلع|اطلع|الاطلاع)/.test(l) &&
          /(توقيع|يوقع|وقع)/.test(l),
      ),
  };
}

// ---------------------------------------------------------------------------------------------
// Board approval

const ORDINALS: [RegExp, number][] = [
  [/^(ال)?(حادي|حاديه) عشر/, 11],
  [/^(ال)?(ثاني|ثانيه) عشر/, 12],
  [/^(ال)?(ثالث|ثالثه) عشر/, 13],
  [/^(ال)?(رابع|رابعه) عشر/, 14],
  [/^(ال)?(خامس|خامسه) عشر/, 15],
  [/^(ال)?(اول|اولي|اوله)(?!\p{L})/u, 1],
  [/^(ال)?(ثاني|ثانيه)(?!\p{L})/u, 2],
  [/^(ال)?(ثالث|ثالثه)(?!\p{L})/u, 3],
  [/^(ال)?(رابع|رابعه)(?!\p{L})/u, 4],
  [/^(ال)?(خامس|خامسه)(?!\p{L})/u, 5],
  [/^(ال)?(سادس|سادسه)(?!\p{L})/u, 6],
  [/^(ال)?(سابع|سابعه)(?!\p{L})/u, 7],
  [/^(ال)?(ثامن|ثامنه)(?!\p{L})/u, 8],
  [/^(ال)?(تاسع|تاسعه)(?!\p{L})/u, 9],
  [/^(ال)?(عاشر|عاشره)(?!\p{L})/u, 10],
  [/^(ال)?(عشرون|عشرين)(?!\p{L})/u, 20],
];

/** The number after «الاجتماع» or «الدورة»: "(الثاني)", "رقم 5", "الرابعة". */
function ordinalAfter(folded: string, keyword: RegExp): string | null {
  const m = new RegExp(`${keyword.source}\\s*(?:رقم\\s*)?[(\\[«"]?\\s*([^)\\]»"]{1,20})`).exec(folded);
  if (!m) return null;
  const text = m[1]!.trim();
  const digits = /^(\d{1,4})(?!\d|\/)/.exec(text);
  if (digits) return String(Number(digits[1]));
  for (const [pattern, value] of ORDINALS) if (pattern.test(text)) return String(value);
  return null;
}

const NUMERIC_DATE = /(?<!\d)(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})(?!\d)/g;
const NAMED_DATE = /(?<!\d)(\d{1,2})\s+([\p{L}]+(?:\s+[\p{L}]+){0,2}?)\s+(\d{4})(?!\d)/gu;

function hijriDateIn(text: string): string | null {
  const folded = foldArabic(text);
  const candidates: { at: number; text: string }[] = [];
  for (const m of folded.matchAll(NUMERIC_DATE)) candidates.push({ at: m.index ?? 0, text: m[0] });
  for (const m of folded.matchAll(NAMED_DATE)) candidates.push({ at: m.index ?? 0, text: m[0] });
  candidates.sort((a, b) => a.at - b.at);
  for (const candidate of candidates) {
    const parsed = parseHijri(candidate.text);
    if (parsed.ok) return toIsoDate(parsed.value);
  }
  return null;
}

const POSITION =
  /(رييس|نايب|عضو|امين|(المسوول|المسيول) المالي|المشرف المالي|المدير التنفيذي|سكرتير|مقرر|الامين العام|امين الصندوق)/;

function boardMembers(policy: CleanedPolicy): ImportedBoardMember[] {
  const members: ImportedBoardMember[] = [];
  // A header row («الاسم | المنصب») fixes the columns; without one, the position is the cell that
  // reads like a position and the name the first other cell of two words or more.
  let columns: { name: number; position: number } | null = null;
  for (const line of policy.lines) {
    if (line.kind !== "row") continue;
    const folded = line.cells.map((c) => foldArabic(c));
    const nameColumn = folded.findIndex((c) => /^(ال)?(اسم|الاسم|اسم العضو|الاعضاء)$/.test(c));
    const positionColumn = folded.findIndex((c) => /^(ال)?(منصب|صفه|المنصب|الصفه|المسمي)$/.test(c));
    if (nameColumn >= 0 && positionColumn >= 0) {
      columns = { name: nameColumn, position: positionColumn };
      continue;
    }
    let name = columns ? (line.cells[columns.name] ?? "") : "";
    let position = columns ? (line.cells[columns.position] ?? "") : "";
    if (!POSITION.test(foldArabic(position)) || name === "") {
      const positionIndex = folded.findIndex((c) => POSITION.test(c) && c.split(" ").length <= 5);
      if (positionIndex < 0) continue;
      const nameIndex = folded.findIndex(
        (c, i) => i !== positionIndex && /\p{L}{2,}/u.test(c) && c.split(" ").length >= 2,
      );
      if (nameIndex < 0) continue;
      name = line.cells[nameIndex]!;
      position = line.cells[positionIndex]!;
    }
    members.push({ name: collapseWhitespace(name), position: collapseWhitespace(position) });
  }
  return members;
}

function boardApproval(policy: CleanedPolicy): ImportedBoardApproval | null {
  const approvalLines = policy.lines
    .map((l) => l.text)
    .filter((t) => {
      const f = foldArabic(t);
      return /(اعتمد|اعتماد|اقر|وافق|صادق|مصادقه|موافقه)/.test(f) && /(مجلس|اجتماع|جلسه|دوره)/.test(f);
    });
  let hijriDate: string | null = null;
  let meeting: string | null = null;
  let term: string | null = null;
  for (const line of approvalLines) {
    const folded = foldArabic(line);
    hijriDate ??= hijriDateIn(line);
    meeting ??= ordinalAfter(folded, /(?:الاجتماع|اجتماعه|اجتماعها|اجتماع|الجلسه|جلسته|جلستها|جلسه)/);
    term ??= ordinalAfter(folded, /(?:الدوره|دورته|دورتها|دوره)/);
  }
  const members = boardMembers(policy);
  if (!hijriDate && !meeting && !term && members.length === 0) return null;
  return { hijriDate, meeting, term, members };
}

// ---------------------------------------------------------------------------------------------

function entriesOf(section: PolicySection | null): string[] {
  return section ? sectionEntries(section).map((t) => collapseWhitespace(t)) : [];
}

/** Lines about satisfaction outside its own section («نقيس رضا المستفيدين عبر الاستبانات…»). */
function satisfactionLines(policy: CleanedPolicy, section: PolicySection | null): string[] {
  const own = entriesOf(section);
  const elsewhere = policy.lines
    .filter((l: PolicyLine) => l.kind !== "heading" && /رضا/.test(foldArabic(l.text)))
    .map((l) => l.text)
    .filter((t) => !own.includes(t));
  return [...own, ...elsewhere];
}

/** Reads an association's policy text (as extracted from its PDF or Word file) into a draft. */
export function importPolicyText(text: string): ImportedPolicy {
  const policy = cleanPolicyText(text);
  const steps = entriesOf(findSection(policy.sections, "steps"));
  const satisfaction = findSection(policy.sections, "satisfaction");
  return {
    association: {
      name: letterheadName(policy) ?? nameFromText(policy),
      licenseNumber: licenseNumber(policy),
    },
    channels: codesIn(entriesOf(findSection(policy.sections, "channels")), CHANNELS),
    officerTools: codesIn(entriesOf(findSection(policy.sections, "tools")), TOOLS),
    handlingSteps: steps,
    referralRole: referralRole(steps) ?? referralRole(policy.lines.map((l) => l.text)),
    responsePeriod: responsePeriod(steps, policy),
    sections: hasSections(policy),
    satisfactionMethods: codesIn(satisfactionLines(policy, satisfaction), SATISFACTION).filter(
      // Interviews count as a satisfaction method only where satisfaction is discussed.
      (code) => code !== "interviews" || satisfaction !== null,
    ),
    boardApproval: boardApproval(policy),
  };
}
