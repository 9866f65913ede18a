/** Answered over invited, or null when nobody was invited (no rate to speak of, rather than 0 %). */
export function responseRate(answered: number, invited: number): number | null {
  return invited > 0 ? Math.min(1, answered / invited) : null;
}

/** `YYYY-MM` as the month's index and year, for a month name in either language. */
export function monthParts(month: string): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? { year: Number(match[1]), month: m } : null;
}
