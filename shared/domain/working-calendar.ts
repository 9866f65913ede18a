import { ToolkitError } from "./errors.js";
import {
  dayNumberFromGregorian,
  dayNumberFromHijri,
  dayNumberFromIso,
  HIJRI_MAX_YEAR,
  HIJRI_MIN_YEAR,
  hijriFromDayNumber,
  hijriMonthLength,
  isoFromDayNumber,
  supportedDayRange,
  weekdayOfDayNumber,
} from "./hijri.js";

/** Friday and Saturday, the Saudi weekend since 2013 (0 = Sunday … 6 = Saturday). */
export const SAUDI_WEEKEND: readonly number[] = [5, 6];

export type HolidayKind = "eid_al_fitr" | "eid_al_adha" | "founding_day" | "national_day";

export type Holiday = {
  date: string;
  kind: HolidayKind;
  name: { ar: string; en: string };
  /** For a one-day holiday moved off the weekend, the date it commemorates. */
  observedFor?: string;
};

const NAMES: Record<HolidayKind, { ar: string; en: string }> = {
  eid_al_fitr: { ar: "إجازة عيد الفطر", en: "Eid al-Fitr holiday" },
  eid_al_adha: { ar: "إجازة عيد الأضحى", en: "Eid al-Adha holiday" },
  founding_day: { ar: "يوم التأسيس", en: "Founding Day" },
  national_day: { ar: "اليوم الوطني", en: "National Day" },
};

// Founding Day became a holiday by the royal order of January 2022; National Day has been a paid
// holiday since 2005. Earlier years did not have them, and generating them would mis-state history.
const FOUNDING_DAY_FROM = 2022;
const NATIONAL_DAY_FROM = 2005;
const EID_LENGTH = 4;

function eidDays(kind: "eid_al_fitr" | "eid_al_adha", firstDay: number): Holiday[] {
  return Array.from({ length: EID_LENGTH }, (_, i) => ({
    date: isoFromDayNumber(firstDay + i),
    kind,
    name: NAMES[kind],
  }));
}

/**
 * A one-day holiday on Friday is taken on the Thursday before, on Saturday on the Sunday after
 * (Council of Ministers rule for the private and non-profit sectors).
 */
function fixedDay(kind: "founding_day" | "national_day", year: number, month: number, day: number): Holiday {
  const actual = dayNumberFromGregorian({ year, month, day });
  const weekday = weekdayOfDayNumber(actual);
  const observed = weekday === 5 ? actual - 1 : weekday === 6 ? actual + 1 : actual;
  const holiday: Holiday = { date: isoFromDayNumber(observed), kind, name: NAMES[kind] };
  if (observed !== actual) holiday.observedFor = isoFromDayNumber(actual);
  return holiday;
}

function eidsOfHijriYear(hijriYear: number): Holiday[] {
  // "From the day after 29 Ramadan": in a 30-day Ramadan that is 30 Ramadan, otherwise 1 Shawwal.
  // Computing it from 29 Ramadan needs no month-length case at all.
  const fitrStart = dayNumberFromHijri({ year: hijriYear, month: 9, day: 29 }) + 1;
  const adhaStart = dayNumberFromHijri({ year: hijriYear, month: 12, day: 9 });
  return [...eidDays("eid_al_fitr", fitrStart), ...eidDays("eid_al_adha", adhaStart)];
}

function fixedDaysOfGregorianYear(year: number): Holiday[] {
  const days: Holiday[] = [];
  if (year >= FOUNDING_DAY_FROM) days.push(fixedDay("founding_day", year, 2, 22));
  if (year >= NATIONAL_DAY_FROM) days.push(fixedDay("national_day", year, 9, 23));
  return days;
}

function byDate(a: Holiday, b: Holiday): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function assertHijriYear(year: number): void {
  if (!Number.isInteger(year) || year < HIJRI_MIN_YEAR || year > HIJRI_MAX_YEAR) {
    throw new ToolkitError("hijri_out_of_range", {
      ar: `السنة الهجرية ${year} خارج النطاق المدعوم (١٣٥٦–١٥٠٠هـ).`,
      en: `Hijri year ${year} is outside the supported range (1356–1500 AH).`,
    });
  }
}

/**
 * The default official holidays whose (observed) date falls in a Hijri year. These are the
 * calendar's estimate; the ministry announces the real Eid days after the moon sighting, so the
 * stored list is what an administrator may correct.
 */
export function generateOfficialHolidays(hijriYear: number): Holiday[] {
  assertHijriYear(hijriYear);
  const first = dayNumberFromHijri({ year: hijriYear, month: 1, day: 1 });
  const last = dayNumberFromHijri({ year: hijriYear, month: 12, day: hijriMonthLength(hijriYear, 12) });
  const firstYear = Number(isoFromDayNumber(first).slice(0, 4));
  const fixed = [...fixedDaysOfGregorianYear(firstYear), ...fixedDaysOfGregorianYear(firstYear + 1)].filter(
    (h) => {
      const n = dayNumberFromIso(h.observedFor ?? h.date);
      return n >= first && n <= last;
    },
  );
  return [...eidsOfHijriYear(hijriYear), ...fixed].sort(byDate);
}

/** The default official holidays falling in a Gregorian year (Eid days are cut at the year's edge). */
export function generateOfficialHolidaysForGregorianYear(year: number): Holiday[] {
  const range = supportedDayRange();
  const first = dayNumberFromGregorian({ year, month: 1, day: 1 });
  const last = dayNumberFromGregorian({ year, month: 12, day: 31 });
  if (last < range.first || first > range.last) {
    throw new ToolkitError("hijri_out_of_range", {
      ar: `السنة ${year} خارج نطاق تقويم أم القرى المدعوم.`,
      en: `Year ${year} is outside the supported Umm al-Qura range.`,
    });
  }
  const firstHijri = hijriFromDayNumber(Math.max(first, range.first)).year;
  const lastHijri = hijriFromDayNumber(Math.min(last, range.last)).year;
  const eids: Holiday[] = [];
  for (let h = firstHijri; h <= lastHijri; h++) eids.push(...eidsOfHijriYear(h));
  const inYear = eids.filter((h) => h.date.startsWith(`${year}-`));
  return [...inYear, ...fixedDaysOfGregorianYear(year)].sort(byDate);
}

// ---------------------------------------------------------------------------------------------

export type WorkingCalendarInput = {
  /** Weekday numbers that are off, 0 = Sunday … 6 = Saturday. Defaults to Friday and Saturday. */
  weekend?: readonly number[];
  /** Official holidays as `YYYY-MM-DD` (generated, then edited by the administrator). */
  holidays?: readonly string[];
  /** The association's own closures as `YYYY-MM-DD`. */
  closures?: readonly string[];
};

/**
 * All dates are Riyadh calendar dates as `YYYY-MM-DD`. Counting follows one convention everywhere:
 * `addWorkingDays(d, n)` is the n-th working day after d (d itself never counts), and
 * `workingDaysBetween(a, b)` counts working days in (a, b], so the two are inverses.
 */
export type WorkingCalendar = {
  weekend: readonly number[];
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /** `date` itself if it is a working day, otherwise the next one. */
  onOrAfterWorkingDay(date: string): string;
  addWorkingDays(date: string, count: number): string;
  workingDaysBetween(from: string, to: string): number;
  /** Day-number forms, for callers that already work in integers (deadlines, benchmarks). */
  isWorkingDayNumber(day: number): boolean;
  addWorkingDayNumbers(day: number, count: number): number;
  workingDaysBetweenNumbers(from: number, to: number): number;
};

export function createWorkingCalendar(input: WorkingCalendarInput = {}): WorkingCalendar {
  const weekend = [...new Set(input.weekend ?? SAUDI_WEEKEND)].sort();
  if (weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new ToolkitError("calendar_invalid_weekend", {
      ar: "أيام نهاية الأسبوع يجب أن تكون أرقامًا من ٠ (الأحد) إلى ٦ (السبت).",
      en: "Weekend days must be numbers from 0 (Sunday) to 6 (Saturday).",
    });
  }
  if (weekend.length >= 7) {
    throw new ToolkitError("calendar_no_working_days", {
      ar: "لا يمكن أن تكون كل أيام الأسبوع عطلة.",
      en: "At least one weekday must be a working day.",
    });
  }
  const offWeekday = new Uint8Array(7);
  for (const d of weekend) offWeekday[d] = 1;
  const offDays = new Set<number>();
  for (const date of [...(input.holidays ?? []), ...(input.closures ?? [])])
    offDays.add(dayNumberFromIso(date));

  const isWorkingDayNumber = (day: number): boolean =>
    offWeekday[weekdayOfDayNumber(day)] === 0 && !offDays.has(day);

  // Holidays are finite and at least one weekday works, so both loops always end.
  const addWorkingDayNumbers = (day: number, count: number): number => {
    if (!Number.isInteger(count))
      throw new ToolkitError("invalid_count", { ar: "عدد غير صحيح.", en: "Not an integer." });
    const step = count < 0 ? -1 : 1;
    let remaining = Math.abs(count);
    let current = day;
    while (remaining > 0) {
      current += step;
      if (isWorkingDayNumber(current)) remaining--;
    }
    return current;
  };

  const workingDaysBetweenNumbers = (from: number, to: number): number => {
    if (to < from) return -workingDaysBetweenNumbers(to, from);
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (isWorkingDayNumber(d)) count++;
    return count;
  };

  return {
    weekend,
    isWorkingDay: (date) => isWorkingDayNumber(dayNumberFromIso(date)),
    nextWorkingDay: (date) => isoFromDayNumber(addWorkingDayNumbers(dayNumberFromIso(date), 1)),
    onOrAfterWorkingDay: (date) => {
      const n = dayNumberFromIso(date);
      return isoFromDayNumber(isWorkingDayNumber(n) ? n : addWorkingDayNumbers(n, 1));
    },
    addWorkingDays: (date, count) => isoFromDayNumber(addWorkingDayNumbers(dayNumberFromIso(date), count)),
    workingDaysBetween: (from, to) => workingDaysBetweenNumbers(dayNumberFromIso(from), dayNumberFromIso(to)),
    isWorkingDayNumber,
    addWorkingDayNumbers,
    workingDaysBetweenNumbers,
  };
}

/**
 * The default Saudi calendar for a span of Gregorian years: Friday–Saturday weekend plus the
 * generated official holidays. Years outside the Umm al-Qura range get no generated holidays.
 */
export function createSaudiWorkingCalendar(options: {
  fromYear: number;
  toYear: number;
  weekend?: readonly number[];
  closures?: readonly string[];
}): WorkingCalendar {
  const holidays: string[] = [];
  for (let y = options.fromYear; y <= options.toYear; y++) {
    try {
      for (const h of generateOfficialHolidaysForGregorianYear(y)) holidays.push(h.date);
    } catch {
      // Outside the supported range: weekends only.
    }
  }
  return createWorkingCalendar({
    weekend: options.weekend ?? SAUDI_WEEKEND,
    holidays,
    closures: options.closures ?? [],
  });
}
