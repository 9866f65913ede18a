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

/** A month or year of either calendar, or (where a page allows it) any range of days typed in either calendar. */
export type PeriodChoice =
  | Choice
  | { calendar: "range"; fromText: string; toText: string; from: string | null; to: string | null };

/** The ISO days chosen, or null while a range is not yet two days read in order. */
export function chosenPeriod(choice: PeriodChoice): { from: string; to: string } | null {
  if (choice.calendar !== "range") return periodOf(choice);
  if (!choice.from || !choice.to || choice.from > choice.to) return null;
  return { from: choice.from, to: choice.to };
}
