import { Link } from "react-router";
import { useI18n } from "../i18n/i18n.js";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1 className="page__title">{t("notFound.title")}</h1>
      <p>
        <Link to="/">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}
