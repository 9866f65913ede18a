import { Link, useParams } from "react-router";
import type { PortalRequestSummary } from "../../../shared/contracts/portal.js";
import { portalApi } from "../api.js";
import { dueDayText } from "../dates.js";
import { t } from "../messages.js";
import { PageHeading } from "../page-heading.js";
import { usePortalData, useSession } from "../session.js";
import { Failed, Loading } from "./query-state.js";

function RequestCard({ slug, item }: { slug: string; item: PortalRequestSummary }) {
  return (
    <li className="portal-card">
      <h2 className="portal-card-title">
        <Link
          to={`/p/${slug}/requests/${item.id}`}
          aria-label={t("requests.open", { reference: item.referenceNumber })}
        >
          <bdi>{item.serviceName}</bdi>
        </Link>
      </h2>
      <dl className="portal-facts">
        <div>
          <dt>{t("requests.col.reference")}</dt>
          <dd>
            <bdi dir="ltr">{item.referenceNumber}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("requests.col.for")}</dt>
          <dd>{item.forSelf ? t("requests.self") : <bdi>{item.forName}</bdi>}</dd>
        </div>
        <div>
          <dt>{t("requests.col.state")}</dt>
          <dd className={`portal-state portal-state-${item.state}`}>{item.stateAr}</dd>
        </div>
        {item.due && !item.decision && (
          <div>
            <dt>{t("requests.col.due")}</dt>
            <dd>{dueDayText(item.due.dueDate, item.due.dueHijri)}</dd>
          </div>
        )}
      </dl>
      {item.awaited.length > 0 && (
        <p className="portal-awaited">{t("requests.awaitedCount", { n: item.awaited.length })}</p>
      )}
    </li>
  );
}

/** «طلباتي»: the person's requests and their household's, each with where it is and what it waits for. */
export function RequestsPage() {
  const { slug = "" } = useParams();
  const { state } = useSession();
  const { result, retry } = usePortalData(() => portalApi.requests(), "requests");
  const me = state.status === "signed_in" ? state.me : null;
  const dependants = me?.household.filter((m) => m.hasOwnFile).map((m) => m.fullName) ?? [];
  return (
    <main id="main" className="portal-main">
      <PageHeading title={t("requests.title")} />
      {me && (
        <p>
          {t("requests.greeting", { name: me.person.fullName })}
          {dependants.length > 0 && <> {t("requests.household", { names: dependants.join("، ") })}</>}
        </p>
      )}
      {result.status === "loading" && <Loading />}
      {result.status === "failed" && <Failed error={result.error} retry={retry} />}
      {result.status === "done" &&
        (result.data.items.length === 0 ? (
          <p>{t("requests.empty")}</p>
        ) : (
          <ul className="portal-cards" aria-label={t("requests.caption")}>
            {result.data.items.map((item) => (
              <RequestCard key={item.id} slug={slug} item={item} />
            ))}
          </ul>
        ))}
    </main>
  );
}
