import type { FieldError } from "../../../shared/contracts/errors.js";
import type { Question, SurveyTheme } from "../../../shared/contracts/surveys.js";
import { normalizeArabicName } from "../../../shared/domain/index.js";
import { AppError } from "../../http/errors.js";

/**
 * The rules of a survey without I/O: a survey's questions checked, an answer checked against its
 * version, free text put under a theme, a low score recognised, and what one answer adds to the
 * monthly rollup.
 */

const choiceKinds = new Set(["single_choice", "multiple_choice"]);
const scoreRange: Record<string, [number, number]> = { csat: [1, 5], nps: [0, 10], likert: [1, 5] };

export function fieldError(path: string, code: string, ar: string, en: string): FieldError {
  return { path, code, message: { ar, en } };
}

export function invalid(errors: FieldError[]): AppError {
  return new AppError("validation_failed", errors.map((e) => `${e.path}: ${e.code}`).join("; "), {
    fieldErrors: errors,
  });
}

/** The values a question may be answered with, as the strings `showIf` names them by. */
export function valuesOf(question: Question): string[] | null {
  const range = scoreRange[question.kind];
  if (range) return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => String(range[0] + i));
  if (choiceKinds.has(question.kind)) return question.options.map((o) => o.key);
  return null;
}

/** Every problem of a survey's questions at once; none means it may be saved. */
export function questionProblems(questions: readonly Question[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, Question>();
  for (const [i, q] of questions.entries()) {
    const at = `questions.${i}`;
    if (seen.has(q.key))
      problems.push(
        fieldError(
          `${at}.key`,
          "duplicate_question_key",
          "رمز السؤال مكرر؛ لكل سؤال رمز لا يتكرر.",
          "The question key is repeated; each question needs its own.",
        ),
      );
    if (choiceKinds.has(q.kind)) {
      if (q.options.length < 2 || q.options.length > 12)
        problems.push(
          fieldError(
            `${at}.options`,
            "options_count",
            "لسؤال الاختيار من خيارين إلى اثني عشر خيارًا.",
            "A choice question has 2 to 12 options.",
          ),
        );
      const keys = new Set<string>();
      for (const [j, option] of q.options.entries()) {
        if (keys.has(option.key))
          problems.push(
            fieldError(
              `${at}.options.${j}.key`,
              "duplicate_option_key",
              "رمز الخيار مكرر في السؤال.",
              "The option key is repeated in this question.",
            ),
          );
        keys.add(option.key);
      }
    } else if (q.options.length > 0) {
      problems.push(
        fieldError(
          `${at}.options`,
          "options_not_allowed",
          "الخيارات لأسئلة الاختيار فقط.",
          "Only choice questions have options.",
        ),
      );
    }
    if (q.aboutStaff && q.kind !== "csat" && q.kind !== "likert")
      problems.push(
        fieldError(
          `${at}.aboutStaff`,
          "about_staff_kind",
          "تقييم الموظف يكون بسؤال رضا أو موافقة من ١ إلى ٥.",
          "A rating about staff is a CSAT or agreement question (1–5).",
        ),
      );
    if (q.showIf) {
      const target = seen.get(q.showIf.questionKey);
      const values = target ? valuesOf(target) : null;
      if (!target || !values)
        problems.push(
          fieldError(
            `${at}.showIf.questionKey`,
            "show_if_not_earlier",
            "الشرط يشير إلى سؤال تقييم أو اختيار سابق.",
            "The condition points to an earlier score or choice question.",
          ),
        );
      else
        for (const [j, value] of q.showIf.anyOf.entries())
          if (!values.includes(value))
            problems.push(
              fieldError(
                `${at}.showIf.anyOf.${j}`,
                "show_if_value",
                "قيمة الشرط ليست من إجابات السؤال المشار إليه.",
                "The condition's value is not an answer of that question.",
              ),
            );
    }
    if (!seen.has(q.key)) seen.set(q.key, q);
  }
  return problems;
}

export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** Whether a question is shown, given the answers before it. */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const given = answers[question.showIf.questionKey];
  if (given === undefined) return false;
  const values = Array.isArray(given) ? given : [String(given)];
  return values.some((v) => question.showIf!.anyOf.includes(v));
}

/**
 * The answers kept: each checked against its question's kind, hidden questions dropped, empty text
 * dropped, and every shown required question answered. Throws with every problem at once.
 */
export function checkAnswers(questions: readonly Question[], raw: Answers): Answers {
  const problems: FieldError[] = [];
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(raw))
    if (!known.has(key))
      problems.push(fieldError(`answers.${key}`, "unknown_question", "سؤال غير موجود.", "No such question."));
  const kept: Answers = {};
  const bad = (key: string) =>
    problems.push(
      fieldError(`answers.${key}`, "invalid_value", "الإجابة غير صالحة لهذا السؤال.", "Not a valid answer."),
    );
  for (const q of questions) {
    if (!isShown(q, kept)) continue;
    let value = raw[q.key];
    if (typeof value === "string" && q.kind === "text") value = value.trim();
    const empty = value === undefined || value === "" || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required)
        problems.push(
          fieldError(`answers.${q.key}`, "required", "أجب عن هذا السؤال.", "Answer this question."),
        );
      continue;
    }
    const range = scoreRange[q.kind];
    const options = q.options.map((o) => o.key);
    if (range) {
      const n = typeof value === "string" && /^\d{1,2}$/.test(value) ? Number(value) : value;
      if (typeof n !== "number" || !Number.isInteger(n) || n < range[0] || n > range[1]) bad(q.key);
      else kept[q.key] = n;
    } else if (q.kind === "single_choice") {
      if (typeof value !== "string" || !options.includes(value)) bad(q.key);
      else kept[q.key] = value;
    } else if (q.kind === "multiple_choice") {
      const list = Array.isArray(value) ? value : typeof value === "string" ? [value] : null;
      if (!list || list.some((v) => !options.includes(v))) bad(q.key);
      else kept[q.key] = [...new Set(list)];
    } else if (typeof value !== "string") bad(q.key);
    else kept[q.key] = value.slice(0, 2000);
  }
  if (problems.length) throw invalid(problems);
  return kept;
}

/**
 * The themes free text is grouped by, each a few word stems matched on the normalised text
 * (shared/domain folds hamzas, ta marbuta and marks, so «الإنتظار» and «الانتظار» meet).
 */
const themeWords: [SurveyTheme, string[]][] = [
  [
    "waiting",
    ["انتظار", "انتظر", "تاخير", "تاخر", "متاخر", "موعد", "مواعيد", "طابور", "بطء", "بطيء", "وقت طويل"],
  ],
  ["staff", ["موظف", "موظفه", "الموظفين", "تعامل", "معامله", "اسلوب", "احترام", "لبق", "ابتسام", "استقبال"]],
  ["documents", ["مستند", "مستندات", "اوراق", "ورق", "وثيق", "وثائق", "صك", "شهاده", "صوره الهويه", "تقرير"]],
  [
    "communication",
    ["تواصل", "اتصال", "اتصل", "رسال", "رد", "يتصل", "جوال", "هاتف", "واتساب", "ابلاغ", "اشعار"],
  ],
  ["support_value", ["مبلغ", "قيمه", "الدعم", "مساعد", "سله", "كافي", "يكفي", "قليل", "مبالغ", "المعونه"]],
];

// A stem matches at a word's start, after the article or a joined conjunction or preposition.
const clitics = ["", "ال", "وال", "بال", "فال", "لل", "و", "ب", "ف", "ل"];
const foldedThemes = themeWords.map(
  ([theme, words]) => [theme, words.map((w) => normalizeArabicName(w).split(" "))] as const,
);

export function themesOf(text: string): SurveyTheme[] {
  const tokens = normalizeArabicName(text).split(" ").filter(Boolean);
  const starts = (token: string, stem: string) => clitics.some((c) => token.startsWith(c + stem));
  const has = (stem: string[]) =>
    tokens.some((_, i) =>
      stem.every((part, j) => tokens[i + j] !== undefined && starts(tokens[i + j]!, part)),
    );
  const found = foldedThemes.filter(([, stems]) => stems.some(has)).map(([theme]) => theme);
  return found.length ? found : ["other"];
}

/** A score the association should look at: CSAT or Likert ≤ 2, NPS ≤ 6. */
export function isLowScore(kind: string, value: number): boolean {
  if (kind === "nps") return value <= 6;
  if (kind === "csat" || kind === "likert") return value <= 2;
  return false;
}

/** The lowest low score of an answer (relative to its scale) and its written text, for a follow-up. */
export function followUpOf(
  questions: readonly Question[],
  answers: Answers,
): { lowest: { kind: string; value: number } | null; text: string | null } | null {
  let lowest: { kind: string; value: number; share: number } | null = null;
  const texts: string[] = [];
  for (const q of questions) {
    const value = answers[q.key];
    if (typeof value === "number" && isLowScore(q.kind, value)) {
      const [min, max] = scoreRange[q.kind]!;
      const share = (value - min) / (max - min);
      if (!lowest || share < lowest.share) lowest = { kind: q.kind, value, share };
    }
    if (q.kind === "text" && typeof value === "string" && value.trim()) texts.push(value.trim());
  }
  if (!lowest && !texts.length) return null;
  return {
    lowest: lowest ? { kind: lowest.kind, value: lowest.value } : null,
    text: texts.length ? texts.join("\n").slice(0, 4000) : null,
  };
}

/** One rollup row's increments: the monthly table adds these up per survey, month and question. */
export type RollupDelta = {
  questionKey: string;
  kind: string;
  aboutStaff: boolean;
  answers: number;
  sum: number;
  promoters: number;
  passives: number;
  detractors: number;
  counts: Record<string, number>;
};

/** The `answer` row (key "") counts answers whatever was asked; then one row per answered question. */
export function rollupDeltas(questions: readonly Question[], answers: Answers): RollupDelta[] {
  const deltas: RollupDelta[] = [
    {
      questionKey: "",
      kind: "answer",
      aboutStaff: false,
      answers: 1,
      sum: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      counts: {},
    },
  ];
  for (const q of questions) {
    const value = answers[q.key];
    if (value === undefined) continue;
    const delta: RollupDelta = {
      questionKey: q.key,
      kind: q.kind,
      aboutStaff: q.aboutStaff,
      answers: 1,
      sum: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      counts: {},
    };
    if (typeof value === "number") {
      delta.sum = value;
      delta.counts[String(value)] = 1;
      if (q.kind === "nps") {
        if (value >= 9) delta.promoters = 1;
        else if (value >= 7) delta.passives = 1;
        else delta.detractors = 1;
      }
    } else if (Array.isArray(value)) {
      for (const v of value) delta.counts[v] = 1;
    } else if (q.kind === "text") {
      for (const theme of themesOf(value)) delta.counts[theme] = 1;
    } else {
      delta.counts[value] = 1;
    }
    deltas.push(delta);
  }
  return deltas;
}

/** Adds deltas of the same month and question together (a batch writes one upsert per row). */
export function mergeDeltas(into: Map<string, RollupDelta>, month: string, deltas: RollupDelta[]): void {
  for (const d of deltas) {
    const key = `${month}|${d.questionKey}|${d.kind}`;
    const row = into.get(key);
    if (!row) {
      into.set(key, { ...d, counts: { ...d.counts } });
      continue;
    }
    row.answers += d.answers;
    row.sum += d.sum;
    row.promoters += d.promoters;
    row.passives += d.passives;
    row.detractors += d.detractors;
    for (const [k, n] of Object.entries(d.counts)) row.counts[k] = (row.counts[k] ?? 0) + n;
  }
}

/** The NPS score of its groups: promoters' share minus detractors', in points. */
export function npsScore(promoters: number, passives: number, detractors: number): number | null {
  const n = promoters + passives + detractors;
  return n ? Math.round(((promoters - detractors) / n) * 1000) / 10 : null;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
