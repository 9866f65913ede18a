import { type FormEvent, useId, useState } from "react";
import { parseIsoDate } from "../../../../shared/domain/index.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { type CompliancePeriod, useComplianceReport } from "../api/get-compliance-report.js";
import "./requests.css";

function validDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * «الالتزام بمهلة الرد» (H7): of the requests due in a period, how many were answered in time, late,
 * or not yet though their day has passed — the figure the association reports on its policy.
 */
export function ComplianceReportPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [period, setPeriod] = useState<CompliancePeriod>({});
  const report = useComplianceReport(period);
  const data = report.data;
  // Western digits for counts, as on the complaints dashboard: an Arabic-Indic zero is easy to miss.
  const number = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en");
  const percent = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
    style: "percent",
    maximumFractionDigits: 1,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: { from?: string; to?: string } = {};
    const f = from.trim();
    const tt = to.trim();
    if (f && !validDay(f)) next.from = t("compliance.dateInvalid");
    if (tt && !validDay(tt)) next.to = t("compliance.dateInvalid");
    if (!next.from && !next.to && f && tt && f > tt) next.to = t("compliance.toBeforeFrom");
    setErrors(next);
    if (next.from || next.to) return;
    setPeriod({ ...(f ? { from: f } : {}), ...(tt ? { to: tt } : {}) });
  }

  const rows = data
    ? ([
        ["answeredInTime", data.answeredInTime],
        ["answeredLate", data.answeredLate],
        ["overdue", data.overdue],
        ["pending", data.pending],
      ] as const)
    : [];

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("compliance.title")}
        </h1>
        <p className="page__lead">{t("compliance.intro")}</p>
      </header>

      <form className="inline-filters" noValidate onSubmit={apply} aria-label={t("compliance.period")}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-from`}>
            {t("compliance.from")}
          </label>
          <input
            id={`${ids}-from`}
            className="field__input"
            type="text"
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            placeholder={t("common.isoDatePlaceholder")}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? `${ids}-from-error` : undefined}
          />
          {errors.from ? (
            <p id={`${ids}-from-error`} className="field__error">
              {errors.from}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-to`}>
            {t("compliance.to")}
          </label>
          <input
            id={`${ids}-to`}
            className="field__input"
            type="text"
            inputMode="numeric"
            dir="ltr"
            autoComplete="off"
            placeholder={t("common.isoDatePlaceholder")}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? `${ids}-to-error` : undefined}
          />
          {errors.to ? (
            <p id={`${ids}-to-error`} className="field__error">
              {errors.to}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button button--primary">
          {t("compliance.apply")}
        </button>
      </form>

      {report.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {report.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(report.error)}
        </div>
      ) : null}

      {data ? (
        <>
          <p className="muted" aria-live="polite">
            {data.from || data.to
              ? t("compliance.showing", { from: data.from ?? "—", to: data.to ?? "—" })
              : t("compliance.showingAll")}
          </p>
          <div className="table-scroll">
            <table className="table compliance-table">
              <caption className="visually-hidden">{t("compliance.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compliance.column.figure")}</th>
                  <th scope="col">{t("compliance.column.count")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([key, value]) => (
                  <tr key={key} data-figure={key}>
                    <th scope="row">{t(`compliance.figure.${key}`)}</th>
                    <td>{number.format(value)}</td>
                  </tr>
                ))}
                <tr data-figure="shareInTime">
                  <th scope="row">{t("compliance.figure.shareInTime")}</th>
                  <td>
                    {data.shareInTime === null
                      ? t("compliance.nothingDue")
                      : percent.format(data.shareInTime)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <ExportButtons
            path="/api/reports/response-compliance/export"
            query={{ from: period.from, to: period.to }}
          />
        </>
      ) : null}
    </section>
  );
}
