import { riyadhDate, toIsoDate } from "../../../shared/domain/index.js";

/** Whole years from an ISO birth date to an ISO day (both Gregorian, as stored); null when unknown. */
export function ageInYears(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ty, tm, td] = today.split("-").map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return null;
  const years = ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
  return years >= 0 ? years : null;
}

/** Today's date in Riyadh, where the association works, as an ISO day. */
export function riyadhToday(now = new Date()): string {
  return toIsoDate(riyadhDate(now));
}
