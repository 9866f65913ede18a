/** A user-facing message, Arabic first because Arabic is the source of truth for wording. */
export type LocalizedMessage = { ar: string; en: string };

/** The failure half of every toolkit result: a stable code for programs, words for people. */
export type Failure<Code extends string> = { ok: false; code: Code; message: LocalizedMessage };

/**
 * Thrown only where a caller passed something a correct program never should (an impossible date
 * built in code, not typed by a person); input typed by people goes through result-returning parsers.
 */
export class ToolkitError extends Error {
  readonly code: string;
  readonly localized: LocalizedMessage;

  constructor(code: string, localized: LocalizedMessage) {
    super(`${code}: ${localized.en}`);
    this.name = "ToolkitError";
    this.code = code;
    this.localized = localized;
  }
}

export function isToolkitError(error: unknown): error is ToolkitError {
  return error instanceof ToolkitError;
}

export function fail<Code extends string>(code: Code, ar: string, en: string): Failure<Code> {
  return { ok: false, code, message: { ar, en } };
}
