import { formatDual } from "../../../shared/domain/index.js";
import { useI18n } from "../../i18n/i18n.js";

type DualDateProps = {
  /** An ISO 8601 instant, as the API sends it (UTC). */
  value: string;
  /** Also show the time of day in Riyadh, for events. */
  withTime?: boolean;
};

const timeFormats = {
  ar: new Intl.DateTimeFormat("ar-SA", { timeZone: "Asia/Riyadh", hour: "numeric", minute: "2-digit" }),
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Riyadh", hour: "2-digit", minute: "2-digit" }),
};

/**
 * A date in Hijri (Umm al-Qura) with the Gregorian beside it. The calendar conversion is the domain
 * toolkit's, never Intl's islamic calendars, which are a day off in many months.
 */
export function DualDate({ value, withTime = false }: DualDateProps) {
  const { locale } = useI18n();
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return null;
  return (
    <time className="dual-date" dateTime={value}>
      <span className="dual-date__day">{formatDual(instant, locale)}</span>
      {withTime ? <span className="dual-date__time">{timeFormats[locale].format(instant)}</span> : null}
    </time>
  );
}
