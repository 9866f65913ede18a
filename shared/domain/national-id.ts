import { normalizeDigits } from "./digits.js";
import { type Failure, fail } from "./errors.js";

export type NationalIdKind = "citizen" | "resident";
export type NationalIdCode = "id_empty" | "id_not_digits" | "id_length" | "id_prefix" | "id_checksum";
export type NationalIdResult = { ok: true; value: string; kind: NationalIdKind } | Failure<NationalIdCode>;

/**
 * Sum used by the Saudi ID check digit: digits in odd positions (1st, 3rd, … 9th) are doubled and
 * their digits added (16 → 1 + 6), digits in even positions are added as they are. A valid
 * ten-digit number sums to a multiple of ten, the 10th digit being the check digit.
 */
function checksum(digits: string): number {
  let total = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const doubled = d * 2;
      total += doubled > 9 ? doubled - 9 : doubled;
    } else {
      total += d;
    }
  }
  return total;
}

/** The check digit that completes nine leading digits (used by tests and synthetic data). */
export function nationalIdCheckDigit(firstNine: string): number {
  const digits = normalizeDigits(firstNine);
  if (!/^[0-9]{9}$/.test(digits)) throw new RangeError("nine digits expected");
  // The 10th position is even, so the check digit is added unchanged.
  return (10 - (checksum(digits) % 10)) % 10;
}

/** Validates a national ID (starts with 1) or Iqama (starts with 2); spaces and dashes are ignored. */
export function validateNationalId(input: string): NationalIdResult {
  const compact = normalizeDigits(input).replace(/[\s\u00a0\-–_.]/g, "");
  if (compact === "")
    return fail("id_empty", "أدخل رقم الهوية أو الإقامة.", "Enter the national ID or Iqama number.");
  if (!/^[0-9]+$/.test(compact)) {
    return fail("id_not_digits", "رقم الهوية يتكون من أرقام فقط.", "The ID number must contain digits only.");
  }
  if (compact.length !== 10) {
    return fail("id_length", "رقم الهوية يتكون من ١٠ أرقام.", "The ID number must be 10 digits long.");
  }
  const first = compact[0];
  if (first !== "1" && first !== "2") {
    return fail(
      "id_prefix",
      "رقم الهوية الوطنية يبدأ بـ1 ورقم الإقامة يبدأ بـ2.",
      "A national ID starts with 1 and an Iqama number with 2.",
    );
  }
  if (checksum(compact) % 10 !== 0) {
    return fail(
      "id_checksum",
      "رقم الهوية غير صحيح؛ تأكد من الأرقام.",
      "The ID number is not valid; check the digits.",
    );
  }
  return { ok: true, value: compact, kind: first === "1" ? "citizen" : "resident" };
}
