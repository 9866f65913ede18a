import { useId, useState } from "react";
import { isoFromDayNumber, riyadhDayNumber } from "../../../../shared/domain/index.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useLiaisonLoad } from "../api/get-liaison-load.js";
import "./contacts.css";

const periods = [7, 30, 90, 365] as const;
type Period = (typeof periods)[number];

/** Senior management's view of the liaison officers (S3): each one's load, late answers and pace. */
export function LiaisonLoadPage() {
  const { t, errorText } = useI18n();
  const ids = useId();
  const [days, setDays] = useState<Period>(30);
  // "Today" in Riyadh from the browser's clock: the one place that clock is the right one.
  const today = riyadhDayNumber(new Date());
  const period = { from: isoFromDayNumber(today - (days - 1)), to: isoFromDayNumber(today) };
  const load = useLiaisonLoad(period);
  const items = load.data?.items ?? [];

  return (
    <section className="page" aria-labelledby="load-title">
      <header className="page__header">
        <h1 id="load-title" className="page__title">
          {t("liaisonLoad.title")}
        </h1>
        <p className="page__lead">
          {t("liaisonLoad.intro", { days: load.data?.answerPeriodWorkingDays ?? 3 })}
        </p>
      </header>

      <div className="card">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-period`}>
            {t("liaisonLoad.period")}
          </label>
          <select
            id={`${ids}-period`}
            className="field__input"
            value={days}
            onChange={(event) => setDays(Number(event.target.value) as Period)}
          >
            {periods.map((value) => (
              <option key={value} value={value}>
                {t("liaisonLoad.lastDays", { count: value })}
              </option>
            ))}
          </select>
        </div>
        {load.data ? (
          <p className="muted">
            {t("liaisonLoad.from")} <CalendarDate value={load.data.from} /> {t("liaisonLoad.to")}{" "}
            <CalendarDate value={load.data.to} />
          </p>
        ) : null}
      </div>

      {load.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {load.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(load.error)}
        </div>
      ) : null}
      {load.isSuccess && items.length === 0 ? <p className="empty">{t("liaisonLoad.empty")}</p> : null}

      {items.length > 0 ? (
        <div className="table-scroll card">
          <table className="table liaison-load">
            <caption className="visually-hidden">{t("liaisonLoad.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("liaisonLoad.column.officer")}</th>
                <th scope="col">{t("liaisonLoad.column.open")}</th>
                <th scope="col">{t("liaisonLoad.column.overdue")}</th>
                <th scope="col">{t("liaisonLoad.column.oldest")}</th>
                <th scope="col">{t("liaisonLoad.column.answered")}</th>
                <th scope="col">{t("liaisonLoad.column.answeredLate")}</th>
                <th scope="col">{t("liaisonLoad.column.average")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((row) => (
                <tr key={row.liaison.id} data-overdue={row.overdueCount > 0}>
                  <th scope="row">
                    <UserText>{row.liaison.fullName}</UserText>
                    {row.liaison.active ? null : <p className="muted">{t("liaisonLoad.inactive")}</p>}
                  </th>
                  <td data-column="open">{row.openCount}</td>
                  <td data-column="overdue">
                    {row.overdueCount > 0 ? (
                      <span className="overdue-badge">{row.overdueCount}</span>
                    ) : (
                      row.overdueCount
                    )}
                  </td>
                  <td>
                    {row.oldestOpenSince ? <DualDate value={row.oldestOpenSince} /> : t("beneficiaries.none")}
                  </td>
                  <td data-column="answered">{row.answeredCount}</td>
                  <td data-column="answeredLate">{row.answeredLateCount}</td>
                  <td data-column="average">
                    {row.averageAnswerWorkingDays === null
                      ? t("beneficiaries.none")
                      : t("liaisonLoad.averageDays", { days: row.averageAnswerWorkingDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
