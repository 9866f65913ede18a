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
    ).toBe("مدة أقصاها ١٥ يوم عمل من تاريخ اكتمال الطلب");
    expect(responsePeriodText({ value: 5, unit: "days", bound: "target", startsAt: "submission" })).toBe(
      "مدة في حدود ٥ أيام من تاريخ تقديم الطلب",
    );
  });

  it("agrees every unit with its count by Arabic's plural rules", () => {
    const amount = (value: number, unit: "days" | "working_days" | "weeks" | "months") =>
      responsePeriodText({ value, unit, bound: "max", startsAt: "submission" })
        .replace("مدة أقصاها ", "")
        .replace(" من تاريخ تقديم الطلب", "");
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101].map((n) => amount(n, "days"))).toEqual([
      "٠ يوم",
      "يوم واحد",
      "يومين",
      "٣ أيام",
      "١٠ أيام",
      "١١ يومًا",
      "٩٩ يومًا",
      "١٠٠ يوم",
      "١٠١ يوم",
    ]);
    expect([1, 2, 3, 11, 100].map((n) => amount(n, "weeks"))).toEqual([
      "أسبوع واحد",
      "أسبوعين",
      "٣ أسابيع",
      "١١ أسبوعًا",
      "١٠٠ أسبوع",
    ]);
    expect([2, 5, 15].map((n) => amount(n, "working_days"))).toEqual([
      "يومي عمل",
      "٥ أيام عمل",
      "١٥ يوم عمل",
    ]);
    expect([2, 6, 12].map((n) => amount(n, "months"))).toEqual(["شهرين", "٦ أشهر", "١٢ شهرًا"]);
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
