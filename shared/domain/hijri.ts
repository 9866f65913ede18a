import { gregorianToHijri, hijriToGregorian } from "@tabby_ai/hijri-converter";
import { normalizeDigits, toArabicIndicDigits } from "./digits.js";
import { type Failure, fail, ToolkitError } from "./errors.js";

/** A plain calendar date with no time or zone; months and days are 1-based. */
export type GregorianDate = { year: number; month: number; day: number };
/** A date in the Umm al-Qura calendar, the official Saudi Hijri calendar. */
export type HijriDate = { year: number; month: number; day: number };

/**
 * The supported Hijri span. The converter's table reaches back to 1343 AH, but the published
 * Umm al-Qura tables people cross-check against start at 1356 AH, so we refuse earlier dates rather
 * than show something nobody can verify.
 */
export const HIJRI_MIN_YEAR = 1356;
export const HIJRI_MAX_YEAR = 1500;

const MS_PER_DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Day numbers: days since 1970-01-01. Calendar arithmetic on integers avoids the time-zone traps of
// Date objects; Date is used here only as a proleptic Gregorian calculator in UTC.

export function dayNumberFromGregorian(date: GregorianDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

export function gregorianFromDayNumber(dayNumber: number): GregorianDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, the same numbering as Date#getUTCDay. */
export function weekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isValidGregorian(date: GregorianDate): boolean {
  if (!Number.isInteger(date.year) || !Number.isInteger(date.month) || !Number.isInteger(date.day))
    return false;
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= gregorianMonthLength(date.year, date.month);
}

export function gregorianMonthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** `YYYY-MM-DD` for either calendar; the caller knows which calendar the string is in. */
export function toIsoDate(date: GregorianDate | HijriDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Reads `YYYY-MM-DD` (any digits) without validating the calendar; returns null if the shape is wrong. */
export function splitIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(normalizeDigits(text.trim()));
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Parses an ISO Gregorian date and throws `invalid_date` when it is not a real day. */
export function parseIsoDate(text: string): GregorianDate {
  const parts = splitIsoDate(text);
  if (!parts || !isValidGregorian(parts)) {
    throw new ToolkitError("invalid_date", {
      ar: `التاريخ «${text}» غير صحيح.`,
      en: `"${text}" is not a valid date.`,
    });
  }
  return parts;
}

export function dayNumberFromIso(text: string): number {
  return dayNumberFromGregorian(parseIsoDate(text));
}

export function isoFromDayNumber(dayNumber: number): string {
  return toIsoDate(gregorianFromDayNumber(dayNumber));
}

export function addDaysIso(date: string, days: number): string {
  return isoFromDayNumber(dayNumberFromIso(date) + days);
}

// ---------------------------------------------------------------------------------------------
// Umm al-Qura. The converter package holds the month-start table; we read month lengths once from
// it (1,740 months) so validation and month lengths are array look-ups afterwards.

const MONTH_COUNT = (HIJRI_MAX_YEAR - HIJRI_MIN_YEAR + 1) * 12;
let monthStarts: Int32Array | null = null;

function table(): Int32Array {
  if (monthStarts) return monthStarts;
  const starts = new Int32Array(MONTH_COUNT + 1);
  for (let i = 0; i < MONTH_COUNT; i++) {
    const year = HIJRI_MIN_YEAR + Math.floor(i / 12);
    const month = (i % 12) + 1;
    starts[i] = dayNumberFromGregorian(hijriToGregorian({ year, month, day: 1 }));
  }
  // The last month has no successor in range; the converter rejects day 30 if it has 29 days.
  let lastLength = 30;
  try {
    hijriToGregorian({ year: HIJRI_MAX_YEAR, month: 12, day: 30 });
  } catch {
    lastLength = 29;
  }
  starts[MONTH_COUNT] = starts[MONTH_COUNT - 1]! + lastLength;
  monthStarts = starts;
  return starts;
}

function monthIndex(year: number, month: number): number {
  return (year - HIJRI_MIN_YEAR) * 12 + (month - 1);
}

function outOfRange(): ToolkitError {
  return new ToolkitError("hijri_out_of_range", {
    ar: "التاريخ خارج نطاق تقويم أم القرى المدعوم (من ١ محرم ١٣٥٦هـ إلى نهاية ١٥٠٠هـ).",
    en: "The date is outside the supported Umm al-Qura range (1 Muharram 1356 AH to the end of 1500 AH).",
  });
}

/**
 * Number of days in a Hijri month per Umm al-Qura: 29 or 30, except Shaban 1364, which the
 * historical table (and so the converter) gives 28 days.
 */
export function hijriMonthLength(year: number, month: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new ToolkitError("hijri_invalid_date", {
      ar: "رقم الشهر الهجري يجب أن يكون من ١ إلى ١٢.",
      en: "The Hijri month must be between 1 and 12.",
    });
  }
  if (year < HIJRI_MIN_YEAR || year > HIJRI_MAX_YEAR) throw outOfRange();
  const starts = table();
  const i = monthIndex(year, month);
  return starts[i + 1]! - starts[i]!;
}

/** First and last supported Gregorian day numbers. */
export function supportedDayRange(): { first: number; last: number } {
  const starts = table();
  return { first: starts[0]!, last: starts[MONTH_COUNT]! - 1 };
}

export type HijriProblem = "hijri_invalid_date" | "hijri_out_of_range";

/** Explains why a Hijri date cannot be used, or returns null when it is a real Umm al-Qura day. */
export function checkHijri(date: HijriDate): Failure<HijriProblem> | null {
  const { year, month, day } = date;
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1 || day > 30) {
    return fail("hijri_invalid_date", "التاريخ الهجري غير صحيح.", "The Hijri date is not valid.");
  }
  if (year < HIJRI_MIN_YEAR || year > HIJRI_MAX_YEAR) {
    const e = outOfRange();
    return { ok: false, code: "hijri_out_of_range", message: e.localized };
  }
  const length = hijriMonthLength(year, month);
  if (day > length) {
    return fail(
      "hijri_invalid_date",
      `شهر ${HIJRI_MONTHS[month - 1]!.ar} ${year}هـ عدد أيامه ${length}، فلا يوجد فيه اليوم ${day}.`,
      `${HIJRI_MONTHS[month - 1]!.en} ${year} AH has ${length} days, so day ${day} does not exist.`,
    );
  }
  return null;
}

export function isValidHijri(date: HijriDate): boolean {
  return checkHijri(date) === null;
}

/** Gregorian → Umm al-Qura. Throws `ToolkitError` (`invalid_date`, `hijri_out_of_range`). */
export function toHijri(date: GregorianDate): HijriDate {
  if (!isValidGregorian(date)) {
    throw new ToolkitError("invalid_date", {
      ar: "التاريخ الميلادي غير صحيح.",
      en: "The Gregorian date is not valid.",
    });
  }
  const n = dayNumberFromGregorian(date);
  const range = supportedDayRange();
  if (n < range.first || n > range.last) throw outOfRange();
  return gregorianToHijri(date);
}

/** Umm al-Qura → Gregorian. Throws `ToolkitError` (`hijri_invalid_date`, `hijri_out_of_range`). */
export function toGregorian(date: HijriDate): GregorianDate {
  const problem = checkHijri(date);
  if (problem) throw new ToolkitError(problem.code, problem.message);
  return hijriToGregorian(date);
}

/** Day-number form of toHijri, used by the working calendar to avoid building date objects twice. */
export function hijriFromDayNumber(dayNumber: number): HijriDate {
  return toHijri(gregorianFromDayNumber(dayNumber));
}

export function dayNumberFromHijri(date: HijriDate): number {
  const problem = checkHijri(date);
  if (problem) throw new ToolkitError(problem.code, problem.message);
  return table()[monthIndex(date.year, date.month)]! + date.day - 1;
}

// ---------------------------------------------------------------------------------------------
// Names and formatting

export const HIJRI_MONTHS: readonly { ar: string; en: string }[] = [
  { ar: "محرم", en: "Muharram" },
  { ar: "صفر", en: "Safar" },
  { ar: "ربيع الأول", en: "Rabi al-Awwal" },
  { ar: "ربيع الآخر", en: "Rabi al-Akhir" },
  { ar: "جمادى الأولى", en: "Jumada al-Ula" },
  { ar: "جمادى الآخرة", en: "Jumada al-Akhirah" },
  { ar: "رجب", en: "Rajab" },
  { ar: "شعبان", en: "Shaban" },
  { ar: "رمضان", en: "Ramadan" },
  { ar: "شوال", en: "Shawwal" },
  { ar: "ذو القعدة", en: "Dhu al-Qadah" },
  { ar: "ذو الحجة", en: "Dhu al-Hijjah" },
];

/** Gregorian month names as used in Saudi Arabia (not the Levantine كانون/تشرين set). */
export const GREGORIAN_MONTHS: readonly { ar: string; en: string }[] = [
  { ar: "يناير", en: "January" },
  { ar: "فبراير", en: "February" },
  { ar: "مارس", en: "March" },
  { ar: "أبريل", en: "April" },
  { ar: "مايو", en: "May" },
  { ar: "يونيو", en: "June" },
  { ar: "يوليو", en: "July" },
  { ar: "أغسطس", en: "August" },
  { ar: "سبتمبر", en: "September" },
  { ar: "أكتوبر", en: "October" },
  { ar: "نوفمبر", en: "November" },
  { ar: "ديسمبر", en: "December" },
];

export type HijriFormatOptions = {
  style?: "numeric" | "long";
  digits?: "latn" | "arab";
  locale?: "ar" | "en";
};

/**
 * `22/12/1442هـ` (numeric) or `22 ذو الحجة 1442هـ` (long); day first because that is how Saudi
 * forms and letters write Hijri dates. English long form: `22 Dhu al-Hijjah 1442 AH`.
 */
export function formatHijri(date: HijriDate, options: HijriFormatOptions = {}): string {
  const { style = "numeric", digits = "latn", locale = "ar" } = options;
  const suffix = locale === "ar" ? "هـ" : " AH";
  const month = HIJRI_MONTHS[date.month - 1];
  if (!month)
    throw new ToolkitError("hijri_invalid_date", {
      ar: "الشهر الهجري غير صحيح.",
      en: "Invalid Hijri month.",
    });
  const text =
    style === "numeric"
      ? `${pad(date.day, 2)}/${pad(date.month, 2)}/${date.year}${suffix}`
      : `${date.day} ${month[locale]} ${date.year}${suffix}`;
  return digits === "arab" ? toArabicIndicDigits(text) : text;
}

export function formatGregorianLong(date: GregorianDate, locale: "ar" | "en" = "ar"): string {
  return `${date.day} ${GREGORIAN_MONTHS[date.month - 1]![locale]} ${date.year}`;
}

// ---------------------------------------------------------------------------------------------
// Parsing what people type

export type HijriParseCode = "hijri_empty" | "hijri_unrecognized" | HijriProblem;
export type HijriParseResult = { ok: true; value: HijriDate } | Failure<HijriParseCode>;

/** Folds spelling variants of month names so one table recognises them. */
function monthKey(text: string): string {
  const folded = text
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
  if (/[a-z]/.test(folded)) return folded.replace(/[^a-z]/g, "");
  return folded
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word === "ذي" || word === "ذا" ? "ذو" : word.startsWith("ال") ? word.slice(2) : word))
    .join(" ");
}

const MONTH_VARIANTS: readonly (readonly string[])[] = [
  ["محرم", "muharram", "muharam"],
  ["صفر", "safar"],
  ["ربيع اول", "ربيع 1", "rabialawwal", "rabiulawwal", "rabii", "rabiallawal"],
  ["ربيع اخر", "ربيع ثاني", "ربيع 2", "rabialakhir", "rabialthani", "rabiulakhir", "rabiuthani", "rabiii"],
  ["جمادي اولي", "جمادي اول", "جمادي 1", "jumadaalula", "jumadaalawwal", "jumadai", "jumadalula"],
  [
    "جمادي اخره",
    "جمادي اخر",
    "جمادي ثانيه",
    "جمادي ثاني",
    "جمادي 2",
    "jumadaalakhirah",
    "jumadaalakhira",
    "jumadaalthani",
    "jumadaii",
  ],
  ["رجب", "rajab"],
  ["شعبان", "shaban", "shaaban"],
  ["رمضان", "ramadan", "ramadhan", "ramazan"],
  ["شوال", "shawwal", "shawal"],
  ["ذو قعده", "dhualqadah", "dhulqadah", "dhualqidah", "dhulqidah", "dhualqadah"],
  ["ذو حجه", "dhualhijjah", "dhulhijjah", "dhualhijja", "dhulhijja"],
];

const MONTH_BY_KEY = new Map<string, number>();
MONTH_VARIANTS.forEach((variants, index) => {
  for (const variant of variants) MONTH_BY_KEY.set(variant, index + 1);
});

export function hijriMonthFromName(text: string): number | null {
  return MONTH_BY_KEY.get(monthKey(text)) ?? null;
}

const NUMERIC = /^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})$/;
const NAMED = /^(\d{1,2})\s+(.+?)\s+(\d{3,4})$/;
// Trailing era markers: هـ, ه, هجري/هجرية, AH; also a leading weekday-less comma or the word "سنة".
const ERA = /\s*(هـ|ه|هجري|هجريه|هجرية|a\.?h\.?)\s*$/i;

/** Accepts `22/12/1442هـ`, `1442/12/22 هـ`, `1442-12-22`, `٢٢ ذو الحجة ١٤٤٢`, `22 ذي الحجة 1442 هـ`. */
export function parseHijri(text: string): HijriParseResult {
  const cleaned = normalizeDigits(text)
    .replace(/[\u200e\u200f\u061c]/g, "")
    .replace(/[،,]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(ERA, "")
    .trim();
  if (cleaned === "") return fail("hijri_empty", "أدخل التاريخ الهجري.", "Enter the Hijri date.");

  let parts: HijriDate | null = null;
  const numeric = NUMERIC.exec(cleaned);
  if (numeric) {
    const [a, b, c] = [numeric[1]!, numeric[2]!, numeric[3]!];
    if (a.length >= 3) parts = { year: Number(a), month: Number(b), day: Number(c) };
    else if (c.length >= 3) parts = { year: Number(c), month: Number(b), day: Number(a) };
  } else {
    const named = NAMED.exec(cleaned);
    const month = named ? hijriMonthFromName(named[2]!) : null;
    if (named && month) parts = { year: Number(named[3]), month, day: Number(named[1]) };
  }
  if (!parts) {
    return fail(
      "hijri_unrecognized",
      "لم نتعرف على صيغة التاريخ الهجري. اكتبه مثل 22/12/1442هـ أو 22 ذو الحجة 1442هـ.",
      "The Hijri date was not recognised. Write it like 22/12/1442 AH or 22 Dhu al-Hijjah 1442 AH.",
    );
  }
  const problem = checkHijri(parts);
  return problem ?? { ok: true, value: parts };
}

// ---------------------------------------------------------------------------------------------
// Showing instants in Riyadh

/**
 * Asia/Riyadh has been UTC+3 all year with no daylight saving since 1963, so a fixed offset is
 * exact for every date we handle and keeps this module free of time-zone databases (browsers and
 * small Node builds differ in what they ship).
 */
export const RIYADH_OFFSET_MS = 3 * 3_600_000;

export function riyadhDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + RIYADH_OFFSET_MS) / MS_PER_DAY);
}

export function riyadhDate(instant: Date): GregorianDate {
  return gregorianFromDayNumber(riyadhDayNumber(instant));
}

/** The first instant (00:00 Riyadh) of a Riyadh calendar day. */
export function riyadhStartOfDay(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY - RIYADH_OFFSET_MS);
}

/** The last millisecond (23:59:59.999 Riyadh) of a Riyadh calendar day. */
export function riyadhEndOfDay(dayNumber: number): Date {
  return new Date((dayNumber + 1) * MS_PER_DAY - RIYADH_OFFSET_MS - 1);
}

/**
 * `٢٢ ذو الحجة ١٤٤٢هـ (1 أغسطس 2021)` or `22 Dhu al-Hijjah 1442 AH (1 August 2021)`. Hijri leads
 * because official Saudi correspondence does; outside the Umm al-Qura range only the Gregorian is shown.
 */
export function formatDual(instant: Date, locale: "ar" | "en" = "ar"): string {
  const gregorian = riyadhDate(instant);
  const gregorianText = formatGregorianLong(gregorian, locale);
  const n = dayNumberFromGregorian(gregorian);
  const range = supportedDayRange();
  if (n < range.first || n > range.last) return gregorianText;
  const hijri = formatHijri(gregorianToHijri(gregorian), {
    style: "long",
    digits: locale === "ar" ? "arab" : "latn",
    locale,
  });
  return `${hijri} (${gregorianText})`;
}
