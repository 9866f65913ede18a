import { useId } from "react";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useSetSurveyPreference, useSurveyPreference } from "../api/surveys-api.js";
import "./surveys.css";

/** On the beneficiary's file: whether the person receives satisfaction surveys, and the switch. */
export function SurveyPreference({ beneficiaryId }: { beneficiaryId: string }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const preference = useSurveyPreference(beneficiaryId);
  const change = useSetSurveyPreference(beneficiaryId);
  const data = preference.data;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.preference.title")}
      </h2>
      {preference.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {preference.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(preference.error)}
        </div>
      ) : null}
      {data ? (
        <>
          <p>
            {data.optedOut ? t("surveys.preference.optedOut") : t("surveys.preference.receives")}
            {data.optedOut && data.since ? (
              <>
                {" "}
                {t("surveys.preference.since")} <DualDate value={data.since} />
              </>
            ) : null}
          </p>
          {data.optedOut ? (
            // The person's own choice is undone only when they ask for it.
            <ConfirmButton
              title={t("surveys.preference.optInTitle")}
              message={t("surveys.preference.optInMessage")}
              confirmLabel={t("surveys.preference.optInConfirm")}
              disabled={change.isPending}
              onConfirm={() => change.mutate(false)}
            >
              {t("surveys.preference.optIn")}
            </ConfirmButton>
          ) : (
            <ConfirmButton
              title={t("surveys.preference.optOutTitle")}
              message={t("surveys.preference.optOutMessage")}
              confirmLabel={t("surveys.preference.optOutConfirm")}
              disabled={change.isPending}
              onConfirm={() => change.mutate(true)}
            >
              {t("surveys.preference.optOut")}
            </ConfirmButton>
          )}
        </>
      ) : null}
      {change.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(change.error)}
        </div>
      ) : null}
    </section>
  );
}
