import { useId } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { useComplaintsDashboard } from "../api/get-complaints-dashboard.js";
import { categoryLabels } from "../labels.js";
import "./complaints.css";

const monthFormat = {
  ar: new Intl.DateTimeFormat("ar-SA-u-ca-gregory", { year: "numeric", month: "long", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", timeZone: "UTC" }),
};

/** «لوحة متابعة الشكاوى» (S3): what senior management follows — open, late, escalated, ageing, trends. */
export function ComplaintsDashboardPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const dashboard = useComplaintsDashboard();
  const data = dashboard.data;
  // Western digits for counts: an Arabic-Indic zero is a dot, too easy to miss on a dashboard.
  const number = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en");
  const month = (value: string) => {
    const date = new Date(`${value.slice(0, 7)}-01T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : monthFormat[locale].format(date);
  };
  // Buckets arrive as "0-2" … "15+"; said in words so the plus sign does not wander in Arabic.
  const ageLabel = (bucket: string) => {
    const [from = bucket, to] = bucket.replace("+", "").split("-");
    return to
      ? t("complaints.dashboard.days", { from: Number(from), to: Number(to) })
      : t("complaints.dashboard.daysOrMore", { from: Number(from) });
  };
  const widest = Math.max(1, ...(data?.ageing ?? []).map((bucket) => bucket.count));

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("complaints.dashboard.title")}
        </h1>
        <p className="page__lead">{t("complaints.dashboard.intro")}</p>
      </header>

      {dashboard.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {dashboard.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(dashboard.error)}
        </div>
      ) : null}

      {data ? (
        <>
          <div className="cards dashboard-counts">
            {(
              [
                ["open", data.open],
                ["overdue", data.overdue],
                ["escalated", data.escalated],
                ["openInquiries", data.openInquiries],
              ] as const
            ).map(([key, value]) => (
              <article key={key} className="card dashboard-count" data-count={key}>
                <h2 className="card__label">{t(`complaints.dashboard.${key}`)}</h2>
                <p className="dashboard-count__value">{number.format(value)}</p>
              </article>
            ))}
          </div>

          <section className="card" aria-labelledby={`${ids}-ageing`}>
            <h2 id={`${ids}-ageing`} className="card__title">
              {t("complaints.dashboard.ageing")}
            </h2>
            <p className="field__hint">{t("complaints.dashboard.ageingHint")}</p>
            <ul className="ageing-bars">
              {data.ageing.map((bucket) => (
                <li key={bucket.bucket} className="ageing-bar">
                  <span className="ageing-bar__label">{ageLabel(bucket.bucket)}</span>
                  <span className="ageing-bar__track" aria-hidden="true">
                    <span
                      className="ageing-bar__fill"
                      data-bucket={bucket.bucket}
                      data-empty={bucket.count === 0 ? "" : undefined}
                      style={{ inlineSize: `${(bucket.count / widest) * 100}%` }}
                    />
                  </span>
                  <span className="ageing-bar__count">{number.format(bucket.count)}</span>
                </li>
              ))}
            </ul>
          </section>

          <div className="dashboard-tables">
            <section className="card" aria-labelledby={`${ids}-category`}>
              <h2 id={`${ids}-category`} className="card__title">
                {t("complaints.dashboard.byCategory")}
              </h2>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("complaints.field.category")}</th>
                      <th scope="col">{t("complaints.dashboard.openColumn")}</th>
                      <th scope="col">{t("complaints.dashboard.totalColumn")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byCategory.map((row) => (
                      <tr key={row.category}>
                        <th scope="row">{t(categoryLabels[row.category])}</th>
                        <td>{number.format(row.open)}</td>
                        <td>{number.format(row.total)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section className="card" aria-labelledby={`${ids}-month`}>
              <h2 id={`${ids}-month`} className="card__title">
                {t("complaints.dashboard.byMonth")}
              </h2>
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("complaints.dashboard.month")}</th>
                      <th scope="col">{t("complaints.dashboard.received")}</th>
                      <th scope="col">{t("complaints.dashboard.closed")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byMonth.map((row) => (
                      <tr key={row.month}>
                        <th scope="row">{month(row.month)}</th>
                        <td>{number.format(row.received)}</td>
                        <td>{number.format(row.closed)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}
