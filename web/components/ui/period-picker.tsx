import { useId } from "react";
import { GREGORIAN_MONTHS, HIJRI_MONTHS, riyadhDate, toHijri } from "../../../shared/domain/index.js";
import { useI18n } from "../../i18n/i18n.js";
import { DateField } from "./date-field.js";
import { type Choice, chosenPeriod, type PeriodChoice } from "./period.js";
import "./period-picker.css";

/**
 * The period a report covers: a month or a whole year of the Hijri (Umm al-Qura) or Gregorian
 * calendar, or — where the page allows it — any range of days typed in either calendar. The days
 * it names are shown under it. Used by «لوحة المؤشرات» and «حزمة الأدلة».
 */
export function PeriodPicker<T extends PeriodChoice>(props: {
  label: string;
  value: T;
  onChange: (next: PeriodChoice) => void;
  allowRange?: boolean;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const choice = props.value as PeriodChoice;
  const today = riyadhDate(new Date());
  const hijriToday = toHijri(today);
  const period = chosenPeriod(choice);

  const changeCalendar = (calendar: PeriodChoice["calendar"]) => {
    if (calendar === "range") {
      props.onChange({
        calendar,
        fromText: period?.from ?? "",
        toText: period?.to ?? "",
        from: period?.from ?? null,
        to: period?.to ?? null,
      });
      return;
    }
    props.onChange({
      calendar,
      year: calendar === "hijri" ? hijriToday.year : today.year,
      month: calendar === "hijri" ? hijriToday.month : today.month,
    });
  };

  const monthly = choice.calendar === "range" ? null : (choice as Choice);
  const years = monthly
    ? [0, 1, 2, 3, 4].map((n) => (monthly.calendar === "hijri" ? hijriToday.year : today.year) - n)
    : [];
  const months = monthly?.calendar === "hijri" ? HIJRI_MONTHS : GREGORIAN_MONTHS;

  return (
    <form
      className="inline-filters period-picker"
      noValidate
      onSubmit={(e) => e.preventDefault()}
      aria-label={props.label}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-calendar`}>
          {t("period.calendar")}
        </label>
        <select
          id={`${ids}-calendar`}
          className="input"
          value={choice.calendar}
          onChange={(e) => changeCalendar(e.target.value as PeriodChoice["calendar"])}
        >
          <option value="gregorian">{t("period.calendar.gregorian")}</option>
          <option value="hijri">{t("period.calendar.hijri")}</option>
          {props.allowRange ? <option value="range">{t("period.calendar.range")}</option> : null}
        </select>
      </div>
      {monthly ? (
        <>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-year`}>
              {t("period.year")}
            </label>
            <select
              id={`${ids}-year`}
              className="input"
              value={monthly.year}
              onChange={(e) => props.onChange({ ...monthly, year: Number(e.target.value) })}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {monthly.calendar === "hijri" ? t("period.hijriYear", { year: String(y) }) : String(y)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-month`}>
              {t("period.month")}
            </label>
            <select
              id={`${ids}-month`}
              className="input"
              value={monthly.month}
              onChange={(e) => props.onChange({ ...monthly, month: Number(e.target.value) })}
            >
              <option value={0}>{t("period.wholeYear")}</option>
              {months.map((m, i) => (
                <option key={m.en} value={i + 1}>
                  {m[locale]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : choice.calendar === "range" ? (
        <>
          <DateField
            label={t("period.from")}
            value={choice.fromText}
            onChange={(text, date) => props.onChange({ ...choice, fromText: text, from: date?.iso ?? null })}
          />
          <DateField
            label={t("period.to")}
            value={choice.toText}
            onChange={(text, date) => props.onChange({ ...choice, toText: text, to: date?.iso ?? null })}
            error={choice.from && choice.to && choice.from > choice.to ? t("period.reversed") : null}
          />
        </>
      ) : null}
      <p className="field__hint period-picker__range" aria-live="polite">
        {period ? t("period.range", { from: period.from, to: period.to }) : t("period.incomplete")}
      </p>
    </form>
  );
}
