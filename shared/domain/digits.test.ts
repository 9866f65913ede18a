import { describe, expect, it } from "vitest";
import { hasOnlyDigits, normalizeDigits, parseTypedNumber, toArabicIndicDigits } from "./digits.js";

describe("digits", () => {
  it("reads a typed number in either digits and refuses words", () => {
    expect(parseTypedNumber("٣٠٠٠")).toBe(3000);
    expect(parseTypedNumber("3,000")).toBe(3000);
    expect(parseTypedNumber("٣٬٥٠٠٫٧٥")).toBe(3500.75);
    expect(parseTypedNumber(" 12 ")).toBe(12);
    expect(parseTypedNumber("ثلاثة آلاف")).toBeNull();
    expect(parseTypedNumber("3k")).toBeNull();
    expect(parseTypedNumber("")).toBeNull();
    expect(parseTypedNumber("2.5", { integer: true })).toBeNull();
    expect(parseTypedNumber("٢٥", { integer: true })).toBe(25);
  });

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
