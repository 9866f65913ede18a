import { useId } from "react";
import { useParams } from "react-router";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useComplaintTracking } from "../api/track-complaint.js";
import { outcomeLabels, statusLabels, stepLabel } from "../labels.js";
import "./complaints.css";

/** «متابعة الشكوى»: what the tracking link shows — the status and its steps, nothing about anyone. */
export function ComplaintTrackingPage() {
  const { token = "" } = useParams();
  const { t, errorText } = useI18n();
  const ids = useId();
  const tracking = useComplaintTracking(token);
  const complaint = tracking.data;
  // Investigation notes are the committee's own; the server leaves them out, and so does the page.
  const steps = (complaint?.steps ?? []).filter((step) => step.kind !== "note");

  return (
    <main className="public-page" id="content">
      <header className="public-page__brand">
        <span className="brand-mark" aria-hidden="true">
          ص
        </span>
        <div className="public-page__names">
          <span className="public-page__product">{t("app.name")}</span>
          <span className="muted">{t("complaints.public.brandLine")}</span>
        </div>
      </header>

      <section className="public-card tracking" aria-labelledby={`${ids}-title`}>
        <h1 id={`${ids}-title`} className="page__title">
          {t("complaints.tracking.title")}
        </h1>
        {tracking.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {tracking.isError ? (
          <div role="alert" className="alert alert--error">
            {isApiError(tracking.error) && tracking.error.status === 404
              ? t("complaints.tracking.notFound")
              : errorText(tracking.error)}
          </div>
        ) : null}
        {complaint ? (
          <>
            <div className="receipt__reference">
              <span className="receipt__label">{t("complaints.receipt.reference")}</span>
              <bdi dir="ltr" className="receipt__number reference-number">
                {complaint.referenceNumber}
              </bdi>
            </div>

            <dl className="facts tracking__facts">
              <div className="facts__item">
                <dt>{t("complaints.tracking.status")}</dt>
                <dd>
                  <span className="status-badge" data-status={complaint.status}>
                    {t(statusLabels[complaint.status])}
                  </span>
                </dd>
              </div>
              {complaint.outcome ? (
                <div className="facts__item">
                  <dt>{t("complaints.tracking.outcome")}</dt>
                  <dd className="tracking__outcome">{t(outcomeLabels[complaint.outcome])}</dd>
                </div>
              ) : null}
              <div className="facts__item">
                <dt>{t("complaints.tracking.receivedAt")}</dt>
                <dd>
                  <DualDate value={complaint.receivedAt} />
                </dd>
              </div>
              {complaint.status !== "closed" ? (
                <div className="facts__item">
                  <dt>{t("complaints.receipt.due")}</dt>
                  <dd>
                    <CalendarDate value={complaint.dueDate} />
                  </dd>
                </div>
              ) : null}
            </dl>

            <h2 className="card__title">{t("complaints.tracking.steps")}</h2>
            <ol className="timeline tracking__steps" aria-label={t("complaints.tracking.steps")}>
              {steps.map((step) => {
                const label = stepLabel(step.kind);
                return (
                  <li
                    key={`${step.at}-${step.kind}`}
                    className="timeline__item"
                    data-kind={step.kind.split(":")[0]}
                  >
                    <span className="timeline__title">
                      {t(label.step)}
                      {label.outcome ? ` — ${t(label.outcome)}` : null}
                    </span>
                    <span className="timeline__meta">
                      <DualDate value={step.at} withTime />
                    </span>
                  </li>
                );
              })}
            </ol>
            <p className="field__hint">{t("complaints.tracking.privacy")}</p>
          </>
        ) : null}
      </section>
    </main>
  );
}
