import { type FormEvent, useId, useState } from "react";
import { useSearchParams } from "react-router";
import { type CalendarDayView, calendarDayKindSchema } from "../../../../shared/contracts/calendar.js";
import { formatHijri, splitIsoDate } from "../../../../shared/domain/index.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useClearCalendarDay } from "../api/clear-calendar-day.js";
import { useCalendarDays } from "../api/list-calendar-days.js";
import { useSetCalendarDay } from "../api/set-calendar-day.js";
import { statusLabels, weekdayLabels } from "../labels.js";
import "./working-calendar.css";
import { DateField, readDateField } from "../../../components/ui/date-field.js";

type DayKind = CalendarDayView["status"];

// The years the server's Umm al-Qura tables cover (calendarYearQuerySchema).
const firstYear = 1937;
const lastYear = 2077;

function yearFrom(text: string | null, fallback: number): number {
  const year = Number(text);
  return Number.isInteger(year) && year >= firstYear && year <= lastYear ? year : fallback;
}

/** `1447-09-01` (Hijri, as the API sends it) in the words the association writes dates in. */
function hijriText(hijri: string, locale: "ar" | "en"): string {
  const parts = splitIsoDate(hijri);
  if (!parts) return hijri;
  try {
    return formatHijri(parts, { style: "long", locale });
  } catch {
    return hijri;
  }
}

/**
 * «تقويم العمل»: the year's official holidays and the association's closures, as generated from the
 * rules and as the administrator corrected them. Deadlines count working days from this calendar.
 */
export function WorkingCalendarPage({ canEdit, today }: { canEdit: boolean; today: string }) {
  const { t, locale, errorText } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = Number(today.slice(0, 4));
  const year = yearFrom(searchParams.get("year"), thisYear);
  const calendar = useCalendarDays(year);
  const clear = useClearCalendarDay();

  const goTo = (next: number) => setSearchParams(next === thisYear ? {} : { year: String(next) });

  function onClear(day: CalendarDayView) {
    const name = day.name[locale];
    if (!window.confirm(t("calendar.clearConfirm", { date: day.date, name }))) return;
    clear.mutate(day.date);
  }

  return (
    <section className="page" aria-labelledby="calendar-title">
      <header className="page__header">
        <h1 id="calendar-title" className="page__title">
          {t("calendar.title")}
        </h1>
        <p className="page__lead">{t("calendar.intro")}</p>
      </header>

      <nav className="year-switch" aria-label={t("calendar.yearSwitch")}>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => goTo(year - 1)}
          disabled={year <= firstYear}
        >
          {t("calendar.previousYear", { year: String(year - 1) })}
        </button>
        <h2 className="year-switch__current" aria-live="polite">
          {t("calendar.year", { year: String(year) })}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => goTo(year + 1)}
          disabled={year >= lastYear}
        >
          {t("calendar.nextYear", { year: String(year + 1) })}
        </button>
      </nav>

      {calendar.isSuccess ? (
        <p className="muted">
          {t("calendar.weekend", {
            days: calendar.data.weekend
              .map((day) => t(weekdayLabels[day] ?? "calendar.weekday.5"))
              .join(t("calendar.listJoin")),
          })}
        </p>
      ) : null}

      {canEdit ? <MarkDayForm year={year} /> : null}

      {clear.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(clear.error)}
        </div>
      ) : null}
      {calendar.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {calendar.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(calendar.error)}{" "}
          <button type="button" className="button button--link" onClick={() => calendar.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      ) : null}
      {calendar.isSuccess && calendar.data.days.length === 0 ? (
        <p className="empty">{t("calendar.empty")}</p>
      ) : null}
      {calendar.isSuccess && calendar.data.days.length > 0 ? (
        <div className="table-scroll">
          <table className="table calendar-table">
            <caption className="visually-hidden">
              {t("calendar.tableCaption", { year: String(year) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("calendar.column.hijri")}</th>
                <th scope="col">{t("calendar.column.gregorian")}</th>
                <th scope="col">{t("calendar.column.name")}</th>
                <th scope="col">{t("calendar.column.status")}</th>
                <th scope="col">{t("calendar.column.source")}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("calendar.column.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {calendar.data.days.map((day) => (
                <tr key={day.date} data-date={day.date} data-status={day.status} data-source={day.source}>
                  <td>{hijriText(day.hijri, locale)}</td>
                  <td>
                    <bdi dir="ltr">{day.date}</bdi>
                  </td>
                  <td>{day.name[locale]}</td>
                  <td>
                    <span className={`day-status day-status--${day.status}`}>
                      {t(statusLabels[day.status])}
                    </span>
                  </td>
                  <td>
                    <span
                      className={
                        day.source === "edited" ? "source-badge source-badge--edited" : "source-badge"
                      }
                    >
                      {day.source === "edited" ? t("calendar.source.edited") : t("calendar.source.generated")}
                    </span>
                  </td>
                  {canEdit ? (
                    <td>
                      {day.source === "edited" ? (
                        <button
                          type="button"
                          className="button button--quiet"
                          disabled={clear.isPending}
                          onClick={() => onClear(day)}
                          aria-label={t("calendar.clearNamed", { date: day.date })}
                        >
                          {t("calendar.clear")}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function MarkDayForm({ year }: { year: number }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const set = useSetCalendarDay();
  const [date, setDate] = useState("");
  const [kind, setKind] = useState<DayKind>("closure");
  const [nameAr, setNameAr] = useState("");
  const [nameEn, setNameEn] = useState("");
  const [dateMissing, setDateMissing] = useState(false);
  const [dateInvalid, setDateInvalid] = useState<string | null>(null);
  // The day belongs to the year on screen.
  const bounds = { notBefore: `${year}-01-01`, notAfter: `${year}-12-31` };

  const fieldError = (path: string) =>
    isApiError(set.error) ? set.error.fieldMessage(path)?.[locale] : undefined;
  const nameError = fieldError("nameAr");
  const dateError = dateMissing ? t("calendar.form.dateRequired") : (dateInvalid ?? fieldError("date"));
  const generalError = set.error && !nameError && !dateError ? errorText(set.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const day = readDateField(date, t("calendar.form.date"), bounds);
    if (!day) {
      setDateMissing(true);
      return;
    }
    if (!day.ok) {
      setDateInvalid(day.message[locale]);
      return;
    }
    set.mutate(
      { date: day.iso, kind, nameAr, nameEn: nameEn.trim() || undefined },
      {
        onSuccess: () => {
          setDate("");
          setNameAr("");
          setNameEn("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("calendar.form.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="calendar-form__row">
          <DateField
            id={`${ids}-date`}
            label={t("calendar.form.date")}
            value={date}
            onChange={(text) => {
              setDate(text);
              setDateMissing(false);
              setDateInvalid(null);
            }}
            error={dateError}
            notBefore={bounds.notBefore}
            notAfter={bounds.notAfter}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-kind`}>
              {t("calendar.form.kind")}
            </label>
            <select
              id={`${ids}-kind`}
              className="field__input"
              value={kind}
              onChange={(event) => setKind(event.target.value as DayKind)}
            >
              {calendarDayKindSchema.options.map((value) => (
                <option key={value} value={value}>
                  {t(statusLabels[value])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-nameAr`}>
              {t("calendar.form.nameAr")}
            </label>
            <input
              id={`${ids}-nameAr`}
              className="field__input"
              value={nameAr}
              onChange={(event) => setNameAr(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${ids}-nameAr-error` : undefined}
            />
            {nameError ? (
              <p className="field__error" id={`${ids}-nameAr-error`}>
                {nameError}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-nameEn`}>
              {t("calendar.form.nameEn")}
              <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
            </label>
            <input
              id={`${ids}-nameEn`}
              className="field__input"
              dir="ltr"
              value={nameEn}
              onChange={(event) => setNameEn(event.target.value)}
            />
          </div>
        </div>
        <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <p className="success" aria-live="polite">
          {set.isSuccess ? t("calendar.form.saved", { date: set.data.date }) : null}
        </p>
        <div>
          <button type="submit" className="button button--primary" disabled={set.isPending}>
            {set.isPending ? t("beneficiaries.form.submitting") : t("calendar.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
