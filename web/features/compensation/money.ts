import { normalizeDigits } from "../../../shared/domain/index.js";

/**
 * Amounts travel as whole halalas (1 riyal = 100 halalas) so no sum is ever a fraction; people read
 * and type riyals. Arabic-Indic digits and the Arabic decimal separator are accepted as typed.
 */
export function riyalsToHalalas(text: string): number | null {
  const plain = normalizeDigits(text)
    .trim()
    .replace(/[\u066C,\s]/g, "")
    .replace("\u066B", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const [whole = "0", fraction = ""] = plain.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const formats = {
  ar: new Intl.NumberFormat("ar-SA", { style: "currency", currency: "SAR" }),
  en: new Intl.NumberFormat("en-SA", { style: "currency", currency: "SAR" }),
};

export function formatHalalas(halalas: number, locale: "ar" | "en"): string {
  return formats[locale].format(halalas / 100);
}

/** A halala amount as riyals to prefill an input (`1200`, `1200.5`). */
export function halalasToRiyalsText(halalas: number): string {
  return String(halalas / 100);
}
