import { useId, useState } from "react";
import { Link } from "react-router";
import type { ComplaintView } from "../../../../shared/contracts/complaints.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { type ComplaintsFilter, useComplaints } from "../api/list-complaints.js";
import { categoryLabels, outcomeLabels, statusLabels } from "../labels.js";
import "./complaints.css";
import { UserText } from "../../../components/ui/user-text.js";

/** «الشكاوى»: the association's complaints, most urgent first, with what is late marked. */
export function ComplaintsPage({ canRecord }: { canRecord: boolean }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const [filter, setFilter] = useState<ComplaintsFilter>({ status: "open", assignedToMe: false });
  const complaints = useComplaints(filter);

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header page__header--with-action">
        <div className="page__header">
          <h1 id={`${ids}-title`} className="page__title">
            {t("complaints.list.title")}
          </h1>
          <p className="page__lead">{t("complaints.list.intro")}</p>
        </div>
        {canRecord ? (
          <Link className="button button--primary" to="/complaints/new">
            {t("complaints.record.title")}
          </Link>
        ) : null}
      </header>

      <div className="complaints-filter">
        <div className="field field--inline">
          <label className="field__label" htmlFor={`${ids}-status`}>
            {t("complaints.list.show")}
          </label>
          <select
            id={`${ids}-status`}
            className="field__input"
            value={filter.status}
            onChange={(event) =>
              setFilter({ ...filter, status: event.target.value as ComplaintsFilter["status"] })
            }
          >
            <option value="open">{t("complaints.list.open")}</option>
            <option value="closed">{t("complaints.list.closed")}</option>
            <option value="all">{t("complaints.list.all")}</option>
          </select>
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={filter.assignedToMe}
            onChange={(event) => setFilter({ ...filter, assignedToMe: event.target.checked })}
          />
          {t("complaints.list.mine")}
        </label>
      </div>
      <ExportButtons
        path="/api/complaints/export"
        query={{ status: filter.status, assignedToMe: filter.assignedToMe ? "true" : undefined }}
      />

      {complaints.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {complaints.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(complaints.error)}{" "}
          <button type="button" className="button button--link" onClick={() => complaints.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      ) : null}
      {complaints.isSuccess && complaints.data.items.length === 0 ? (
        <p className="empty">{t("complaints.list.empty")}</p>
      ) : null}
      {complaints.isSuccess && complaints.data.items.length > 0 ? (
        <ul className="complaint-list" aria-label={t("complaints.list.title")}>
          {complaints.data.items.map((complaint) => (
            <ComplaintRow key={complaint.id} complaint={complaint} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ComplaintBadges({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  return (
    <span className="complaint-badges">
      <span className="status-badge" data-status={complaint.status}>
        {complaint.outcome ? t(outcomeLabels[complaint.outcome]) : t(statusLabels[complaint.status])}
      </span>
      {complaint.overdue && complaint.status !== "closed" ? (
        <span className="status-badge status-badge--late">{t("complaints.badge.overdue")}</span>
      ) : null}
      {complaint.escalatedAt && complaint.status !== "closed" ? (
        <span className="status-badge status-badge--escalated">{t("complaints.badge.escalated")}</span>
      ) : null}
    </span>
  );
}

function ComplaintRow({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  return (
    <li className="complaint-row" data-reference={complaint.referenceNumber}>
      <div className="complaint-row__head">
        <Link to={`/complaints/${complaint.id}`} className="complaint-row__subject">
          <UserText>{complaint.subject}</UserText>
        </Link>
        <ComplaintBadges complaint={complaint} />
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t("complaints.field.reference")}</dt>
          <dd>
            <bdi dir="ltr" className="reference-number">
              {complaint.referenceNumber}
            </bdi>
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("complaints.field.category")}</dt>
          <dd>{t(categoryLabels[complaint.category])}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("complaints.field.assignedTo")}</dt>
          <dd>{complaint.assignedTo?.fullName ?? t("complaints.field.unassigned")}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("complaints.field.due")}</dt>
          <dd>
            <CalendarDate value={complaint.dueDate} />
          </dd>
        </div>
      </dl>
    </li>
  );
}
