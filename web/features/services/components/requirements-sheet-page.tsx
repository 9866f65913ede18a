import { useId } from "react";
import { Link, useParams } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { useRequirementsSheet } from "../api/get-requirements-sheet.js";
import "./services.css";

/** The printable sheet of a service's criteria and requirements, given before applying (H2). */
export function RequirementsSheetPage() {
  const { serviceId = "" } = useParams();
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const sheet = useRequirementsSheet(serviceId);
  if (sheet.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (!sheet.data) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(sheet.error)}
      </div>
    );
  }
  const { service, eligibilityAr, items } = sheet.data;
  return (
    <article className="page requirements-sheet" aria-labelledby={`${ids}-title`}>
      <p className="muted no-print">
        <Link to="/services">{t("services.title")}</Link>
      </p>
      <h1 id={`${ids}-title`} className="page__title">
        {t("services.sheet.title", {
          name: locale === "en" && service.nameEn ? service.nameEn : service.nameAr,
        })}
      </h1>
      {eligibilityAr ? (
        <section>
          <h2 className="card__title">{t("services.eligibility")}</h2>
          <p className="pre-line">{eligibilityAr}</p>
        </section>
      ) : null}
      <section>
        <h2 className="card__title">{t("services.requirements")}</h2>
        <ol className="sheet-list">
          {items.map((item) => (
            <li key={item.code}>
              <strong>{item.label[locale]}</strong>
              {item.kind === "document"
                ? ` (${t("services.requirement.document")})`
                : ` (${t("services.requirement.field")})`}
              {item.rule ? ` — ${item.rule[locale]}` : null}
              {item.required ? null : ` — ${t("services.requirement.optional")}`}
            </li>
          ))}
        </ol>
      </section>
      <div className="form-actions no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("services.sheet.print")}
        </button>
      </div>
    </article>
  );
}
