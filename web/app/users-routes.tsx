import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { useSignOut } from "../features/auth/api/sign-out.js";
import { AccountPage } from "../features/users/components/account-page.js";
import { StaffAccountsPage } from "../features/users/components/staff-accounts-page.js";
import { TemporaryPasswordScreen } from "../features/users/components/temporary-password-screen.js";
import { useI18n } from "../i18n/i18n.js";
import { LanguageSwitch } from "./language-switch.js";
import { useCurrentUser } from "./require-session.js";
import { MyRatingSection } from "./surveys-routes.js";

/** «المستخدمون», for the administrator. */
export function StaffAccountsRoute() {
  return <StaffAccountsPage me={useCurrentUser()} />;
}

/** «حسابي», for everyone signed in, with «تقييمي» composed in from the surveys feature. */
export function AccountRoute() {
  return <AccountPage user={useCurrentUser()} more={<MyRatingSection />} />;
}

/**
 * While the signed-in person holds a temporary password (set by an administrator), the whole app
 * is the screen that replaces it; the server refuses everything else meanwhile.
 */
export function PasswordChangeGate({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (!user.passwordChangeRequired) return children;
  function onSignOut() {
    signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) });
  }
  return (
    <TemporaryPasswordScreen
      user={user}
      tools={
        <>
          <LanguageSwitch />
          <button
            type="button"
            className="button button--quiet"
            onClick={onSignOut}
            disabled={signOut.isPending}
          >
            {signOut.isPending ? t("shell.signingOut") : t("shell.signOut")}
          </button>
        </>
      }
    />
  );
}
