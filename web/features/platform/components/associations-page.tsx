import { useId } from "react";
import { Link } from "react-router";
import type { PlatformAssociation } from "../../../../shared/contracts/platform.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { usePlatformAssociations } from "../api/list-associations.js";
import { useSetAssociationSuspended } from "../api/suspend-association.js";
import "./platform.css";

/** «الجمعيات»: the platform operator's associations, their state and how much each uses. */
export function AssociationsPage() {
  const { t } = useI18n();
  const ids = useId();
  const associations = usePlatformAssociations();

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("platform.title")}
        </h1>
        <p className="page__lead">{t("platform.intro")}</p>
        <p>
          <Link className="button button--primary" to="/platform/associations/new">
            {t("platform.open.link")}
          </Link>
        </p>
      </header>

      {associations.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {associations.isError ? (
        <div role="alert" className="alert alert--error">
          {t("platform.loadFailed")}
        </div>
      ) : null}
      {associations.isSuccess && associations.data.items.length === 0 ? (
        <p className="muted">{t("platform.empty")}</p>
      ) : null}
      {associations.isSuccess && associations.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t("platform.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("platform.column.name")}</th>
                <th scope="col">{t("platform.column.slug")}</th>
                <th scope="col">{t("platform.column.region")}</th>
                <th scope="col">{t("platform.column.state")}</th>
                <th scope="col">{t("platform.column.staff")}</th>
                <th scope="col">{t("platform.column.beneficiaries")}</th>
                <th scope="col">{t("platform.column.requestsThisMonth")}</th>
                <th scope="col">{t("platform.column.storage")}</th>
                <th scope="col">{t("platform.column.lastActivity")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("platform.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {associations.data.items.map((association) => (
                <AssociationRow key={association.id} association={association} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function AssociationRow({ association }: { association: PlatformAssociation }) {
  const { t, errorText } = useI18n();
  const change = useSetAssociationSuspended();
  const suspended = association.status === "suspended";
  const { usage } = association;
  const megabytes = Math.round((usage.storageBytes / (1024 * 1024)) * 10) / 10;

  function apply(suspend: boolean) {
    change.mutate({ associationId: association.id, suspend });
  }

  return (
    <tr data-testid="association-row">
      <th scope="row">
        <bdi>{association.nameAr}</bdi>
      </th>
      <td>
        <bdi dir="ltr">{association.slug}</bdi>
      </td>
      <td>{association.region ? <bdi>{association.region}</bdi> : "—"}</td>
      <td>
        <span className={suspended ? "state-chip state-chip--off" : "state-chip"}>
          {suspended ? t("platform.state.suspended") : t("platform.state.active")}
        </span>
      </td>
      <td>{t("platform.count", { count: usage.staff })}</td>
      <td>{t("platform.count", { count: usage.beneficiaries })}</td>
      <td>{t("platform.count", { count: usage.requestsThisMonth })}</td>
      <td>{t("platform.storage", { megabytes })}</td>
      <td>
        {usage.lastActivityAt ? <DualDate value={usage.lastActivityAt} withTime /> : t("platform.noActivity")}
      </td>
      <td>
        {suspended ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={change.isPending}
            onClick={() => apply(false)}
          >
            {t("platform.reactivate")}
            <NameForReader name={association.nameAr} />
          </button>
        ) : (
          <ConfirmButton
            title={t("platform.suspend")}
            message={
              <>
                <p>
                  <UserText>{association.nameAr}</UserText>
                </p>
                <p>{t("platform.suspend.hint")}</p>
              </>
            }
            confirmLabel={t("platform.suspend.confirm")}
            disabled={change.isPending}
            onConfirm={() => apply(true)}
          >
            {t("platform.suspend")}
            <NameForReader name={association.nameAr} />
          </ConfirmButton>
        )}
        {change.isError ? (
          <p role="alert" className="field__error">
            {errorText(change.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

/** The association's name for screen readers, so each row's buttons say which association they act on. */
function NameForReader({ name }: { name: string }) {
  return (
    <span className="visually-hidden">
      {" "}
      <bdi>{name}</bdi>
    </span>
  );
}
