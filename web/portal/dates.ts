import {
  formatDual,
  formatGregorianLong,
  formatHijri,
  parseIsoDate,
  splitIsoDate,
} from "../../shared/domain/hijri.js";

/** A due day in both calendars from the server's two ISO days (Gregorian, and its Umm al-Qura Hijri). */
export function dueDayText(dueDate: string, dueHijri: string): string {
  const hijri = splitIsoDate(dueHijri);
  const gregorian = formatGregorianLong(parseIsoDate(dueDate), "ar");
  return hijri ? `${formatHijri(hijri, { style: "long", digits: "arab" })} (${gregorian})` : gregorian;
}

/** A moment (UTC in the answer) as its Riyadh day, Hijri first and Gregorian beside it. */
export function momentText(iso: string): string {
  return formatDual(new Date(iso), "ar");
}

const riyals = new Intl.NumberFormat("ar-SA", { style: "currency", currency: "SAR" });
/** Halalas as riyals, in the page's digits. */
export function amountText(halalas: number): string {
  return riyals.format(halalas / 100);
}
