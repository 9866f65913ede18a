import { useId } from "react";
import { Link } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { useServices } from "../api/list-services.js";
import { serviceKindLabels } from "../labels.js";
import "./services.css";
import { UserText } from "../../../components/ui/user-text.js";

/** The service catalogue: what the association offers and what each service needs (H2, T2). */
export function ServicesPage({ canManage }: { canManage: boolean }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const services = useServices();
  const items = services.data?.items ?? [];
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header page__header--with-action">
        <div>
          <h1 id={`${ids}-title`} className="page__title">
            {t("services.title")}
          </h1>
          <p className="page__lead">{t("services.lead")}</p>
        </div>
        {canManage ? (
          <Link className="button button--primary" to="/admin/services/new">
            {t("services.new")}
          </Link>
        ) : null}
      </header>
      {services.error ? (
        <div role="alert" className="alert alert--error">
          {errorText(services.error)}
        </div>
      ) : null}
      {items.length === 0 && !services.isPending ? <p className="empty">{t("services.empty")}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-label={t("services.title")}>
            <thead>
              <tr>
                <th scope="col">{t("services.name")}</th>
                <th scope="col">{t("services.kind")}</th>
                <th scope="col">{t("services.requirements")}</th>
                <th scope="col">{t("services.active")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("services.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((service) => (
                <tr key={service.id}>
                  <td>
                    <UserText>{service.nameAr}</UserText>
                  </td>
                  <td>{t(serviceKindLabels[service.kind])}</td>
                  <td>{service.requirements.length}</td>
                  <td>{service.active ? t("services.yes") : t("services.no")}</td>
                  <td className="row-actions">
                    <Link to={`/services/${service.id}/sheet`}>{t("services.sheet.open")}</Link>
                    {canManage ? (
                      <Link to={`/admin/services/${service.id}/edit`}>{t("services.edit")}</Link>
                    ) : null}
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
