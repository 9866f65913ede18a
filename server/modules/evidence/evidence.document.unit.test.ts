import { describe, expect, it } from "vitest";
import type { SatisfactionSummary } from "../../../shared/contracts/surveys.js";
import { satisfactionSection } from "./evidence.document.js";

/** The satisfaction section as it reads once the surveys module hands its summary (G7). */
describe("the evidence pack's satisfaction section", () => {
  it("shows CSAT, NPS, answers per month and themes from the surveys module's summary", () => {
    const summary: SatisfactionSummary = {
      answers: 48,
      invited: 120,
      csat: 4.256,
      nps: 31.7,
      byMonth: [
        { month: "2026-03", answers: 20, csat: 4.1, nps: 25 },
        { month: "2026-04", answers: 28, csat: 4.37, nps: 36 },
      ],
      themes: [{ theme: "سرعة الرد", count: 9 }],
      staffCsat: 4.5,
    };
    const { title, body } = satisfactionSection(summary);
    expect(title).toBe("قياس رضا المستفيدين");
    expect(body).toContain("<td>48</td>");
    expect(body).toContain("<td>40%</td>");
    expect(body).toContain("4.26 من 5");
    expect(body).toContain("<td>32</td>");
    expect(body).toContain("مارس 2026");
    expect(body).toContain("أبريل 2026");
    expect(body).toContain("سرعة الرد");
    expect(body).toContain("4.50 من 5");
    expect(body).not.toContain("لا توجد إجابات");
  });

  it("says there are no answers, and shows no figure, without a summary or with none answered", () => {
    for (const summary of [
      null,
      { answers: 0, invited: 10, csat: null, nps: null, byMonth: [], themes: [], staffCsat: null },
    ]) {
      const { body } = satisfactionSection(summary);
      expect(body).toContain("لا توجد إجابات على استبيانات رضا المستفيدين في هذه المدة.");
      expect(body).not.toContain("<table>");
    }
  });
});
