import { describe, expect, it } from "vitest";
import { hasOnlyDigits, normalizeDigits, toArabicIndicDigits } from "./digits.js";

describe("digits", () => {
  it("folds Arabic-Indic and Persian digits to ASCII and leaves the rest alone", () => {
    expect(normalizeDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(normalizeDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(normalizeDigits("رقم ٠٥٠ - 123")).toBe("رقم 050 - 123");
  });

  it("shows ASCII digits as Arabic-Indic and back", () => {
    expect(toArabicIndicDigits("22/12/1442")).toBe("٢٢/١٢/١٤٤٢");
    expect(normalizeDigits(toArabicIndicDigits("9876543210"))).toBe("9876543210");
  });

  it("recognises digit-only text in any script", () => {
    expect(hasOnlyDigits("١٢٣")).toBe(true);
    expect(hasOnlyDigits("12a")).toBe(false);
  });
});
