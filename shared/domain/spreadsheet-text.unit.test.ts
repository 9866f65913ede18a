import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, readNeutralised } from "./spreadsheet-text.js";

describe("cells a spreadsheet would run as formulas", () => {
  it("are written as text and read back as typed", () => {
    for (const typed of ['=HYPERLINK("http://x")', "+966501234567", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      const written = neutraliseFormula(typed);
      expect(written).toBe(`'${typed}`);
      expect(readNeutralised(written)).toBe(typed);
    }
  });

  it("leave every other value alone, an apostrophe someone typed included", () => {
    for (const typed of ["محمد", "0551112222", "'مرحبا", "1402/05/01", ""]) {
      expect(neutraliseFormula(typed)).toBe(typed);
      expect(readNeutralised(typed)).toBe(typed);
    }
  });

  it("quote a field that would split a row", () => {
    expect(csvField('سارة "أم علي"')).toBe('"سارة ""أم علي"""');
    expect(csvField("أ، ب; ج")).toBe('"أ، ب; ج"');
    expect(csvField("سطر\nثانٍ")).toBe('"سطر\nثانٍ"');
    expect(csvField("حائل")).toBe("حائل");
  });
});
