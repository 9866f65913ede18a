import { useNavigate } from "react-router";
import { useSignOut } from "../features/auth/api/sign-out.js";
import { SecondFactorGate } from "../features/auth/components/second-factor-page.js";
import { useI18n } from "../i18n/i18n.js";
import { LanguageSwitch } from "./language-switch.js";

/** Enrolment as the whole app, with the language switch and a way out. */
export function SecondFactorGateRoute() {
  const { t } = useI18n();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <SecondFactorGate
      tools={
        <>
          <LanguageSwitch />
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => navigate("/sign-in", { replace: true }) })
            }
            disabled={signOut.isPending}
          >
            {signOut.isPending ? t("shell.signingOut") : t("shell.signOut")}
          </button>
        </>
      }
    />
  );
}
