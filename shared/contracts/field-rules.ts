import { z } from "zod";
import { parseTypedNumber } from "../domain/digits.js";
import { icuText } from "../domain/messages.js";
import type { LocalizedText } from "./errors.js";

/**
 * Adds a field problem that carries its own Arabic and English words and a stable code; the
 * server's problem handler and the web forms both show these instead of a generic message.
 */
export function addFieldIssue(
  ctx: z.RefinementCtx,
  code: string,
  message: LocalizedText,
  path: PropertyKey[] = [],
) {
  ctx.addIssue({
    code: "custom",
    message: message.en,
    path,
    params: { code, ar: message.ar, en: message.en },
  });
}

/**
 * A number a person typed, as a form sends it: a JSON number, or the text itself («٣٠٠٠», «3,000»).
 * Words («ثلاثة آلاف») are refused with the field's name — never dropped, never saved as nothing.
 */
export function typedNumberSchema(
  field: LocalizedText,
  limits: { min: number; max: number; integer?: boolean },
) {
  const integer = limits.integer ?? true;
  return z.union([z.number(), z.string().max(40)]).transform((value, ctx) => {
    const number = typeof value === "number" ? value : parseTypedNumber(value, { integer });
    if (number === null || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
      addFieldIssue(ctx, "not_a_number", {
        ar: `«${field.ar}» رقم: اكتبه بالأرقام، مثل ٣٠٠٠ أو 3000.`,
        en: `«${field.en}» is a number: write it in digits, like 3000.`,
      });
      return z.NEVER;
    }
    if (number < limits.min || number > limits.max) {
      const range = {
        ar: "«{field}» بين {min, number} و{max, number}.",
        en: "«{field}» is between {min, number} and {max, number}.",
      };
      addFieldIssue(ctx, "out_of_range", {
        ar: icuText(range, { field: field.ar, min: limits.min, max: limits.max }).ar,
        en: icuText(range, { field: field.en, min: limits.min, max: limits.max }).en,
      });
      return z.NEVER;
    }
    return number;
  });
}
