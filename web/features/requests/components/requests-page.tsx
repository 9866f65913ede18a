import { useId, useState } from "react";
import { Link } from "react-router";
import { type RequestState, requestStates } from "../../../../shared/contracts/requests.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useRequests } from "../api/list-requests.js";
import { stateLabels } from "../labels.js";
import { DueDate } from "./due-date.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

/** «طلبات الدعم»: every request with its state and the time left to answer it. */
export function RequestsPage({ canOpen }: { canOpen: boolean }) {
  const { t } = useI18n();
  const ids = useId();
  const [state, setState] = useState<RequestState | "">("");
  const [mine, setMine] = useState(false);
  const requests = useRequests({ ...(state ? { state } : {}), mine });
  const items = requests.data?.items ?? [];

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header page__header--with-action">
        <div>
          <h1 id={`${ids}-title`} className="page__title">
            {t("requests.title")}
          </h1>
          <p className="page__lead">{t("requests.lead")}</p>
        </div>
        {canOpen ? (
          <Link className="button button--primary" to="/requests/new">
            {t("requests.open.title")}
          </Link>
        ) : null}
      </header>

      <div className="inline-filters">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-state`}>
            {t("requests.filter.state")}
          </label>
          <select
            id={`${ids}-state`}
            className="field__input"
            value={state}
            onChange={(event) => setState(event.target.value as RequestState | "")}
          >
            <option value="">{t("requests.filter.all")}</option>
            {requestStates.map((value) => (
              <option key={value} value={value}>
                {t(stateLabels[value])}
              </option>
            ))}
          </select>
        </div>
        <label className="choice">
          <input type="checkbox" checked={mine} onChange={(event) => setMine(event.target.checked)} />
          {t("requests.filter.mine")}
        </label>
      </div>
      <ExportButtons
        path="/api/requests/export"
        query={{ state: state || undefined, mine: mine ? "true" : undefined }}
      />

      <Refusal error={requests.error} />
      {requests.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {!requests.isPending && items.length === 0 ? <p className="empty">{t("requests.empty")}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label={t("requests.title")}>
            <thead>
              <tr>
                <th scope="col">{t("requests.column.reference")}</th>
                <th scope="col">{t("requests.column.beneficiary")}</th>
                <th scope="col">{t("requests.column.service")}</th>
                <th scope="col">{t("requests.column.state")}</th>
                <th scope="col">{t("requests.column.opened")}</th>
                <th scope="col">{t("requests.column.due")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr key={request.id}>
                  <td>
                    <Link to={`/requests/${request.id}`}>
                      <bdi dir="ltr">{request.referenceNumber}</bdi>
                    </Link>
                  </td>
                  <td>
                    <UserText>{request.beneficiary.fullName}</UserText>
                  </td>
                  <td>
                    <UserText>{request.service.nameAr}</UserText>
                  </td>
                  <td>
                    <span className="state-chip" data-state={request.state}>
                      {t(stateLabels[request.state])}
                    </span>
                  </td>
                  <td>
                    <DualDate value={request.openedAt} />
                  </td>
                  <td>
                    <DueDate due={request.due} />
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
