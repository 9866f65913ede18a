import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { useSignOut } from "../features/auth/api/sign-out.js";
import { useMyAcknowledgement } from "../features/policy/api/get-my-acknowledgement.js";
import { SignPolicyScreen } from "../features/policy/components/sign-policy-screen.js";
import { useI18n } from "../i18n/i18n.js";
import { LanguageSwitch } from "./language-switch.js";
import { useCurrentUser } from "./require-session.js";

/**
 * Staff acknowledgement at sign-in (P3): until the signed-in person has signed the policy in force,
 * the whole app is the sign screen.
 */
export function PolicySignGate({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  const mine = useMyAcknowledgement();
  const signOut = useSignOut();
  const navigate = useNavigate();

  if (mine.isPending) {
    return (
      <div className="splash" aria-live="polite">
        {t("common.loading")}
      </div>
    );
  }
  // A failed check does not lock the staff out of their work; the server still asks at the next sign-in.
  if (!mine.data?.mustSign || !mine.data.current) return children;

  function onSignOut() {
    signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) });
  }
  return (
    <SignPolicyScreen
      fullName={user.fullName}
      associationName={user.association.name}
      versionId={mine.data.current.id}
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
