import "@fontsource/ibm-plex-sans-arabic/400.css";
import "@fontsource/ibm-plex-sans-arabic/700.css";
import "./portal.css";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, NavLink, Outlet, useParams } from "react-router";
import { RouterProvider } from "react-router/dom";
import { t } from "./messages.js";
import { PageHeading } from "./page-heading.js";
import { NoticesPage } from "./pages/notices-page.js";
import { Failed, Loading } from "./pages/query-state.js";
import { RequestPage } from "./pages/request-page.js";
import { RequestsPage } from "./pages/requests-page.js";
import { SignInPage } from "./pages/sign-in-page.js";
import { SessionProvider, useSession } from "./session.js";

/**
 * The beneficiary portal's own entry (ADR 0029), served at /p/<association>/…: it shares no route,
 * message or feature of the staff app, so a person on a phone downloads only this.
 */
function PortalShell() {
  const { slug = "" } = useParams();
  const { state, signOut, reload } = useSession();
  const [leaving, setLeaving] = useState(false);
  if (state.status === "loading")
    return (
      <main id="main" className="portal-main">
        <Loading />
      </main>
    );
  if (state.status === "failed")
    return (
      <main id="main" className="portal-main">
        <Failed error={state.error} retry={reload} />
      </main>
    );
  // A session of another association's portal is no session here: this one's sign-in is shown.
  if (state.status === "signed_out" || state.me.association.slug !== slug)
    return (
      <SignInPage slug={slug} signedOut={state.status === "signed_out" && state.notice === "signed_out"} />
    );
  return (
    <>
      <a href="#main" className="portal-skip">
        {t("portal.skip")}
      </a>
      <header className="portal-header">
        <p className="portal-brand">
          <bdi>{state.me.association.nameAr}</bdi>
          <span className="portal-hint"> — {t("portal.name")}</span>
        </p>
        <nav aria-label={t("portal.nav.label")} className="portal-nav">
          <NavLink to={`/p/${slug}`} end>
            {t("portal.nav.requests")}
          </NavLink>
          <NavLink to={`/p/${slug}/notices`}>{t("portal.nav.notices")}</NavLink>
          <button
            type="button"
            className="portal-link-button"
            disabled={leaving}
            onClick={async () => {
              setLeaving(true);
              await signOut();
              setLeaving(false);
            }}
          >
            {leaving ? t("portal.signingOut") : t("portal.signOut")}
          </button>
        </nav>
      </header>
      <Outlet />
    </>
  );
}

function NotFound() {
  return (
    <main id="main" className="portal-main">
      <PageHeading title={t("portal.notFound.title")} />
      <p>{t("portal.notFound.body")}</p>
    </main>
  );
}

const router = createBrowserRouter([
  {
    path: "/p/:slug",
    element: <PortalShell />,
    children: [
      { index: true, element: <RequestsPage /> },
      { path: "requests/:requestId", element: <RequestPage /> },
      { path: "notices", element: <NoticesPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
  { path: "*", element: <NotFound /> },
]);

const container = document.getElementById("root");
if (!container) throw new Error("portal/index.html has no #root");
createRoot(container).render(
  <StrictMode>
    <SessionProvider>
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);
