import { describe, expect, it } from "vitest";
import type { Question } from "../../../shared/contracts/surveys.js";
import {
  checkAnswers,
  followUpOf,
  isLowScore,
  mergeDeltas,
  npsScore,
  type RollupDelta,
  rollupDeltas,
  themesOf,
} from "./surveys.rules.js";
import { lastTwelveMonths } from "./surveys.service.js";

const q = (question: Partial<Question> & Pick<Question, "key" | "kind">): Question => ({
  text: { ar: "سؤال" },
  required: false,
  options: [],
  aboutStaff: false,
  ...question,
});

const questions = [
  q({ key: "csat", kind: "csat", required: true }),
  q({ key: "why", kind: "text", showIf: { questionKey: "csat", anyOf: ["1", "2"] } }),
  q({ key: "nps", kind: "nps" }),
  q({
    key: "ways",
    kind: "multiple_choice",
    options: [
      { key: "sms", text: { ar: "رسالة" } },
      { key: "phone", text: { ar: "اتصال" } },
    ],
  }),
];

describe("free text themes", () => {
  it("finds the themes through the Arabic normaliser, whatever the hamza or article", () => {
    expect(themesOf("الإنتظار كان طويلاً")).toContain("waiting");
    expect(themesOf("تأخر موعدي")).toContain("waiting");
    expect(themesOf("الموظفة لطيفة في التعامل")).toEqual(["staff"]);
    expect(themesOf("طلبوا أوراقاً كثيرة")).toEqual(["documents"]);
    expect(themesOf("لم يتصل بي أحد")).toEqual(["communication"]);
    expect(themesOf("المبلغ لا يكفي")).toEqual(["support_value"]);
    expect(themesOf("جزاكم الله خيرًا")).toEqual(["other"]);
  });
});

describe("answers", () => {
  it("drops a hidden question's answer and empty text, and reads a form's digits as scores", () => {
    expect(checkAnswers(questions, { csat: "5", why: "لا شيء", nps: 9, ways: ["sms", "sms"] })).toEqual({
      csat: 5,
      nps: 9,
      ways: ["sms"],
    });
    expect(checkAnswers(questions, { csat: 1, why: "  " })).toEqual({ csat: 1 });
  });

  it("names every problem at once", () => {
    expect(() => checkAnswers(questions, { nps: 11, ways: ["fax"], extra: 1 })).toThrow(
      /answers.extra: unknown_question; answers.csat: required; answers.nps: invalid_value; answers.ways: invalid_value/,
    );
  });

  it("recognises low scores and copies the lowest with the text for a follow-up", () => {
    expect([
      isLowScore("csat", 2),
      isLowScore("csat", 3),
      isLowScore("nps", 6),
      isLowScore("nps", 7),
    ]).toEqual([true, false, true, false]);
    expect(followUpOf(questions, { csat: 2, why: "تأخير", nps: 0 })).toEqual({
      lowest: { kind: "nps", value: 0 },
      text: "تأخير",
    });
    expect(followUpOf(questions, { csat: 4, nps: 9 })).toBeNull();
  });
});

describe("rollups", () => {
  it("add up counts, sums, NPS groups and per-value counts", () => {
    const merged = new Map<string, RollupDelta>();
    mergeDeltas(merged, "2026-04", rollupDeltas(questions, { csat: 1, why: "انتظار", nps: 10 }));
    mergeDeltas(merged, "2026-04", rollupDeltas(questions, { csat: 5, nps: 3, ways: ["sms", "phone"] }));
    expect(merged.get("2026-04||answer")!.answers).toBe(2);
    expect(merged.get("2026-04|csat|csat")).toMatchObject({ answers: 2, sum: 6, counts: { "1": 1, "5": 1 } });
    expect(merged.get("2026-04|nps|nps")).toMatchObject({ promoters: 1, detractors: 1, passives: 0 });
    expect(merged.get("2026-04|why|text")!.counts).toEqual({ waiting: 1 });
    expect(merged.get("2026-04|ways|multiple_choice")!.counts).toEqual({ sms: 1, phone: 1 });
    expect(npsScore(1, 0, 1)).toBe(0);
    expect(npsScore(0, 0, 0)).toBeNull();
  });

  it("counts a year of months back across the turn of a year", () => {
    expect(lastTwelveMonths("2026-04")).toBe("2025-05");
    expect(lastTwelveMonths("2026-12")).toBe("2026-01");
  });
});
