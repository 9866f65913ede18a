import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nationalIdCheckDigit, validateNationalId } from "./national-id.js";

// Worked by hand from the rule: odd positions doubled (digit sum), even positions added, total ≡ 0 mod 10.
// 1 2 3 4 5 6 7 8 9 → 2+2+6+4+1+6+5+8+9 = 43, check digit 7.
const VALID = [
  ["1234567897", "citizen"],
  ["1000000008", "citizen"], // 2 → check 8
  ["2000000006", "resident"], // 4 → check 6
] as const;

describe("validateNationalId", () => {
  it("computes check digits as the rule says", () => {
    expect(nationalIdCheckDigit("123456789")).toBe(7);
    expect(nationalIdCheckDigit("100000000")).toBe(8);
    expect(nationalIdCheckDigit("200000000")).toBe(6);
    // 1 1 1 1 1 1 1 1 1 → 2+1+2+1+2+1+2+1+2 = 14 → 6.
    expect(nationalIdCheckDigit("111111111")).toBe(6);
    // 9 9 9 9 9 9 9 9 9 → five × (18 → 9) + four × 9 = 81 → 9.
    expect(nationalIdCheckDigit("999999999")).toBe(9);
  });

  it.each(VALID)("accepts %s as %s", (id, kind) => {
    expect(validateNationalId(id)).toEqual({ ok: true, value: id, kind });
  });

  it("normalises Arabic-Indic digits, spaces and dashes", () => {
    expect(validateNationalId("١٢٣٤٥٦٧٨٩٧")).toMatchObject({ ok: true, value: "1234567897" });
    expect(validateNationalId(" 1234-567-897 ")).toMatchObject({ ok: true, value: "1234567897" });
    expect(validateNationalId("1111111116")).toMatchObject({ ok: true, kind: "citizen" });
  });

  it.each([
    ["", "id_empty"],
    ["   ", "id_empty"],
    ["12345a7897", "id_not_digits"],
    ["123456789", "id_length"],
    ["12345678970", "id_length"],
    ["3234567890", "id_prefix"],
    ["1234567890", "id_checksum"],
  ])("rejects %j with %s", (input, code) => {
    const result = validateNationalId(input);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.message.ar.length).toBeGreaterThan(0);
      expect(result.message.en.length).toBeGreaterThan(0);
    }
  });

  it("accepts every generated ID and rejects every one-digit change", () => {
    fc.assert(
      fc.property(fc.constantFrom("1", "2"), fc.stringMatching(/^[0-9]{8}$/), (prefix, body) => {
        const nine = prefix + body;
        const id = nine + String(nationalIdCheckDigit(nine));
        expect(validateNationalId(id).ok).toBe(true);
        for (let position = 0; position < 10; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === id[position]) continue;
            const changed = id.slice(0, position) + digit + id.slice(position + 1);
            expect(validateNationalId(changed).ok).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
