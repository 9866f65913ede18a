import type { FieldError } from "../../shared/contracts/errors.js";
import { checkDateBounds, riyadhDate, toIsoDate } from "../../shared/domain/index.js";
import { AppError } from "./errors.js";

/** The calendar day it is now in Riyadh (CONVENTIONS §8): the day the association lives in. */
export function riyadhDay(now: Date): string {
  return toIsoDate(riyadhDate(now));
}

/**
 * «التاريخ ١٤ جمادى الأولى ١٤٤٧هـ (٥ نوفمبر ٢٠٢٥م) بعد اليوم ١٢ جمادى الأولى ١٤٤٧هـ (٣ نوفمبر ٢٠٢٥م)…»:
 * both days in both calendars, worded as the web's date field words it (ADR 0018).
 */
export function futureMessage(date: string, today: string, label?: { ar: string; en: string }) {
  const refusal = checkDateBounds(date, { notAfter: today, notAfterIsToday: true }, { label });
  return (
    refusal?.message ?? {
      ar: "التاريخ لم يأتِ بعد؛ سجّل اليوم الذي حدث فيه فعلًا.",
      en: "The date has not come yet; record the day it actually happened.",
    }
  );
}

/**
 * A date on which something happened (a board meeting, an investigation, a ruling, a visit, a
 * delivery) is today or earlier in Riyadh; one still to come is refused, naming each field.
 */
export function assertHappened(
  now: Date,
  fields: { path: string; date: string | null | undefined; label?: { ar: string; en: string } }[],
): void {
  const today = riyadhDay(now);
  const problems: FieldError[] = fields
    .filter((f): f is typeof f & { date: string } => Boolean(f.date) && f.date! > today)
    .map((f) => ({
      path: f.path,
      code: "date_in_future",
      message: futureMessage(f.date, today, f.label),
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
