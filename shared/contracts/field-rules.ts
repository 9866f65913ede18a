import type { z } from "zod";
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
