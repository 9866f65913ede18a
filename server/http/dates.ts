import type { FieldError } from "../../shared/contracts/errors.js";
import { riyadhDate, toIsoDate } from "../../shared/domain/index.js";
import { AppError } from "./errors.js";

/** The calendar day it is now in Riyadh (CONVENTIONS §8): the day the association lives in. */
export function riyadhDay(now: Date): string {
  return toIsoDate(riyadhDate(now));
}

/**
 * A date on which something happened (a board meeting, an investigation, a ruling, a visit, a
 * delivery) is today or earlier in Riyadh; one still to come is refused, naming each field.
 */
export function assertHappened(now: Date, fields: { path: string; date: string | null | undefined }[]): void {
  const today = riyadhDay(now);
  const problems: FieldError[] = fields
    .filter((f): f is { path: string; date: string } => Boolean(f.date) && f.date! > today)
    .map((f) => ({
      path: f.path,
      code: "date_in_future",
      message: {
        ar: `التاريخ ${f.date} لم يأتِ بعد؛ سجّل اليوم الذي حدث فيه فعلًا (اليوم ${today}).`,
        en: `${f.date} has not come yet; record the day it actually happened (today is ${today}).`,
      },
    }));
  if (problems.length) {
    throw new AppError(
      "validation_failed",
      `dates in the future: ${problems.map((p) => p.path).join(", ")}`,
      {
        fieldErrors: problems,
      },
    );
  }
}
