import { Navigate } from "react-router";
import { noticeActorRoles } from "../../shared/contracts/notifications.js";
import { DualDate } from "../components/ui/dual-date.js";
import { ManualNotices } from "../features/notifications/components/notices-section.js";
import { MyWork } from "../features/requests/components/my-work-page.js";
import { useI18n } from "../i18n/i18n.js";
import { useCurrentUser } from "./require-session.js";

export function HomePage() {
  const user = useCurrentUser();
  const { t } = useI18n();
  // Rendering "today" is the one place the browser's clock is the right clock.
  const today = new Date().toISOString();
  // The platform operator has no association work: its home is the associations it serves.
  if (user.roles.includes("platform_operator")) return <Navigate to="/platform/associations" replace />;

  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page__header">
        <h1 id="home-title" className="page__title">
          {t("home.greeting", { name: user.fullName })}
        </h1>
        <p className="page__lead">{user.association.name}</p>
      </header>

      <MyWork />
      {user.roles.some((role) => noticeActorRoles.includes(role)) ? <ManualNotices canAct /> : null}

      <div className="cards">
        <article className="card">
          <h2 className="card__label">{t("home.today")}</h2>
          <p className="card__value today">
            <DualDate value={today} />
          </p>
        </article>

        <article className="card">
          <h2 className="card__label">{t("home.yourRoles")}</h2>
          <ul className="role-list">
            {user.roles.map((role) => (
              <li key={role} className="role-chip">
                {t(`role.${role}`)}
              </li>
            ))}
          </ul>
        </article>
      </div>
    </section>
  );
}
