import { useId } from "react";
import { Link } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { useRequests } from "../api/list-requests.js";
import { stateLabels } from "../labels.js";
import { DueDate } from "./due-date.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

/** The person's support requests on their file, with «فتح طلب» for the front line. */
export function BeneficiaryRequests({ beneficiaryId, canOpen }: { beneficiaryId: string; canOpen: boolean }) {
  const { t } = useI18n();
  const ids = useId();
  const requests = useRequests({ beneficiaryId });
  const items = requests.data?.items ?? [];
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.title")}
      </h2>
      {items.length === 0 && !requests.isPending ? <p className="muted">{t("requests.empty")}</p> : null}
      <ul className="plain-list">
        {items.map((request) => (
          <li key={request.id}>
            <Link to={`/requests/${request.id}`}>
              <UserText>{request.service.nameAr}</UserText>
            </Link>{" "}
            <span className="state-chip" data-state={request.state}>
              {t(stateLabels[request.state])}
            </span>{" "}
            <DueDate due={request.due} />
          </li>
        ))}
      </ul>
      {canOpen ? (
        <Link className="button button--secondary" to={`/requests/new?beneficiaryId=${beneficiaryId}`}>
          {t("requests.open.title")}
        </Link>
      ) : null}
    </section>
  );
}
