import type { PolicyVersionStatus } from "../../../shared/contracts/policy.js";
import {
  formatGregorianLong,
  formatHijri,
  parseIsoDate,
  type ResponsePeriodRule,
  splitIsoDate,
  toArabicIndicDigits,
} from "../../../shared/domain/index.js";
import type { MessageKey, Translate } from "../../i18n/i18n.js";

type Locale = "ar" | "en";

export const statusLabels: Record<PolicyVersionStatus, MessageKey> = {
  draft: "policy.status.draft",
  approved: "policy.status.approved",
  superseded: "policy.status.superseded",
};

export const unitLabels: Record<ResponsePeriodRule["unit"], MessageKey> = {
  days: "policy.period.unit.days",
  working_days: "policy.period.unit.working_days",
  weeks: "policy.period.unit.weeks",
  months: "policy.period.unit.months",
};

export const boundLabels: Record<ResponsePeriodRule["bound"], MessageKey> = {
  max: "policy.period.bound.max",
  min: "policy.period.bound.min",
  target: "policy.period.bound.target",
};

export const startLabels: Record<ResponsePeriodRule["startsAt"], MessageKey> = {
  submission: "policy.period.start.submission",
  completion: "policy.period.start.completion",
};

// Each is an ICU plural: Arabic agrees the noun with 0, 1, 2, 3–10, 11–99 and 100+.
const amountKeys: Record<ResponsePeriodRule["unit"], MessageKey> = {
  days: "policy.amount.days",
  working_days: "policy.amount.working_days",
  weeks: "policy.amount.weeks",
  months: "policy.amount.months",
};

/** Digits as the language writes them: Arabic-Indic in Arabic prose. */
export function localDigits(text: string, locale: Locale): string {
  return locale === "ar" ? toArabicIndicDigits(text) : text;
}

/** «خلال ١٥ يوم عمل من اكتمال الطلب كحد أقصى» — the rule in the words a reader expects. */
export function responsePeriodWords(rule: ResponsePeriodRule, t: Translate): string {
  const amount = t(amountKeys[rule.unit], { n: rule.value });
  return t(`policy.period.sentence.${rule.bound}`, { amount, start: t(startLabels[rule.startsAt]) });
}

/** `1441-03-02` → «٢ ربيع الأول ١٤٤١هـ»; what the board wrote when it cannot be read as a date. */
export function hijriWords(iso: string, locale: Locale): string {
  const parts = splitIsoDate(iso);
  if (!parts) return iso;
  return formatHijri(parts, { style: "long", digits: locale === "ar" ? "arab" : "latn", locale });
}

/** `2019-10-31` → «٣١ أكتوبر ٢٠١٩م». */
export function gregorianWords(iso: string, locale: Locale): string {
  if (!splitIsoDate(iso)) return iso;
  const text = formatGregorianLong(parseIsoDate(iso), locale);
  return locale === "ar" ? `${toArabicIndicDigits(text)}م` : text;
}
