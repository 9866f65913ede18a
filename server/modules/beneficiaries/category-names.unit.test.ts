import { describe, expect, it } from "vitest";
import { matchCategory } from "./category-names.js";

const categories = [
  { code: "widows", nameAr: "الأرامل", nameEn: "Widows", aliases: ["أرملة"] },
  { code: "orphans", nameAr: "الأيتام", nameEn: "Orphans", aliases: ["يتيم", "يتيمة"] },
  { code: "poor_families", nameAr: "الأسر المحتاجة", nameEn: null, aliases: [] },
];

describe("the category a spreadsheet cell names", () => {
  it.each([
    ["الأرامل", "widows"],
    ["ارامل", "widows"],
    ["الارامل", "widows"],
    ["أرامل", "widows"],
    [" الأرامِل ", "widows"],
    ["الأرامـــل", "widows"],
    ["أرملة", "widows"],
    ["ارمله", "widows"],
    ["widows", "widows"],
    ["WIDOWS", "widows"],
    ["Widows", "widows"],
    ["الايتام", "orphans"],
    ["يتيمه", "orphans"],
    ["الأسرة المحتاجه", undefined],
    ["الاسر المحتاجة", "poor_families"],
    ["أسر محتاجة", "poor_families"],
  ])("«%s» is %s", (value, code) => {
    expect(matchCategory(value, categories)?.code).toBe(code);
  });

  it("names nothing for an unknown or empty value", () => {
    expect(matchCategory("المطلقات", categories)).toBeUndefined();
    expect(matchCategory("  ", categories)).toBeUndefined();
  });
});
