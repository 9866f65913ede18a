import { type ReactNode, useId } from "react";
import type { CurrentUser } from "../../../../shared/contracts/auth.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ChangePasswordForm } from "./change-password-form.js";
import "./users.css";

/**
 * Shown instead of the whole app while the person holds a password someone else chose; the server
 * refuses everything else meanwhile (password_change_required).
 */
export function TemporaryPasswordScreen({ user, tools }: { user: CurrentUser; tools: ReactNode }) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <div className="temporary-password">
      <header className="temporary-password__top">
        <span className="topbar__association">{user.association.name}</span>
        <div className="topbar__tools">{tools}</div>
      </header>
      <main className="temporary-password__main">
        <section className="card" aria-labelledby={`${ids}-title`}>
          <h1 id={`${ids}-title`} className="page__title">
            {t("account.temporary.title")}
          </h1>
          <p className="page__lead">{t("account.temporary.intro", { name: user.fullName })}</p>
          <ChangePasswordForm user={user} />
        </section>
      </main>
    </div>
  );
}
