import type { FastifyInstance } from "fastify";
import type { FieldError } from "../../shared/contracts/errors.js";
import { AppError } from "./errors.js";

/**
 * Code points no person types into a form and that must never reach the database: PostgreSQL
 * text and jsonb refuse NUL outright (a 500 whose log used to carry every query parameter), lone
 * surrogates cannot be encoded as UTF-8 and are silently replaced, and the other control characters
 * and noncharacters are invisible, break CSV and PDF output, or make two different values look the
 * same. Tab, line feed and carriage return are ordinary text. Bidi controls stay allowed: Arabic text
 * pasted from office software carries them legitimately, and pages isolate user text instead.
 */
const unsafeCodePoint = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;

export function hasUnsafeCharacters(text: string): boolean {
  return unsafeCodePoint.test(text);
}

export const unsafeCharactersMessage = {
  ar: "يحتوي الحقل على رموز غير مسموح بها (مثل رموز التحكم غير المرئية). أعد كتابة القيمة.",
  en: "The field contains characters that are not allowed (such as invisible control characters). Type the value again.",
} as const;

/**
 * Paths of every string (and object key) in a parsed request part that holds an unsafe code point.
 * Iterative, so a deeply nested body cannot overflow the stack; binary bodies (uploads) are not text.
 */
export function unsafeStringPaths(value: unknown, limit = 50): string[] {
  // Each entry points at its parent instead of copying the path, so a body nested thousands of
  // levels deep costs time in its size, not its square; a path is only spelled out for a finding.
  type Step = { key: string; parent: Step | undefined };
  const spell = (step: Step | undefined, last?: string) => {
    const keys = last === undefined ? [] : [last];
    for (let at = step; at?.parent; at = at.parent) keys.push(at.key);
    keys.reverse();
    // A form has no field twenty levels deep; a longer path is cut rather than echoed whole.
    return keys.length > 20 ? `${keys.slice(0, 20).join(".")}…` : keys.join(".");
  };
  const found: string[] = [];
  const stack: { value: unknown; step: Step }[] = [{ value, step: { key: "", parent: undefined } }];
  while (stack.length > 0 && found.length < limit) {
    const { value: current, step } = stack.pop()!;
    if (typeof current === "string") {
      if (hasUnsafeCharacters(current)) found.push(spell(step));
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        stack.push({ value: current[i], step: { key: String(i), parent: step } });
      }
    } else if (current !== null && typeof current === "object" && !ArrayBuffer.isView(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        // A key with a control character is reported by a path that cannot itself carry one.
        if (hasUnsafeCharacters(key)) found.push(spell(step, "(key)"));
        else stack.push({ value: child, step: { key, parent: step } });
      }
    }
  }
  return found;
}

/**
 * One guard for every route, schema or not: the parsed body, query string and path parameters are
 * checked before validation, so no handler, service or query ever sees such a value and the caller
 * learns which field to correct. Field paths follow the validation errors (`querystring.x`, `params.x`).
 */
export function registerUnsafeInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const fieldErrors: FieldError[] = [];
    const parts: [prefix: string, value: unknown][] = [
      ["params", request.params],
      ["querystring", request.query],
      ["", request.body],
    ];
    for (const [prefix, value] of parts) {
      for (const path of unsafeStringPaths(value)) {
        fieldErrors.push({
          path: [prefix, path].filter(Boolean).join("."),
          code: "unsafe_characters",
          message: unsafeCharactersMessage,
        });
      }
    }
    if (fieldErrors.length > 0) {
      throw new AppError("validation_failed", "unsafe characters in the request", { fieldErrors });
    }
  });
}
