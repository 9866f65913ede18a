import type { Locale } from "../../../shared/contracts/auth.js";

const formats: Record<Locale, Intl.NumberFormat> = {
  ar: new Intl.NumberFormat("ar-SA", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** Amounts travel as integer halalas; people read and type riyals. */
export function formatRiyals(halalas: number, locale: Locale): string {
  return `${formats[locale].format(halalas / 100)} ${locale === "ar" ? "ريال" : "SAR"}`;
}

/** "1200" or "1200.50" (Arabic-Indic digits too) in halalas, or null when it is not an amount. */
export function riyalsToHalalas(text: string): number | null {
  const western = text
    .trim()
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace("٫", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(western)) return null;
  const [whole = "0", fraction = ""] = western.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
