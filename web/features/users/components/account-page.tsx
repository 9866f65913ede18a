import { type ReactNode, useId } from "react";
import type { CurrentUser } from "../../../../shared/contracts/auth.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ChangePasswordForm } from "./change-password-form.js";
import "./users.css";

/** «حسابي»: who I am here, and my password. */
export function AccountPage({
  user,
  more,
}: {
  user: CurrentUser;
  /** Sections other features add to the person's own page (their own rating). */
  more?: ReactNode;
}) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("account.title")}
        </h1>
        <p className="page__lead">{t("account.intro")}</p>
      </header>

      <section className="card" aria-labelledby={`${ids}-who`}>
        <h2 id={`${ids}-who`} className="card__title">
          {t("account.details")}
        </h2>
        <dl className="account-facts">
          <dt>{t("users.column.name")}</dt>
          <dd>
            <bdi>{user.fullName}</bdi>
          </dd>
          <dt>{t("users.column.email")}</dt>
          <dd>
            <bdi dir="ltr">{user.email}</bdi>
          </dd>
          <dt>{t("users.column.roles")}</dt>
          <dd>{user.roles.map((role) => t(`role.${role}`)).join("، ")}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby={`${ids}-password`}>
        <h2 id={`${ids}-password`} className="card__title">
          {t("account.password.title")}
        </h2>
        <p className="muted">{t("account.password.intro")}</p>
        <ChangePasswordForm user={user} />
      </section>
      {more}
    </section>
  );
}
