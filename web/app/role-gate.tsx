import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "../i18n/i18n.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

/** Refuses a page to roles its navigation row does not list (the server refuses the data as well). */
export function RoleGate({ item, children }: { item: string; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (!isAllowed(navigationItem(item), user.roles)) {
    // A page of its own (a heading, the reason, the way back), not a bare alert with nowhere to go.
    return (
      <section className="page">
        <h1 className="page__title">{t("error.forbiddenTitle")}</h1>
        <div role="alert" className="alert alert--error">
          {t("error.forbiddenPage")}
        </div>
        <p>
          <Link to="/">{t("notFound.back")}</Link>
        </p>
      </section>
    );
  }
  return children;
}
