import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { useSignOut } from "../features/auth/api/sign-out.js";
import { useI18n } from "../i18n/i18n.js";
import { LanguageSwitch } from "./language-switch.js";
import { visibleNavigation } from "./navigation.js";
import { useCurrentUser } from "./require-session.js";

/** The signed-in frame: who and where at the top, what this person may open at the side. */
export function AppShell() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const items = visibleNavigation(user.roles);
  const { pathname } = useLocation();
  // The most specific item owns the page: /beneficiaries/import is the import's, not the search's.
  const within = (path: string) =>
    path === "/" ? pathname === "/" : pathname === path || pathname.startsWith(`${path}/`);
  const current = items.filter((item) => within(item.path)).sort((a, b) => b.path.length - a.path.length)[0];

  function onSignOut() {
    signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) });
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t("shell.skipToContent")}
      </a>

      <header className="topbar">
        <div className="topbar__brand">
          <span className="brand-mark" aria-hidden="true">
            ص
          </span>
          <div className="topbar__names">
            <span className="topbar__product">{t("app.name")}</span>
            <span className="topbar__association">{user.association.name}</span>
          </div>
        </div>

        <div className="topbar__tools">
          <LanguageSwitch />
          <section className="account" aria-label={t("shell.account")}>
            <span className="account__name">{user.fullName}</span>
            <span className="account__roles">{user.roles.map((role) => t(`role.${role}`)).join("، ")}</span>
            <Link className="account__link" to="/account/second-factor">
              {t("shell.secondFactor")}
            </Link>
          </section>
          <button
            type="button"
            className="button button--quiet"
            onClick={onSignOut}
            disabled={signOut.isPending}
          >
            {signOut.isPending ? t("shell.signingOut") : t("shell.signOut")}
          </button>
        </div>
      </header>

      <div className="shell__body">
        <nav className="sidebar" aria-label={t("shell.navigation")}>
          <ul className="sidebar__list">
            {items.map((item) => (
              <li key={item.id}>
                <Link
                  to={item.path}
                  className={item === current ? "sidebar__link active" : "sidebar__link"}
                  aria-current={item === current ? "page" : undefined}
                >
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>

        <main className="shell__main" id="content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
