import { createContext, useContext, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import type { CurrentUser } from "../../shared/contracts/auth.js";
import { useSession } from "../features/auth/api/get-session.js";
import { useI18n } from "../i18n/i18n.js";
import { PolicySignGate } from "./policy-sign-gate.js";
import { SecondFactorGateRoute } from "./second-factor-gate.js";
import { PasswordChangeGate } from "./users-routes.js";

const CurrentUserContext = createContext<CurrentUser | null>(null);

/** Pages below this route need a signed-in user; everyone else goes to the sign-in page. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const { t, errorText, setLocale } = useI18n();
  const user = session.data?.user;

  // The signed-in user's saved preference decides the language.
  const preferredLocale = user?.locale;
  useEffect(() => {
    if (preferredLocale) setLocale(preferredLocale);
  }, [preferredLocale, setLocale]);

  if (session.isPending) {
    return (
      <div className="splash" aria-live="polite">
        {t("common.loading")}
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="splash">
        <div role="alert" className="alert alert--error">
          {errorText(session.error)}
        </div>
        <button type="button" className="button button--secondary" onClick={() => session.refetch()}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (!user) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/sign-in" replace state={from === "/" ? null : { from }} />;
  }
  // A temporary password is replaced first: whoever enrols the second factor then is the person who
  // now holds the account, not whoever saw the temporary password. Then a role that must use
  // two-step verification and has not enrolled can do nothing else yet.
  const { required, enrolled } = session.data!.secondFactor;
  return (
    <CurrentUserContext.Provider value={user}>
      <PasswordChangeGate>
        {required && !enrolled ? (
          <SecondFactorGateRoute />
        ) : (
          <PolicySignGate>
            <Outlet />
          </PolicySignGate>
        )}
      </PasswordChangeGate>
    </CurrentUserContext.Provider>
  );
}

/** The signed-in user, for pages rendered under <RequireSession>. */
export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser must be used under <RequireSession>");
  return user;
}
