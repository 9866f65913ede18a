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

// Arabic counts its nouns four ways: one, two, three to ten (plural), eleven and more (singular).
const amountKeys: Record<ResponsePeriodRule["unit"], [MessageKey, MessageKey, MessageKey, MessageKey]> = {
  days: ["policy.amount.days.1", "policy.amount.days.2", "policy.amount.days.few", "policy.amount.days.many"],
  working_days: [
    "policy.amount.working_days.1",
    "policy.amount.working_days.2",
    "policy.amount.working_days.few",
    "policy.amount.working_days.many",
  ],
  weeks: [
    "policy.amount.weeks.1",
    "policy.amount.weeks.2",
    "policy.amount.weeks.few",
    "policy.amount.weeks.many",
  ],
  months: [
    "policy.amount.months.1",
    "policy.amount.months.2",
    "policy.amount.months.few",
    "policy.amount.months.many",
  ],
};

/** Digits as the language writes them: Arabic-Indic in Arabic prose. */
export function localDigits(text: string, locale: Locale): string {
  return locale === "ar" ? toArabicIndicDigits(text) : text;
}

/** «خلال ١٥ يوم عمل من اكتمال الطلب كحد أقصى» — the rule in the words a reader expects. */
export function responsePeriodWords(rule: ResponsePeriodRule, t: Translate, locale: Locale): string {
  const [one, two, few, many] = amountKeys[rule.unit];
  const key = rule.value === 1 ? one : rule.value === 2 ? two : rule.value <= 10 ? few : many;
  const amount = t(key, { n: localDigits(String(rule.value), locale) });
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
