import { formatHijri, isValidGregorian, splitIsoDate, toHijri } from "../../../shared/domain/index.js";
import { useI18n } from "../../i18n/i18n.js";

/**
 * A calendar date with no time (a birth date, `YYYY-MM-DD`): the Gregorian as stored, and the Umm
 * al-Qura date it falls on. Unlike <DualDate>, there is no instant here, so no time zone is involved.
 */
export function CalendarDate({ value }: { value: string }) {
  const { locale } = useI18n();
  const parts = splitIsoDate(value);
  if (!parts || !isValidGregorian(parts)) return <span dir="ltr">{value}</span>;
  let hijri: string | null = null;
  try {
    hijri = formatHijri(toHijri(parts), { locale });
  } catch {
    // Outside the Umm al-Qura tables: the Gregorian date alone.
  }
  return (
    <time className="calendar-date" dateTime={value}>
      <bdi className="calendar-date__gregorian" dir="ltr">
        {value}
      </bdi>
      {hijri ? <bdi className="calendar-date__hijri muted">{hijri}</bdi> : null}
    </time>
  );
}
