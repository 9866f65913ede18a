import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n.js";
import { isAllowed, navigationItem } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

/** Refuses a page to roles its navigation row does not list (the server refuses the data as well). */
export function RoleGate({ item, children }: { item: string; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (!isAllowed(navigationItem(item), user.roles)) {
    return (
      <div role="alert" className="alert alert--error">
        {t("error.forbiddenPage")}
      </div>
    );
  }
  return children;
}
