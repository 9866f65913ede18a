import { useId } from "react";
import { Link } from "react-router";
import { DualDate } from "../../../components/ui/dual-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useClaims } from "../api/list-claims.js";
import { claimStatusLabels } from "../labels.js";
import { formatHalalas } from "../money.js";
import "./compensation.css";
import { UserText } from "../../../components/ui/user-text.js";

/** «التعويضات»: claims for harm the association caused, from a complaint or directly (K1, K2). */
export function ClaimsPage({ canOpen }: { canOpen: boolean }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const claims = useClaims();

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header page__header--with-action">
        <div className="page__header">
          <h1 id={`${ids}-title`} className="page__title">
            {t("compensation.title")}
          </h1>
          <p className="page__lead">{t("compensation.intro")}</p>
        </div>
        {canOpen ? (
          <Link className="button button--primary" to="/compensation/new">
            {t("compensation.open.title")}
          </Link>
        ) : null}
      </header>

      <ExportButtons path="/api/compensation-claims/export" />

      {claims.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {claims.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(claims.error)}
        </div>
      ) : null}
      {claims.isSuccess && claims.data.items.length === 0 ? (
        <p className="empty">{t("compensation.empty")}</p>
      ) : null}
      {claims.isSuccess && claims.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("compensation.field.claimant")}</th>
                <th scope="col">{t("compensation.field.status")}</th>
                <th scope="col">{t("compensation.field.approved")}</th>
                <th scope="col">{t("compensation.field.paid")}</th>
                <th scope="col">{t("compensation.field.openedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {claims.data.items.map((claim) => (
                <tr key={claim.id}>
                  <th scope="row">
                    <Link to={`/compensation/${claim.id}`}>
                      <UserText>{claim.claimantName}</UserText>
                    </Link>
                  </th>
                  <td>
                    <span className="status-chip" data-status={claim.status}>
                      {t(claimStatusLabels[claim.status])}
                    </span>
                  </td>
                  <td>{claim.approvedAmount === null ? "—" : formatHalalas(claim.approvedAmount, locale)}</td>
                  <td>{formatHalalas(claim.paidAmount, locale)}</td>
                  <td>
                    <DualDate value={claim.createdAt} />
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
