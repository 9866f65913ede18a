import { describe, expect, it } from "vitest";
import { libraryQueryWords, libraryTitleKey, sameName } from "./policy.service.js";
import { hijriText, responsePeriodText } from "./printed-policy.js";

describe("the policy's words", () => {
  it("says the response period the way the policies write it", () => {
    expect(responsePeriodText({ value: 2, unit: "weeks", bound: "min", startsAt: "submission" })).toBe(
      "مدة لا تقل عن أسبوعين من تاريخ تقديم الطلب",
    );
    expect(responsePeriodText({ value: 1, unit: "months", bound: "min", startsAt: "submission" })).toBe(
      "مدة لا تقل عن شهر واحد من تاريخ تقديم الطلب",
    );
    expect(
      responsePeriodText({ value: 15, unit: "working_days", bound: "max", startsAt: "completion" }),
    ).toBe("مدة أقصاها 15 يوم عمل من تاريخ اكتمال الطلب");
    expect(responsePeriodText({ value: 5, unit: "days", bound: "target", startsAt: "submission" })).toBe(
      "مدة في حدود 5 أيام من تاريخ تقديم الطلب",
    );
  });

  it("writes the board's Hijri date in words", () => {
    expect(hijriText("1441-03-02")).toBe("٢ ربيع الأول ١٤٤١هـ");
  });

  it("folds library titles and queries so spellings meet, and compares typed names by their words", () => {
    expect(libraryTitleKey("اللائحة الأساسية «للجمعية»")).toBe("اللايحه الاساسيه للجمعيه");
    expect(libraryQueryWords("  لائحة   الأساسيّة ")).toEqual(["لايحه", "اساسيه"]);
    expect(sameName("  سارة  بنت خالد ", "سارة بنت   خالد")).toBe(true);
    expect(sameName("ساره بنت خالد", "سارة بنت خالد")).toBe(false);
  });
});
