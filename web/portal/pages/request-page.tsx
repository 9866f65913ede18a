import { Link, useParams } from "react-router";
import { portalApi } from "../api.js";
import { amountText, dueDayText, momentText } from "../dates.js";
import { t } from "../messages.js";
import { PageHeading } from "../page-heading.js";
import { usePortalData } from "../session.js";
import { Failed, Loading } from "./query-state.js";

/** One request: where it is, what it waits for from the person, the due date, the committee's decision. */
export function RequestPage() {
  const { slug = "", requestId = "" } = useParams();
  const { result, retry } = usePortalData(() => portalApi.request(requestId), `request:${requestId}`);
  const back = (
    <p>
      <Link to={`/p/${slug}`}>{t("request.back")}</Link>
    </p>
  );
  if (result.status === "loading")
    return (
      <main id="main" className="portal-main">
        <Loading />
      </main>
    );
  if (result.status === "failed")
    return (
      <main id="main" className="portal-main">
        {result.error.status === 404 ? (
          <>
            <PageHeading title={t("portal.notFound.title")} />
            <p>{t("request.notFound")}</p>
          </>
        ) : (
          <Failed error={result.error} retry={retry} />
        )}
        {back}
      </main>
    );
  const request = result.data;
  return (
    <main id="main" className="portal-main">
      <PageHeading title={t("request.title", { reference: request.referenceNumber })}>
        {t("request.title", { reference: "" })}
        <bdi dir="ltr">{request.referenceNumber}</bdi>
      </PageHeading>
      <dl className="portal-facts">
        <div>
          <dt>{t("request.service")}</dt>
          <dd>
            <bdi>{request.serviceName}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("request.for")}</dt>
          <dd>{request.forSelf ? t("requests.self") : <bdi>{request.forName}</bdi>}</dd>
        </div>
        <div>
          <dt>{t("request.state")}</dt>
          <dd className={`portal-state portal-state-${request.state}`}>{request.stateAr}</dd>
        </div>
        <div>
          <dt>{t("request.openedAt")}</dt>
          <dd>{momentText(request.openedAt)}</dd>
        </div>
        {request.due && !request.decision && (
          <div>
            <dt>{t("request.due")}</dt>
            <dd>
              {dueDayText(request.due.dueDate, request.due.dueHijri)}
              {request.due.workingDaysLeft >= 0 && (
                <span className="portal-hint">
                  {" "}
                  — {t("request.dueLeft", { n: request.due.workingDaysLeft })}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>

      {request.decision && (
        <section aria-labelledby="decision-heading" className="portal-section">
          <h2 id="decision-heading">{t("request.decision")}</h2>
          <dl className="portal-facts">
            <div>
              <dt>{t("request.decisionOutcome")}</dt>
              <dd>{request.decision.outcomeAr}</dd>
            </div>
            <div>
              <dt>{t("request.decisionReasons")}</dt>
              <dd>
                <bdi>{request.decision.reasons}</bdi>
              </dd>
            </div>
            {request.decision.approvedAmount !== null && (
              <div>
                <dt>{t("request.decisionAmount")}</dt>
                <dd>{amountText(request.decision.approvedAmount)}</dd>
              </div>
            )}
            <div>
              <dt>{t("request.decidedAt")}</dt>
              <dd>{momentText(request.decision.decidedAt)}</dd>
            </div>
          </dl>
        </section>
      )}

      {request.cancellation && (
        <section aria-labelledby="cancel-heading" className="portal-section">
          <h2 id="cancel-heading">{t("request.cancelled")}</h2>
          <p>
            {t("request.cancelReason")}: <bdi>{request.cancellation.reason}</bdi>
          </p>
        </section>
      )}

      <section aria-labelledby="awaited-heading" className="portal-section">
        <h2 id="awaited-heading">{t("request.awaited")}</h2>
        {request.awaited.length === 0 ? (
          <p>{t("request.nothingAwaited")}</p>
        ) : (
          <ul className="portal-awaited-list">
            {request.awaited.map((item) => (
              <li key={item.label}>
                <strong>
                  <bdi>{item.label}</bdi>
                </strong>
                {item.detail && (
                  <>
                    {" — "}
                    <bdi>{item.detail}</bdi>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {request.requirements.length > 0 && (
        <section aria-labelledby="requirements-heading" className="portal-section">
          <h2 id="requirements-heading">{t("request.requirements")}</h2>
          <table className="portal-table">
            <caption>{t("request.requirementsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("request.col.requirement")}</th>
                <th scope="col">{t("request.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {request.requirements.map((item) => (
                <tr key={item.label}>
                  <th scope="row">
                    <bdi>{item.label}</bdi>
                  </th>
                  <td>{item.present ? t("request.present") : t("request.missing")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {back}
    </main>
  );
}
