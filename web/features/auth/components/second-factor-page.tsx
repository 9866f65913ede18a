import type { ReactNode } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import { useSecondFactor } from "../api/get-second-factor.js";
import { SecondFactorEnrolment } from "./second-factor-enrolment.js";

/** «التحقق بخطوتين» on the account: its state, and enrolment when it is off. */
export function SecondFactorPage() {
  const { t, errorText } = useI18n();
  const status = useSecondFactor();

  let body: ReactNode;
  if (status.isPending) body = <p aria-live="polite">{t("common.loading")}</p>;
  else if (status.isError) {
    body = (
      <div role="alert" className="alert alert--error">
        {errorText(status.error)}
      </div>
    );
  } else if (status.data.enrolled) {
    body = (
      <div className="second-factor">
        <p className="notice">{t("secondFactor.enabled")}</p>
        <p>{t("secondFactor.codesLeft", { count: status.data.recoveryCodesLeft })}</p>
        <p className="field__hint">{t("secondFactor.lostPhone")}</p>
      </div>
    );
  } else {
    body = (
      <>
        <p>{t(status.data.required ? "secondFactor.requiredIntro" : "secondFactor.optionalIntro")}</p>
        <SecondFactorEnrolment />
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="second-factor-title">
      <header className="page__header">
        <h1 id="second-factor-title" className="page__title">
          {t("secondFactor.title")}
        </h1>
      </header>
      {body}
    </section>
  );
}

/**
 * The whole app while a person whose role requires two-step verification has not enrolled: the
 * server refuses everything else to such a session, so the screen says why and offers enrolment.
 */
export function SecondFactorGate({ tools }: { tools: ReactNode }) {
  const { t } = useI18n();
  return (
    <main className="second-factor-gate" id="content">
      <div className="second-factor-gate__card">
        <div className="second-factor-gate__tools">
          <h1 className="page__title">{t("secondFactor.title")}</h1>
          <div>{tools}</div>
        </div>
        <p>{t("secondFactor.requiredIntro")}</p>
        <SecondFactorEnrolment />
      </div>
    </main>
  );
}
