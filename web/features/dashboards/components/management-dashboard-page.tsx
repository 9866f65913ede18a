import { useCallback, useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { type ContactChannel, channelNames } from "../../../../shared/contracts/channels.js";
import type { Dashboard, DashboardSection } from "../../../../shared/contracts/dashboards.js";
import { GREGORIAN_MONTHS, riyadhDate } from "../../../../shared/domain/index.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { type Choice, periodOf } from "../../../components/ui/period.js";
import { PeriodPicker } from "../../../components/ui/period-picker.js";
import { UserText } from "../../../components/ui/user-text.js";
import { type MessageKey, useI18n } from "../../../i18n/i18n.js";
import { outcomeLabels, statusLabels } from "../../complaints/labels.js";
import { themeLabel } from "../../surveys/labels.js";
import { useManagementDashboard } from "../api/get-management-dashboard.js";

import { Chart, type ChartSeries } from "./chart.js";
import "./dashboards.css";

const bucketKeys: Record<Dashboard["response"]["distribution"][number]["bucket"], MessageKey> = {
  "0-1": "dashboards.bucket.upToOne",
  "2-5": "dashboards.bucket.twoToFive",
  "6-10": "dashboards.bucket.sixToTen",
  "11-20": "dashboards.bucket.elevenToTwenty",
  "21+": "dashboards.bucket.moreThanTwenty",
};

type Row = { id: string; label: string; person?: boolean };

/** A chart and the table behind it (the same figures), with its export. */
function ChartCard({
  title,
  hint,
  section,
  period,
  kind,
  rows,
  series,
  head,
  format,
  tableOnly = [],
}: {
  title: string;
  hint?: string;
  section: DashboardSection;
  period: { from: string; to: string };
  kind: "bar" | "pie" | "line";
  rows: readonly Row[];
  series: readonly ChartSeries[];
  head: string;
  format: (value: number) => string;
  /** Columns the table adds to the chart's own (the answers a monthly mean is taken over). */
  tableOnly?: readonly ChartSeries[];
}) {
  const { t } = useI18n();
  const ids = useId();
  const [shown, setShown] = useState(false);
  const categories = useMemo(() => rows.map((r) => r.label), [rows]);
  const empty = series.every((s) => s.values.every((v) => v === 0 || v === null));
  const columns = [...series, ...tableOnly];
  return (
    <section className="card dashboard-card" aria-labelledby={`${ids}-title`} data-section={section}>
      <h2 id={`${ids}-title`} className="card__title">
        {title}
      </h2>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {empty ? (
        <p className="muted dashboard-card__empty">{t("dashboards.empty")}</p>
      ) : (
        <Chart kind={kind} categories={categories} series={series} label={title} format={format} />
      )}
      <div className="dashboard-card__actions">
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={shown}
          aria-controls={`${ids}-table`}
          onClick={() => setShown((value) => !value)}
        >
          {shown ? t("dashboards.hideTable") : t("dashboards.showTable")}
        </button>
        <ExportButtons path="/api/dashboards/management/export" query={{ section, ...period }} />
      </div>
      <div
        id={`${ids}-table`}
        className={shown ? "table-scroll" : "table-scroll dashboard-card__table--hidden"}
      >
        <table className="table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              {columns.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.id}>
                <th scope="row">{row.person ? <UserText>{row.label}</UserText> : row.label}</th>
                {columns.map((s) => {
                  const value = s.values[i];
                  return <td key={s.name}>{value === null ? "—" : format(value ?? 0)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** «لوحة المؤشرات» (S3, G7): what senior management reads at a glance, for a month or a year of either calendar. */
export function ManagementDashboardPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const today = riyadhDate(new Date());
  const [choice, setChoice] = useState<Choice>({ calendar: "gregorian", year: today.year, month: 0 });
  const period = periodOf(choice);
  const dashboard = useManagementDashboard(period);
  const data = dashboard.data;
  // Western digits, as on the other dashboards: an Arabic-Indic zero is a dot, too easy to miss.
  const numberFormat = useMemo(
    () => new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en"),
    [locale],
  );
  const format = useCallback((value: number) => numberFormat.format(value), [numberFormat]);
  const percent = new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", {
    style: "percent",
    maximumFractionDigits: 1,
  });
  const decimalFormat = useMemo(
    () => new Intl.NumberFormat(locale === "ar" ? "ar-SA-u-nu-latn" : "en", { maximumFractionDigits: 1 }),
    [locale],
  );
  const decimal = useCallback((value: number) => decimalFormat.format(value), [decimalFormat]);

  const channel = (key: string) => channelNames[key as ContactChannel]?.[locale] ?? key;
  const monthName = (key: string) => {
    const [y, m] = key.split("-").map(Number);
    return `${GREGORIAN_MONTHS[(m ?? 1) - 1]?.[locale] ?? key} ${y}`;
  };
  const count = t("dashboards.count");

  // biome-ignore lint/correctness/useExhaustiveDependencies: the labels follow the data and the language only
  const view = useMemo(() => {
    if (!data) return null;
    const counted = (
      rows: Dashboard["requests"]["byStatus"],
      name: (r: (typeof rows)[number]) => string,
    ) => ({
      rows: rows.map((r) => ({ id: r.key, label: name(r) })),
      series: [{ name: count, values: rows.map((r) => r.count) }],
    });
    return {
      byStatus: counted(data.requests.byStatus, (r) => t(`requests.state.${r.key}` as MessageKey)),
      byChannel: counted(data.requests.byChannel, (r) => channel(r.key)),
      byService: {
        rows: data.requests.byService.map((r) => ({ id: r.key, label: r.label ?? r.key, person: true })),
        series: [{ name: count, values: data.requests.byService.map((r) => r.count) }],
      },
      byCategory: counted(data.requests.byCategory, (r) => t(`services.kind.${r.key}` as MessageKey)),
      distribution: {
        rows: data.response.distribution.map((b) => ({ id: b.bucket, label: t(bucketKeys[b.bucket]) })),
        series: [
          { name: t("dashboards.decidedRequests"), values: data.response.distribution.map((b) => b.count) },
        ],
      },
      compliance: {
        rows: (["decidedInTime", "decidedLate", "overdue", "pending"] as const).map((k) => ({
          id: k,
          label: t(`dashboards.compliance.${k}`),
        })),
        series: [
          {
            name: count,
            values: [
              data.response.decidedInTime,
              data.response.decidedLate,
              data.response.overdue,
              data.response.pending,
            ],
          },
        ],
      },
      owners: {
        rows: data.owners.map((o) => ({
          id: o.owner?.id ?? "unassigned",
          label: o.owner?.fullName ?? t("dashboards.owners.unassigned"),
          person: Boolean(o.owner),
        })),
        series: [
          { name: t("dashboards.owners.openRequests"), values: data.owners.map((o) => o.openRequests) },
          {
            name: t("dashboards.owners.breachedRequests"),
            values: data.owners.map((o) => o.breachedRequests),
          },
          { name: t("dashboards.owners.openComplaints"), values: data.owners.map((o) => o.openComplaints) },
          {
            name: t("dashboards.owners.breachedComplaints"),
            values: data.owners.map((o) => o.breachedComplaints),
          },
        ],
      },
      complaintsByStatus: counted(data.complaints.byStatus, (r) =>
        t(statusLabels[r.key as keyof typeof statusLabels] ?? "dashboards.unknown"),
      ),
      complaintsByOutcome: counted(data.complaints.byOutcome, (r) =>
        t(outcomeLabels[r.key as keyof typeof outcomeLabels] ?? "dashboards.unknown"),
      ),
      inquiriesByMonth: counted(data.inquiries.byMonth, (r) => monthName(r.key)),
      inquiriesByChannel: counted(data.inquiries.byChannel, (r) => channel(r.key)),
      satisfactionByMonth: {
        rows: data.satisfaction.byMonth.map((m) => ({ id: m.month, label: monthName(m.month) })),
        csat: [
          { name: t("dashboards.satisfaction.csat"), values: data.satisfaction.byMonth.map((m) => m.csat) },
        ],
        nps: [
          { name: t("dashboards.satisfaction.nps"), values: data.satisfaction.byMonth.map((m) => m.nps) },
        ],
        answers: [
          {
            name: t("dashboards.satisfaction.answers"),
            values: data.satisfaction.byMonth.map((m) => m.answers),
          },
        ],
      },
      satisfactionThemes: {
        rows: data.satisfaction.themes.map((r) => ({ id: r.theme, label: t(themeLabel(r.theme)) })),
        series: [{ name: count, values: data.satisfaction.themes.map((r) => r.count) }],
      },
      liaison: {
        rows: data.liaison.items.map((i) => ({ id: i.liaison.id, label: i.liaison.fullName, person: true })),
        series: [
          { name: t("dashboards.liaison.open"), values: data.liaison.items.map((i) => i.openCount) },
          { name: t("dashboards.liaison.overdue"), values: data.liaison.items.map((i) => i.overdueCount) },
          { name: t("dashboards.liaison.answered"), values: data.liaison.items.map((i) => i.answeredCount) },
        ],
      },
    };
  }, [data, locale]);

  return (
    <section className="page management-dashboard" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("dashboards.title")}
        </h1>
        <p className="page__lead">{t("dashboards.intro")}</p>
      </header>

      <PeriodPicker
        label={t("dashboards.period")}
        value={choice}
        onChange={(next) => next.calendar !== "range" && setChoice(next)}
      />
      <p className="field__hint">{t("dashboards.noBranches")}</p>

      {dashboard.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {dashboard.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(dashboard.error)}
        </div>
      ) : null}

      {data && view ? (
        <>
          <div className="cards dashboard-counts">
            <article className="card dashboard-count">
              <h2 className="card__label">{t("dashboards.total.requests")}</h2>
              <p className="dashboard-count__value">{format(data.requests.total)}</p>
            </article>
            <article className="card dashboard-count">
              <h2 className="card__label">{t("dashboards.total.shareInTime")}</h2>
              <p className="dashboard-count__value">
                {data.response.shareInTime === null ? "—" : percent.format(data.response.shareInTime)}
              </p>
            </article>
            <article className="card dashboard-count">
              <h2 className="card__label">{t("dashboards.total.complaints")}</h2>
              <p className="dashboard-count__value">{format(data.complaints.total)}</p>
            </article>
            <article className="card dashboard-count">
              <h2 className="card__label">{t("dashboards.total.inquiries")}</h2>
              <p className="dashboard-count__value">{format(data.inquiries.total)}</p>
            </article>
          </div>

          <h2 className="dashboard-group">{t("dashboards.group.requests")}</h2>
          <div className="dashboard-grid">
            <ChartCard
              title={t("dashboards.requestsByStatus")}
              section="requests_by_status"
              period={period}
              kind="bar"
              head={t("dashboards.head.status")}
              format={format}
              {...view.byStatus}
            />
            <ChartCard
              title={t("dashboards.requestsByChannel")}
              section="requests_by_channel"
              period={period}
              kind="pie"
              head={t("dashboards.head.channel")}
              format={format}
              {...view.byChannel}
            />
            <ChartCard
              title={t("dashboards.requestsByService")}
              section="requests_by_service"
              period={period}
              kind="bar"
              head={t("dashboards.head.service")}
              format={format}
              {...view.byService}
            />
            <ChartCard
              title={t("dashboards.requestsByCategory")}
              section="requests_by_category"
              period={period}
              kind="pie"
              head={t("dashboards.head.category")}
              format={format}
              {...view.byCategory}
            />
            <ChartCard
              title={t("dashboards.compliance")}
              hint={t("dashboards.complianceHint")}
              section="response_compliance"
              period={period}
              kind="pie"
              head={t("dashboards.head.judgement")}
              format={format}
              {...view.compliance}
            />
            <ChartCard
              title={t("dashboards.distribution")}
              hint={t("dashboards.distributionHint")}
              section="response_times"
              period={period}
              kind="bar"
              head={t("dashboards.head.duration")}
              format={format}
              {...view.distribution}
            />
          </div>

          <h2 className="dashboard-group">{t("dashboards.group.owners")}</h2>
          <ChartCard
            title={t("dashboards.owners")}
            hint={t("dashboards.ownersHint")}
            section="owners"
            period={period}
            kind="bar"
            head={t("dashboards.head.owner")}
            format={format}
            {...view.owners}
          />

          <h2 className="dashboard-group">{t("dashboards.group.complaints")}</h2>
          <div className="dashboard-grid">
            <ChartCard
              title={t("dashboards.complaintsByStatus")}
              section="complaints_by_status"
              period={period}
              kind="bar"
              head={t("dashboards.head.status")}
              format={format}
              {...view.complaintsByStatus}
            />
            <ChartCard
              title={t("dashboards.complaintsByOutcome")}
              section="complaints_by_outcome"
              period={period}
              kind="pie"
              head={t("dashboards.head.outcome")}
              format={format}
              {...view.complaintsByOutcome}
            />
          </div>

          <h2 className="dashboard-group">{t("dashboards.group.inquiries")}</h2>
          <div className="dashboard-grid">
            <ChartCard
              title={t("dashboards.inquiriesByMonth")}
              section="inquiries_by_month"
              period={period}
              kind="line"
              head={t("dashboards.head.month")}
              format={format}
              {...view.inquiriesByMonth}
            />
            <ChartCard
              title={t("dashboards.inquiriesByChannel")}
              section="inquiries_by_channel"
              period={period}
              kind="bar"
              head={t("dashboards.head.channel")}
              format={format}
              {...view.inquiriesByChannel}
            />
          </div>
          <ChartCard
            title={t("dashboards.liaison")}
            hint={t("dashboards.liaisonHint")}
            section="liaison_load"
            period={period}
            kind="bar"
            head={t("dashboards.head.liaison")}
            format={format}
            {...view.liaison}
          />

          <h2 className="dashboard-group">{t("dashboards.group.satisfaction")}</h2>
          <p className="field__hint">{t("dashboards.satisfaction.hint")}</p>
          <div className="cards dashboard-counts" data-section="satisfaction">
            <article className="card dashboard-count">
              <h3 className="card__label">{t("dashboards.satisfaction.answers")}</h3>
              <p className="dashboard-count__value">{format(data.satisfaction.answers)}</p>
            </article>
            <article className="card dashboard-count">
              <h3 className="card__label">{t("dashboards.satisfaction.rate")}</h3>
              <p className="dashboard-count__value">
                {data.satisfaction.invited > 0
                  ? percent.format(Math.min(1, data.satisfaction.answers / data.satisfaction.invited))
                  : "—"}
              </p>
            </article>
            <article className="card dashboard-count">
              <h3 className="card__label">{t("dashboards.satisfaction.csat")}</h3>
              <p className="dashboard-count__value">
                {data.satisfaction.csat === null ? "—" : decimal(data.satisfaction.csat)}
              </p>
            </article>
            <article className="card dashboard-count">
              <h3 className="card__label">{t("dashboards.satisfaction.nps")}</h3>
              <p className="dashboard-count__value">
                {data.satisfaction.nps === null ? "—" : decimal(data.satisfaction.nps)}
              </p>
            </article>
            <article className="card dashboard-count">
              <h3 className="card__label">{t("dashboards.satisfaction.staffCsat")}</h3>
              {data.satisfaction.staffCsat === null ? (
                <p className="withheld">{t("dashboards.satisfaction.staffWithheld")}</p>
              ) : (
                <p className="dashboard-count__value">{decimal(data.satisfaction.staffCsat)}</p>
              )}
            </article>
          </div>
          <div className="dashboard-grid">
            <ChartCard
              title={t("dashboards.satisfaction.csatByMonth")}
              hint={t("dashboards.satisfaction.csatHint")}
              section="satisfaction_by_month"
              period={period}
              kind="line"
              head={t("dashboards.head.month")}
              format={decimal}
              rows={view.satisfactionByMonth.rows}
              series={view.satisfactionByMonth.csat}
              tableOnly={view.satisfactionByMonth.answers}
            />
            <ChartCard
              title={t("dashboards.satisfaction.npsByMonth")}
              hint={t("dashboards.satisfaction.npsHint")}
              section="satisfaction_by_month"
              period={period}
              kind="bar"
              head={t("dashboards.head.month")}
              format={decimal}
              rows={view.satisfactionByMonth.rows}
              series={view.satisfactionByMonth.nps}
              tableOnly={view.satisfactionByMonth.answers}
            />
            <ChartCard
              title={t("dashboards.satisfaction.themes")}
              hint={t("dashboards.satisfaction.themesHint")}
              section="satisfaction_themes"
              period={period}
              kind="bar"
              head={t("dashboards.head.theme")}
              format={format}
              {...view.satisfactionThemes}
            />
          </div>

          <h2 className="dashboard-group">{t("dashboards.group.field")}</h2>
          <div className="dashboard-grid">
            <section className="card dashboard-card" aria-labelledby={`${ids}-field`} data-section="field">
              <h2 id={`${ids}-field`} className="card__title">
                {t("dashboards.fieldActions")}
              </h2>
              <p>
                {t("dashboards.field.open", { count: data.fieldActions.openActions })} —{" "}
                {t("dashboards.field.overdue", { count: data.fieldActions.overdueActions })}
              </p>
              {data.fieldActions.visitsByMonth.length > 0 ? (
                <table className="table">
                  <caption>{t("dashboards.field.visits")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("dashboards.field.month")}</th>
                      <th scope="col">{t("dashboards.field.count")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.fieldActions.visitsByMonth.map((row) => (
                      <tr key={row.month}>
                        <td>
                          <bdi dir="ltr">{row.month}</bdi>
                        </td>
                        <td>{row.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="muted">{t("dashboards.field.noVisits")}</p>
              )}
              <Link to="/field">{t("dashboards.field.link")}</Link>
            </section>
          </div>
        </>
      ) : null}
    </section>
  );
}

export default ManagementDashboardPage;
