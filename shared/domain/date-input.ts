import { normalizeDigits, toArabicIndicDigits } from "./digits.js";
import type { Failure, LocalizedMessage } from "./errors.js";
import {
  checkHijri,
  dayNumberFromGregorian,
  GREGORIAN_MONTHS,
  type GregorianDate,
  gregorianFromDayNumber,
  HIJRI_MAX_YEAR,
  HIJRI_MIN_YEAR,
  HIJRI_MONTHS,
  type HijriDate,
  hijriMonthFromName,
  isValidGregorian,
  splitIsoDate,
  supportedDayRange,
  toGregorian,
  toHijri,
  toIsoDate,
  weekdayOfDayNumber,
} from "./hijri.js";

/**
 * One reading of a date as people type it in a Saudi form (ADR 0018): Hijri (Umm al-Qura) or
 * Gregorian, Arabic-Indic or Latin digits, day first or year first, with or without هـ / م.
 *
 * Ambiguity is settled without guessing between day-month orders: numbers are always day/month/year
 * or year/month/day (the order Saudi forms use; month/day/year is not read), the year must have four
 * digits, and the calendar is the era mark when there is one, otherwise the year's range — years up
 * to 1500 are Hijri, years from 1900 Gregorian, and the gap between refuses rather than guesses.
 */

/** Gregorian years a form accepts. Before 1900 nobody alive was born; after 2100 nothing is planned. */
export const GREGORIAN_MIN_YEAR = 1900;
export const GREGORIAN_MAX_YEAR = 2100;

export type DateCalendar = "hijri" | "gregorian";
export type DigitStyle = "arab" | "latn";

export type UnderstoodDate = {
  /** The Gregorian day, `YYYY-MM-DD`: what forms send and the database keeps. */
  iso: string;
  gregorian: GregorianDate;
  /** The same day in Umm al-Qura, or null when it falls outside the published tables. */
  hijri: HijriDate | null;
  /** The calendar the person wrote the date in. */
  calendar: DateCalendar;
  /** Arabic-Indic when the person typed Arabic-Indic (or Persian) digits, so answers echo them. */
  digits: DigitStyle;
};

export type DateInputCode =
  | "date_empty"
  | "date_unrecognized"
  | "date_two_digit_year"
  | "date_year_out_of_range"
  | "date_invalid_month"
  | "date_impossible"
  | "hijri_invalid_date"
  | "hijri_out_of_range";

export type DateInputResult = { ok: true; value: UnderstoodDate } | Failure<DateInputCode>;

export type DateInputOptions = {
  /** The field's name, so a refusal says which date it means («تاريخ الميلاد: …»). */
  label?: LocalizedMessage;
};

const WEEKDAYS: readonly { ar: string; en: string }[] = [
  { ar: "الأحد", en: "Sunday" },
  { ar: "الاثنين", en: "Monday" },
  { ar: "الثلاثاء", en: "Tuesday" },
  { ar: "الأربعاء", en: "Wednesday" },
  { ar: "الخميس", en: "Thursday" },
  { ar: "الجمعة", en: "Friday" },
  { ar: "السبت", en: "Saturday" },
];

const HIJRI_MARK = /\s*(هـ|ه|هجري|هجريه|هجرية|a\.?\s?h\.?)\s*$/i;
const GREGORIAN_MARK = /\s*(م|ميلادي|ميلاديه|ميلادية|a\.?\s?d\.?|c\.?\s?e\.?)\s*$/i;
const WEEKDAY_PREFIX =
  /^(يوم\s+)?(ال)?(احد|أحد|اثنين|إثنين|ثلاثاء|اربعاء|أربعاء|خميس|جمعة|جمعه|سبت)\s*[،,]?\s*/;
const NUMERIC = /^(\d{1,4})\s*([/\-.\\])\s*(\d{1,2})\s*\2\s*(\d{1,4})$/;
const NAMED = /^(\d{1,2})\s+(.+?)\s+(\d{1,4})$/;

function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .trim();
}

const GREGORIAN_BY_NAME = new Map<string, number>();
GREGORIAN_MONTHS.forEach((month, index) => {
  GREGORIAN_BY_NAME.set(folded(month.ar), index + 1);
  GREGORIAN_BY_NAME.set(month.en.toLowerCase(), index + 1);
  GREGORIAN_BY_NAME.set(month.en.slice(0, 3).toLowerCase(), index + 1);
});
// Levantine names appear in pasted letters; they name the same months.
[
  "كانون الثاني",
  "شباط",
  "اذار",
  "نيسان",
  "ايار",
  "حزيران",
  "تموز",
  "اب",
  "ايلول",
  "تشرين الاول",
  "تشرين الثاني",
  "كانون الاول",
].forEach((name, index) => {
  GREGORIAN_BY_NAME.set(folded(name), index + 1);
});
GREGORIAN_BY_NAME.set(folded("أغسطس"), 8);
GREGORIAN_BY_NAME.set(folded("اغسطس"), 8);
GREGORIAN_BY_NAME.set(folded("إبريل"), 4);

function gregorianMonthFromName(text: string): number | null {
  return GREGORIAN_BY_NAME.get(folded(text).replace(/\s+/g, " ")) ?? null;
}

/** Arabic sentences count in Arabic-Indic digits; an example after them may keep Latin ones. */
function withLabel(
  label: LocalizedMessage | undefined,
  ar: string,
  en: string,
  arTail = "",
): LocalizedMessage {
  const arabic = `${toArabicIndicDigits(ar)}${arTail}`;
  return label ? { ar: `${label.ar}: ${arabic}`, en: `${label.en}: ${en}` } : { ar: arabic, en };
}

function refuse(
  code: DateInputCode,
  label: LocalizedMessage | undefined,
  ar: string,
  en: string,
  arTail = "",
) {
  const message = withLabel(label, ar, en, arTail);
  return { ok: false as const, code, message };
}

const EXAMPLE_AR = "اكتبه مثل ١٢/٠٥/١٤٤٧هـ أو 2025-11-03.";
const EXAMPLE_EN = "write it like 12/05/1447 AH or 2025-11-03";

/** Reads a date as typed in a form. Never throws; every refusal is Arabic and English and names the field. */
export function parseDateInput(text: string, options: DateInputOptions = {}): DateInputResult {
  const { label } = options;
  const digits: DigitStyle = /[\u0660-\u0669\u06f0-\u06f9]/.test(text) ? "arab" : "latn";
  let cleaned = normalizeDigits(text)
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, "")
    .replace(/[،,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned === "") return refuse("date_empty", label, "أدخل التاريخ.", "Enter the date.");

  let marked: DateCalendar | null = null;
  if (HIJRI_MARK.test(cleaned)) {
    marked = "hijri";
    cleaned = cleaned.replace(HIJRI_MARK, "");
  } else if (GREGORIAN_MARK.test(cleaned)) {
    marked = "gregorian";
    cleaned = cleaned.replace(GREGORIAN_MARK, "");
  }
  cleaned = cleaned.replace(WEEKDAY_PREFIX, "").trim();

  let year: string | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let namedCalendar: DateCalendar | null = null;

  const numeric = NUMERIC.exec(cleaned);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[3]!, numeric[4]!];
    if (a.length > 2 && c.length <= 2) {
      year = a;
      day = Number(c);
    } else if (c.length > 2 && a.length <= 2) {
      year = c;
      day = Number(a);
    } else if (a.length <= 2 && c.length <= 2) {
      return refuse(
        "date_two_digit_year",
        label,
        "اكتب السنة بأربعة أرقام (مثل ١٤٤٧ أو ٢٠٢٥)، فالسنة برقمين لا يُعرف تقويمها.",
        "Write the year with four digits (like 1447 or 2025); a two-digit year could be either calendar.",
      );
    }
    month = Number(b);
  } else {
    const named = NAMED.exec(cleaned);
    if (named) {
      const hijriMonth = hijriMonthFromName(named[2]!);
      const gregorianMonth = hijriMonth ? null : gregorianMonthFromName(named[2]!);
      if (hijriMonth || gregorianMonth) {
        day = Number(named[1]);
        year = named[3]!;
        month = hijriMonth ?? gregorianMonth;
        namedCalendar = hijriMonth ? "hijri" : "gregorian";
      }
    }
  }
  if (year === null || month === null || day === null) {
    return refuse(
      "date_unrecognized",
      label,
      "لم نفهم التاريخ؛ ",
      `The date was not understood; ${EXAMPLE_EN}.`,
      EXAMPLE_AR,
    );
  }
  if (year.length <= 2) {
    return refuse(
      "date_two_digit_year",
      label,
      "اكتب السنة بأربعة أرقام (مثل ١٤٤٧ أو ٢٠٢٥)، فالسنة برقمين لا يُعرف تقويمها.",
      "Write the year with four digits (like 1447 or 2025); a two-digit year could be either calendar.",
    );
  }

  const y = Number(year);
  const byYear: DateCalendar | null =
    y <= HIJRI_MAX_YEAR ? "hijri" : y >= GREGORIAN_MIN_YEAR ? "gregorian" : null;
  const calendar = namedCalendar ?? marked ?? byYear;
  const outOfRange = () =>
    refuse(
      "date_year_out_of_range",
      label,
      `السنة ${y} خارج النطاق: الهجري من ${HIJRI_MIN_YEAR} إلى ${HIJRI_MAX_YEAR}هـ، والميلادي من ${GREGORIAN_MIN_YEAR} إلى ${GREGORIAN_MAX_YEAR}م.`,
      `The year ${y} is out of range: Hijri ${HIJRI_MIN_YEAR}–${HIJRI_MAX_YEAR} AH, Gregorian ${GREGORIAN_MIN_YEAR}–${GREGORIAN_MAX_YEAR}.`,
    );
  if (calendar === null) return outOfRange();
  if (month < 1 || month > 12) {
    return refuse(
      "date_invalid_month",
      label,
      `لا يوجد شهر رقمه ${month}؛ الأشهر من ١ إلى ١٢، واليوم يُكتب أولًا أو السنة أولًا.`,
      `There is no month ${month}; months run 1 to 12, written day first or year first.`,
    );
  }

  if (calendar === "hijri") {
    if (y > HIJRI_MAX_YEAR) return outOfRange();
    const hijri = { year: y, month, day };
    const problem = checkHijri(hijri);
    if (problem)
      return {
        ok: false,
        code: problem.code,
        message: withLabel(label, problem.message.ar, problem.message.en),
      };
    const gregorian = toGregorian(hijri);
    return { ok: true, value: { iso: toIsoDate(gregorian), gregorian, hijri, calendar, digits } };
  }

  if (y < GREGORIAN_MIN_YEAR || y > GREGORIAN_MAX_YEAR) return outOfRange();
  const gregorian = { year: y, month, day };
  if (!isValidGregorian(gregorian)) {
    return refuse(
      "date_impossible",
      label,
      `شهر ${GREGORIAN_MONTHS[month - 1]!.ar} ${y}م ليس فيه اليوم ${day}.`,
      `${GREGORIAN_MONTHS[month - 1]!.en} ${y} has no day ${day}.`,
    );
  }
  return {
    ok: true,
    value: { iso: toIsoDate(gregorian), gregorian, hijri: hijriOf(gregorian), calendar, digits },
  };
}

/** The Umm al-Qura day for a Gregorian day, or null outside the published tables. */
export function hijriOf(gregorian: GregorianDate): HijriDate | null {
  const n = dayNumberFromGregorian(gregorian);
  const range = supportedDayRange();
  if (n < range.first || n > range.last) return null;
  return toHijri(gregorian);
}

/** Reads a stored `YYYY-MM-DD` into the same shape the parser gives. */
export function understoodFromIso(iso: string, digits: DigitStyle = "arab"): UnderstoodDate | null {
  const parts = splitIsoDate(iso);
  if (!parts || !isValidGregorian(parts)) return null;
  return { iso: toIsoDate(parts), gregorian: parts, hijri: hijriOf(parts), calendar: "gregorian", digits };
}

export type DayTextOptions = { locale?: "ar" | "en"; digits?: DigitStyle; weekday?: boolean };

function dayParts(iso: string, options: DayTextOptions) {
  const { locale = "ar", digits = locale === "ar" ? "arab" : "latn" } = options;
  const date = understoodFromIso(iso);
  if (!date) return null;
  const shown = (text: string) => (digits === "arab" ? toArabicIndicDigits(text) : text);
  const hijri = date.hijri
    ? shown(
        locale === "ar"
          ? `${date.hijri.day} ${HIJRI_MONTHS[date.hijri.month - 1]!.ar} ${date.hijri.year}هـ`
          : `${date.hijri.day} ${HIJRI_MONTHS[date.hijri.month - 1]!.en} ${date.hijri.year} AH`,
      )
    : null;
  const g = date.gregorian;
  const gregorian = shown(
    locale === "ar"
      ? `${g.day} ${GREGORIAN_MONTHS[g.month - 1]!.ar} ${g.year}م`
      : `${g.day} ${GREGORIAN_MONTHS[g.month - 1]!.en} ${g.year}`,
  );
  const weekday = WEEKDAYS[weekdayOfDayNumber(dayNumberFromGregorian(g))]![locale];
  return { hijri, gregorian, weekday };
}

/**
 * «الأحد ١٢ جمادى الأولى ١٤٤٧هـ — ٣ نوفمبر ٢٠٢٥م»: what a form shows under a date it understood.
 * Outside the Umm al-Qura tables, only the Gregorian day.
 */
export function describeDay(iso: string, options: DayTextOptions = {}): string {
  const parts = dayParts(iso, options);
  if (!parts) return iso;
  const lead = options.weekday === false ? "" : `${parts.weekday} `;
  return parts.hijri ? `${lead}${parts.hijri} — ${parts.gregorian}` : `${lead}${parts.gregorian}`;
}

/** «١٢ جمادى الأولى ١٤٤٧هـ (٣ نوفمبر ٢٠٢٥م)»: a day quoted inside a sentence, both calendars. */
export function quoteDay(iso: string, options: DayTextOptions = {}): string {
  const parts = dayParts(iso, options);
  if (!parts) return iso;
  return parts.hijri ? `${parts.hijri} (${parts.gregorian})` : parts.gregorian;
}

/** Both languages of quoteDay, for messages that carry Arabic and English. */
export function quoteDayBoth(iso: string): LocalizedMessage {
  return { ar: quoteDay(iso, { locale: "ar" }), en: quoteDay(iso, { locale: "en" }) };
}

export type DateBounds = {
  /** The latest allowed day, `YYYY-MM-DD`; `today` is the day now in Riyadh passed by the caller. */
  notAfter?: string;
  /** The earliest allowed day, `YYYY-MM-DD`. */
  notBefore?: string;
  /** Says that notAfter is today, so the refusal reads «بعد اليوم». */
  notAfterIsToday?: boolean;
};

export type DateBoundCode = "date_in_future" | "date_after_limit" | "date_before_limit";

/** Refuses a day outside the bounds, quoting both calendars for the day and the limit. */
export function checkDateBounds(
  iso: string,
  bounds: DateBounds,
  options: DateInputOptions = {},
): Failure<DateBoundCode> | null {
  const { label } = options;
  const subject = label ?? { ar: "التاريخ", en: "The date" };
  const day = quoteDayBoth(iso);
  if (bounds.notAfter && iso > bounds.notAfter) {
    const limit = quoteDayBoth(bounds.notAfter);
    if (bounds.notAfterIsToday) {
      return {
        ok: false,
        code: "date_in_future",
        message: {
          ar: `${subject.ar} ${day.ar} بعد اليوم ${limit.ar}؛ سجّل يومًا مضى أو اليوم.`,
          en: `${subject.en} ${day.en} is after today, ${limit.en}; record a day that has come.`,
        },
      };
    }
    return {
      ok: false,
      code: "date_after_limit",
      message: {
        ar: `${subject.ar} ${day.ar} بعد آخر يوم مسموح ${limit.ar}.`,
        en: `${subject.en} ${day.en} is after the last allowed day, ${limit.en}.`,
      },
    };
  }
  if (bounds.notBefore && iso < bounds.notBefore) {
    const limit = quoteDayBoth(bounds.notBefore);
    return {
      ok: false,
      code: "date_before_limit",
      message: {
        ar: `${subject.ar} ${day.ar} قبل أول يوم مسموح ${limit.ar}.`,
        en: `${subject.en} ${day.en} is before the first allowed day, ${limit.en}.`,
      },
    };
  }
  return null;
}

/** The Gregorian ISO day a number of days from another; used by the calendar popup. */
export function isoPlusDays(iso: string, days: number): string {
  const parts = splitIsoDate(iso);
  if (!parts) return iso;
  return toIsoDate(gregorianFromDayNumber(dayNumberFromGregorian(parts) + days));
}
