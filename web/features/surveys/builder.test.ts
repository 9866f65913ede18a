import { describe, expect, it } from "vitest";
import { saveSurveyRequestSchema } from "../../../shared/contracts/surveys.js";
import {
  addOption,
  answerValues,
  changeKind,
  checkDraft,
  conditionProblem,
  conditionSources,
  draftFromSurvey,
  emptyDraft,
  moveItem,
  newQuestion,
  nextKey,
  type QuestionDraft,
  removeQuestion,
  type SurveyDraft,
  toRequest,
} from "./builder.js";

function question(change: Partial<QuestionDraft> & Pick<QuestionDraft, "key">): QuestionDraft {
  return {
    kind: "csat",
    ar: "ما مدى رضاك؟",
    en: "",
    required: false,
    options: [],
    showIf: null,
    aboutStaff: false,
    ...change,
  };
}

const choice = question({
  key: "q2",
  kind: "single_choice",
  ar: "كيف وصلت إلى الجمعية؟",
  options: [
    { key: "o1", ar: "زيارة", en: "" },
    { key: "o2", ar: "اتصال", en: "Call" },
  ],
});

function survey(questions: QuestionDraft[]): SurveyDraft {
  return { ...emptyDraft(), name: "رضا ما بعد الخدمة", questions };
}

describe("the survey builder's keys", () => {
  it("takes the first key not yet used, so a question keeps its key when others are removed", () => {
    expect(nextKey([], "q")).toBe("q1");
    expect(nextKey(["q1", "q3"], "q")).toBe("q2");
    expect(newQuestion([question({ key: "q1" }), question({ key: "q2" })]).key).toBe("q3");
  });

  it("gives a new choice question two blank choices, and a choice its own key", () => {
    const fresh = newQuestion([], "multiple_choice");
    expect(fresh.options.map((o) => o.key)).toEqual(["o1", "o2"]);
    expect(addOption(fresh).options.map((o) => o.key)).toEqual(["o1", "o2", "o3"]);
  });
});

describe("changing a question's kind", () => {
  it("adds choices for a choice kind and drops them otherwise; «عن الموظف» stays only on a score", () => {
    const staff = question({ key: "q1", aboutStaff: true });
    const asChoice = changeKind(staff, "single_choice");
    expect(asChoice.options).toHaveLength(2);
    expect(asChoice.aboutStaff).toBe(false);
    expect(changeKind(choice, "text").options).toEqual([]);
    expect(changeKind(staff, "likert").aboutStaff).toBe(true);
  });
});

describe("moving and removing questions", () => {
  it("moves one place up or down, and not past either end", () => {
    expect(moveItem(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("drops the conditions on a removed question with it", () => {
    const questions = [
      question({ key: "q1" }),
      question({ key: "q2", kind: "text", ar: "لماذا؟", showIf: { questionKey: "q1", anyOf: ["1", "2"] } }),
    ];
    const left = removeQuestion(questions, 0);
    expect(left.map((q) => q.key)).toEqual(["q2"]);
    expect(left[0]?.showIf).toBeNull();
  });
});

describe("conditions on an earlier answer («يظهر فقط إذا»)", () => {
  it("offers only earlier questions that have answers to choose", () => {
    const questions = [
      question({ key: "q1" }),
      question({ key: "q3", kind: "text" }),
      choice,
      question({ key: "q4" }),
    ];
    expect(conditionSources(questions, 3).map((q) => q.key)).toEqual(["q1", "q2"]);
    expect(conditionSources(questions, 0)).toEqual([]);
  });

  it("names scores by their digits and choices by their keys", () => {
    expect(answerValues({ kind: "csat", options: [] })).toEqual(["1", "2", "3", "4", "5"]);
    expect(answerValues({ kind: "nps", options: [] })).toHaveLength(11);
    expect(answerValues({ kind: "nps", options: [] })[0]).toBe("0");
    expect(answerValues(choice)).toEqual(["o1", "o2"]);
    expect(answerValues({ kind: "text", options: [] })).toEqual([]);
  });

  it("refuses a condition on a later question (after a move) or with no value that exists", () => {
    const dependent = question({ key: "q3", kind: "text", showIf: { questionKey: "q2", anyOf: ["o2"] } });
    expect(conditionProblem([choice, dependent], 1)).toBeNull();
    expect(conditionProblem(moveItem([choice, dependent], 1, -1), 0)).toBe("source");
    const noValue = { ...dependent, showIf: { questionKey: "q2", anyOf: ["o9"] } };
    expect(conditionProblem([choice, noValue], 1)).toBe("values");
  });
});

describe("checking the draft before sending", () => {
  it("names each problem at the path the server uses for the same field", () => {
    const draft: SurveyDraft = {
      ...emptyDraft(),
      introEn: "Welcome",
      questions: [
        question({ key: "q1", ar: " " }),
        { ...choice, options: [{ key: "o1", ar: "", en: "" }] },
        question({ key: "q3", showIf: { questionKey: "q2", anyOf: [] } }),
      ],
    };
    expect(checkDraft(draft).map((p) => `${p.path} ${p.message}`)).toEqual([
      "name surveys.error.name",
      "intro.ar surveys.error.introArabic",
      "questions.0.text.ar surveys.error.questionText",
      "questions.1.options surveys.error.optionsCount",
      "questions.1.options.0.text.ar surveys.error.optionText",
      "questions.2.showIf surveys.error.conditionValues",
    ]);
  });

  it("asks for at least one question", () => {
    expect(checkDraft(survey([])).map((p) => p.path)).toEqual(["questions"]);
  });

  it("finds nothing to say about a complete survey", () => {
    expect(checkDraft(survey([question({ key: "q1" }), choice]))).toEqual([]);
  });
});

describe("the request the builder sends", () => {
  it("is trimmed, carries English only where written, and passes the contract", () => {
    const draft = survey([
      question({ key: "q1", ar: "  ما مدى رضاك؟ ", aboutStaff: true, required: true }),
      choice,
      question({
        key: "q3",
        kind: "text",
        ar: "ما الذي نحسّنه؟",
        // A value whose choice was removed is not sent.
        showIf: { questionKey: "q2", anyOf: ["o2", "o9"] },
        aboutStaff: true,
      }),
    ]);
    const request = toRequest({ ...draft, introAr: "شكرًا لوقتك", introEn: "  " });
    expect(request.intro).toEqual({ ar: "شكرًا لوقتك" });
    expect(request.questions[0]).toMatchObject({
      text: { ar: "ما مدى رضاك؟" },
      required: true,
      aboutStaff: true,
    });
    expect(request.questions[1]?.options).toEqual([
      { key: "o1", text: { ar: "زيارة" } },
      { key: "o2", text: { ar: "اتصال", en: "Call" } },
    ]);
    expect(request.questions[2]).toMatchObject({
      showIf: { questionKey: "q2", anyOf: ["o2"] },
      aboutStaff: false,
    });
    expect(saveSurveyRequestSchema.safeParse(request).success).toBe(true);
  });

  it("opens a saved survey as the same draft it was sent from", () => {
    const draft = survey([question({ key: "q1", en: "How satisfied are you?" }), choice]);
    expect(draftFromSurvey(toRequest(draft))).toEqual(draft);
  });
});
