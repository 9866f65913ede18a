import { hijriMonthLength, toGregorian, toIsoDate } from "../../../shared/domain/index.js";

export type Calendar = "hijri" | "gregorian";
export type Choice = { calendar: Calendar; year: number; month: number };

/** The period chosen as a month (or, month 0, the whole year) of either calendar, as ISO days. */
export function periodOf(choice: Choice): { from: string; to: string } {
  const { calendar, year, month } = choice;
  if (calendar === "hijri") {
    const first = month || 1;
    const last = month || 12;
    return {
      from: toIsoDate(toGregorian({ year, month: first, day: 1 })),
      to: toIsoDate(toGregorian({ year, month: last, day: hijriMonthLength(year, last) })),
    };
  }
  const first = month || 1;
  const last = month || 12;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  return {
    from: toIsoDate({ year, month: first, day: 1 }),
    to: toIsoDate({ year, month: last, day: lastDay }),
  };
}
