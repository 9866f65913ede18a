import { type FormEvent, useId, useState } from "react";
import { DateField, readDateField } from "../../../components/ui/date-field.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { type CompliancePeriod, useComplianceReport } from "../api/get-compliance-report.js";
import "./requests.css";

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
    // Typed in either calendar and either digits, as every date in the app (ADR 0018).
    const f = readDateField(from, t("compliance.from"));
    const tt = readDateField(to, t("compliance.to"));
    if (f && !f.ok) next.from = f.message[locale];
    if (tt && !tt.ok) next.to = tt.message[locale];
    if (!next.from && !next.to && f?.ok && tt?.ok && f.iso > tt.iso) next.to = t("compliance.toBeforeFrom");
    setErrors(next);
    if (next.from || next.to) return;
    setPeriod({ ...(f?.ok ? { from: f.iso } : {}), ...(tt?.ok ? { to: tt.iso } : {}) });
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
        <DateField
          id={`${ids}-from`}
          label={t("compliance.from")}
          value={from}
          onChange={(text) => setFrom(text)}
          error={errors.from}
        />
        <DateField
          id={`${ids}-to`}
          label={t("compliance.to")}
          value={to}
          onChange={(text) => setTo(text)}
          error={errors.to}
        />
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
