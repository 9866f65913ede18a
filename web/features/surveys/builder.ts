import type {
  QuestionInput,
  QuestionKind,
  SaveSurveyRequest,
  SurveyPurpose,
} from "../../../shared/contracts/surveys.js";
import type { MessageKey } from "../../i18n/i18n.js";

/**
 * The survey builder's draft and the rules it checks before sending: what the person edits (plain
 * strings, every question and option with its stable key), turned into the contract's request.
 */
export type OptionDraft = { key: string; ar: string; en: string };
export type ConditionDraft = { questionKey: string; anyOf: string[] };
export type QuestionDraft = {
  key: string;
  kind: QuestionKind;
  ar: string;
  en: string;
  required: boolean;
  options: OptionDraft[];
  showIf: ConditionDraft | null;
  aboutStaff: boolean;
};
export type SurveyDraft = {
  name: string;
  purpose: SurveyPurpose;
  introAr: string;
  introEn: string;
  questions: QuestionDraft[];
};

export const maxQuestions = 40;
export const maxOptions = 12;
export const minOptions = 2;

export function isChoiceKind(kind: QuestionKind): boolean {
  return kind === "single_choice" || kind === "multiple_choice";
}

/** A score the person gives (and so a rating an employee may be given in aggregate). */
export function isScoreKind(kind: QuestionKind): boolean {
  return kind === "csat" || kind === "nps" || kind === "likert";
}

/** The first key of the form `q1`, `q2`… (or `o1`… for options) not already taken. */
export function nextKey(taken: readonly string[], prefix: "q" | "o"): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

function blankOptions(count: number, taken: string[] = []): OptionDraft[] {
  const options: OptionDraft[] = [];
  for (let i = 0; i < count; i += 1) {
    options.push({ key: nextKey([...taken, ...options.map((o) => o.key)], "o"), ar: "", en: "" });
  }
  return options;
}

export function emptyDraft(): SurveyDraft {
  return { name: "", purpose: "post_service", introAr: "", introEn: "", questions: [] };
}

export function newQuestion(questions: readonly QuestionDraft[], kind: QuestionKind = "csat"): QuestionDraft {
  return {
    key: nextKey(
      questions.map((q) => q.key),
      "q",
    ),
    kind,
    ar: "",
    en: "",
    required: false,
    options: isChoiceKind(kind) ? blankOptions(minOptions) : [],
    showIf: null,
    aboutStaff: false,
  };
}

/** A survey as saved (a template, or a survey's current version) opened in the builder. */
export function draftFromSurvey(survey: SaveSurveyRequest): SurveyDraft {
  return {
    name: survey.name,
    purpose: survey.purpose,
    introAr: survey.intro?.ar ?? "",
    introEn: survey.intro?.en ?? "",
    questions: survey.questions.map((q: QuestionInput) => ({
      key: q.key,
      kind: q.kind,
      ar: q.text.ar,
      en: q.text.en ?? "",
      required: q.required ?? false,
      options: (q.options ?? []).map((o) => ({ key: o.key, ar: o.text.ar, en: o.text.en ?? "" })),
      showIf: q.showIf ? { questionKey: q.showIf.questionKey, anyOf: [...q.showIf.anyOf] } : null,
      aboutStaff: q.aboutStaff ?? false,
    })),
  };
}

/** Another kind for a question: choices appear (two blank) or go, and «عن الموظف» stays only on a score. */
export function changeKind(question: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const options = isChoiceKind(kind)
    ? question.options.length >= minOptions
      ? question.options
      : [
          ...question.options,
          ...blankOptions(
            minOptions - question.options.length,
            question.options.map((o) => o.key),
          ),
        ]
    : [];
  return { ...question, kind, options, aboutStaff: isScoreKind(kind) ? question.aboutStaff : false };
}

export function addOption(question: QuestionDraft): QuestionDraft {
  if (question.options.length >= maxOptions) return question;
  return {
    ...question,
    options: [
      ...question.options,
      ...blankOptions(
        1,
        question.options.map((o) => o.key),
      ),
    ],
  };
}

export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item as T);
  return moved;
}

/**
 * A question removed: the conditions that depended on it go with it (a condition on a question that
 * no longer exists could never be met, and the person would never see the question).
 */
export function removeQuestion(questions: readonly QuestionDraft[], index: number): QuestionDraft[] {
  const removed = questions[index];
  if (!removed) return [...questions];
  return questions
    .filter((_, i) => i !== index)
    .map((q) => (q.showIf?.questionKey === removed.key ? { ...q, showIf: null } : q));
}

/** The questions a condition on question `index` may depend on: earlier ones with an answer to choose. */
export function conditionSources(questions: readonly QuestionDraft[], index: number): QuestionDraft[] {
  return questions.slice(0, Math.max(0, index)).filter((q) => q.kind !== "text");
}

/** The answer values a condition may name for a question: its scores as digits, or its choices' keys. */
export function answerValues(question: Pick<QuestionDraft, "kind" | "options">): string[] {
  switch (question.kind) {
    case "csat":
    case "likert":
      return ["1", "2", "3", "4", "5"];
    case "nps":
      return Array.from({ length: 11 }, (_, i) => String(i));
    case "single_choice":
    case "multiple_choice":
      return question.options.map((o) => o.key);
    case "text":
      return [];
  }
}

/** Why a question's condition cannot be kept as it stands: its question is not earlier, or no value it names exists. */
export function conditionProblem(
  questions: readonly QuestionDraft[],
  index: number,
): "source" | "values" | null {
  const condition = questions[index]?.showIf;
  if (!condition) return null;
  const source = conditionSources(questions, index).find((q) => q.key === condition.questionKey);
  if (!source) return "source";
  const values = answerValues(source);
  return condition.anyOf.some((v) => values.includes(v)) ? null : "values";
}

export type DraftProblem = { path: string; message: MessageKey; values?: Record<string, number> };

const lengthOf = (text: string) => text.trim().length;

/**
 * What the builder says before sending, at the paths the server names its own refusals by
 * (`questions.2.text.ar`…), so either lands beside the same field.
 */
export function checkDraft(draft: SurveyDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!lengthOf(draft.name)) problems.push({ path: "name", message: "surveys.error.name" });
  else if (lengthOf(draft.name) > 200)
    problems.push({ path: "name", message: "surveys.error.tooLong", values: { max: 200 } });
  if (!lengthOf(draft.introAr) && lengthOf(draft.introEn))
    problems.push({ path: "intro.ar", message: "surveys.error.introArabic" });
  for (const [path, text] of [
    ["intro.ar", draft.introAr],
    ["intro.en", draft.introEn],
  ] as const) {
    if (lengthOf(text) > 500) problems.push({ path, message: "surveys.error.tooLong", values: { max: 500 } });
  }
  if (draft.questions.length === 0)
    problems.push({ path: "questions", message: "surveys.error.noQuestions" });
  if (draft.questions.length > maxQuestions)
    problems.push({
      path: "questions",
      message: "surveys.error.tooManyQuestions",
      values: { max: maxQuestions },
    });
  draft.questions.forEach((q, i) => {
    const at = `questions.${i}`;
    if (!lengthOf(q.ar)) problems.push({ path: `${at}.text.ar`, message: "surveys.error.questionText" });
    else if (lengthOf(q.ar) > 500)
      problems.push({ path: `${at}.text.ar`, message: "surveys.error.tooLong", values: { max: 500 } });
    if (lengthOf(q.en) > 500)
      problems.push({ path: `${at}.text.en`, message: "surveys.error.tooLong", values: { max: 500 } });
    if (isChoiceKind(q.kind)) {
      if (q.options.length < minOptions || q.options.length > maxOptions)
        problems.push({
          path: `${at}.options`,
          message: "surveys.error.optionsCount",
          values: { min: minOptions, max: maxOptions },
        });
      q.options.forEach((o, j) => {
        if (!lengthOf(o.ar))
          problems.push({ path: `${at}.options.${j}.text.ar`, message: "surveys.error.optionText" });
        else if (lengthOf(o.ar) > 500)
          problems.push({
            path: `${at}.options.${j}.text.ar`,
            message: "surveys.error.tooLong",
            values: { max: 500 },
          });
      });
    }
    const condition = conditionProblem(draft.questions, i);
    if (condition === "source")
      problems.push({ path: `${at}.showIf`, message: "surveys.error.conditionSource" });
    if (condition === "values")
      problems.push({ path: `${at}.showIf`, message: "surveys.error.conditionValues" });
  });
  return problems;
}

const wording = (ar: string, en: string) => ({ ar: ar.trim(), ...(en.trim() ? { en: en.trim() } : {}) });

/** The request the draft sends: trimmed, English only where written, a condition's values only those that exist. */
export function toRequest(draft: SurveyDraft): SaveSurveyRequest {
  return {
    name: draft.name.trim(),
    purpose: draft.purpose,
    ...(draft.introAr.trim() || draft.introEn.trim() ? { intro: wording(draft.introAr, draft.introEn) } : {}),
    questions: draft.questions.map((q, i) => {
      const source = q.showIf
        ? conditionSources(draft.questions, i).find((s) => s.key === q.showIf?.questionKey)
        : undefined;
      const anyOf = source && q.showIf ? q.showIf.anyOf.filter((v) => answerValues(source).includes(v)) : [];
      return {
        key: q.key,
        kind: q.kind,
        text: wording(q.ar, q.en),
        required: q.required,
        options: isChoiceKind(q.kind)
          ? q.options.map((o) => ({ key: o.key, text: wording(o.ar, o.en) }))
          : [],
        ...(q.showIf && anyOf.length ? { showIf: { questionKey: q.showIf.questionKey, anyOf } } : {}),
        aboutStaff: isScoreKind(q.kind) && q.aboutStaff,
      };
    }),
  };
}
