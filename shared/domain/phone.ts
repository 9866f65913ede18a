import { normalizeDigits } from "./digits.js";
import { type Failure, fail } from "./errors.js";

export type PhoneKind = "mobile" | "landline" | "toll_free" | "unified";
export type PhoneCode =
  | "phone_empty"
  | "phone_invalid_characters"
  | "phone_not_saudi"
  | "phone_unrecognized"
  | "phone_not_mobile";
export type PhoneResult =
  | {
      ok: true;
      kind: PhoneKind;
      /** What to store: E.164 (`+9665XXXXXXXX`) for mobiles and landlines, national digits for 800/920. */
      value: string;
      /** E.164, or null for 800/920 numbers, which cannot be dialled from abroad. */
      e164: string | null;
      /** The national form as dialled inside the Kingdom: `0501234567`, `0112345678`, `8001234567`, `920012345`. */
      national: string;
    }
  | Failure<PhoneCode>;

// Fixed-line area codes in use since the 2007 renumbering (01x with x = 1,2,3,4,6,7).
const LANDLINE = /^1[123467][0-9]{7}$/;
const MOBILE = /^5[0-9]{8}$/;
const TOLL_FREE = /^800[0-9]{7}$/;
const UNIFIED = /^920[0-9]{6}$/;

function unrecognized(): Failure<PhoneCode> {
  return fail(
    "phone_unrecognized",
    "رقم الجوال غير صحيح. اكتبه مثل 0501234567.",
    "The phone number is not valid. Write it like 0501234567.",
  );
}

/** Reads a Saudi number in any usual form (05…, 5…, 9665…, 009665…, +966 5…, Arabic-Indic digits). */
export function parseSaudiPhone(input: string): PhoneResult {
  const text = normalizeDigits(input).trim();
  if (text === "") return fail("phone_empty", "أدخل رقم الجوال.", "Enter the phone number.");
  if (!/^[+0-9\s\u00a0\-().\u200e\u200f]+$/.test(text) || text.lastIndexOf("+") > 0) {
    return fail(
      "phone_invalid_characters",
      "رقم الجوال يحتوي على رموز غير مقبولة.",
      "The phone number contains characters that are not allowed.",
    );
  }
  let digits = text.replace(/[^0-9]/g, "");
  const international = text.startsWith("+") || digits.startsWith("00");
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (international || (digits.startsWith("966") && digits.length >= 12)) {
    if (!digits.startsWith("966")) {
      return fail(
        "phone_not_saudi",
        "الرقم ليس رقمًا سعوديًا (+966).",
        "The number is not a Saudi (+966) number.",
      );
    }
    digits = digits.slice(3);
  }
  // The trunk zero: 05…, 011…, and the common "+966 05…" slip.
  if (digits.startsWith("0")) digits = digits.slice(1);

  if (MOBILE.test(digits))
    return {
      ok: true,
      kind: "mobile",
      value: `+966${digits}`,
      e164: `+966${digits}`,
      national: `0${digits}`,
    };
  if (LANDLINE.test(digits)) {
    return {
      ok: true,
      kind: "landline",
      value: `+966${digits}`,
      e164: `+966${digits}`,
      national: `0${digits}`,
    };
  }
  if (TOLL_FREE.test(digits))
    return { ok: true, kind: "toll_free", value: digits, e164: null, national: digits };
  if (UNIFIED.test(digits)) return { ok: true, kind: "unified", value: digits, e164: null, national: digits };
  return unrecognized();
}

/**
 * For fields that ask for a mobile («الجوال»: text messages, WhatsApp): a landline, 800 or 920
 * number is a real number but cannot receive a message, so it is refused with its own code.
 */
export function parseSaudiMobile(input: string): PhoneResult {
  const result = parseSaudiPhone(input);
  if (result.ok && result.kind !== "mobile") {
    return fail(
      "phone_not_mobile",
      "هذا رقم هاتف ثابت لا جوال؛ أدخل رقم جوال يبدأ بـ05، مثل 0501234567.",
      "This is a landline, not a mobile; enter a mobile number starting with 05, like 0501234567.",
    );
  }
  return result;
}
