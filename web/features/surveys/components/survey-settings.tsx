import { type FormEvent, useId, useState } from "react";
import type { SurveySettings, SurveySummary } from "../../../../shared/contracts/surveys.js";
import { NumberField } from "../../../components/ui/number-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useSaveSurveySettings, useSurveySettings } from "../api/surveys-api.js";
import { checkSettings, type SettingsText } from "../settings.js";

/** When a post-service invitation goes, and the rules that hold one back (the association's settings). */
export function SurveySettingsSection({
  surveys,
  canChange,
}: {
  surveys: readonly SurveySummary[];
  canChange: boolean;
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const settings = useSurveySettings();
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.settings.title")}
      </h2>
      <p className="muted">{t("surveys.settings.intro")}</p>
      {settings.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {settings.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(settings.error)}
        </div>
      ) : null}
      {settings.data ? (
        <SettingsForm
          key={JSON.stringify(settings.data)}
          settings={settings.data}
          surveys={surveys}
          canChange={canChange}
        />
      ) : null}
    </section>
  );
}

function SettingsForm({
  settings,
  surveys,
  canChange,
}: {
  settings: SurveySettings;
  surveys: readonly SurveySummary[];
  canChange: boolean;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const save = useSaveSurveySettings();
  const [surveyId, setSurveyId] = useState(settings.postServiceSurveyId ?? "");
  const [triggers, setTriggers] = useState({
    afterDelivery: settings.afterDelivery,
    afterRequestClosed: settings.afterRequestClosed,
    afterComplaintClosed: settings.afterComplaintClosed,
  });
  const [numbers, setNumbers] = useState<SettingsText>({
    quietDays: String(settings.quietDays),
    linkValidDays: String(settings.linkValidDays),
    reminderAfterDays: String(settings.reminderAfterDays),
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const server = (path: string) =>
    isApiError(save.error) ? save.error.fieldMessage(path)?.[locale] : undefined;
  const error = (path: string) => local[path] ?? server(path);
  // Post-service surveys that could be sent: the one chosen stays listed whatever its state.
  const choices = surveys.filter(
    (s) => s.id === settings.postServiceSurveyId || (s.purpose === "post_service" && s.status !== "archived"),
  );
  const labels: Record<keyof SettingsText, string> = {
    quietDays: t("surveys.settings.quietDays"),
    linkValidDays: t("surveys.settings.linkValidDays"),
    reminderAfterDays: t("surveys.settings.reminderAfterDays"),
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const checked = checkSettings(numbers);
    const problems: Record<string, string> = {};
    for (const p of checked.problems)
      problems[p.path] =
        p.kind === "range"
          ? t("surveys.settings.range", { field: labels[p.path], min: p.min, max: p.max })
          : t("surveys.settings.reminderBeforeExpiry");
    setLocal(problems);
    if (!checked.values) return;
    save.mutate(
      { postServiceSurveyId: surveyId || null, ...triggers, ...checked.values },
      { onSuccess: () => setSaved(true) },
    );
  }

  const placed = /^(postServiceSurveyId|quietDays|linkValidDays|reminderAfterDays)$/;
  const generalError =
    save.error &&
    !(
      isApiError(save.error) &&
      save.error.fieldErrors.length > 0 &&
      save.error.fieldErrors.every((f) => placed.test(f.path))
    )
      ? errorText(save.error)
      : null;

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-survey`}>
          {t("surveys.settings.postServiceSurvey")}
        </label>
        <select
          id={`${ids}-survey`}
          className="field__input"
          value={surveyId}
          disabled={!canChange}
          onChange={(event) => setSurveyId(event.target.value)}
          aria-describedby={error("postServiceSurveyId") ? `${ids}-survey-error` : undefined}
        >
          <option value="">{t("surveys.settings.noPostService")}</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        {error("postServiceSurveyId") ? (
          <p className="field__error" id={`${ids}-survey-error`}>
            {error("postServiceSurveyId")}
          </p>
        ) : null}
      </div>
      <fieldset className="choice-group">
        <legend className="field__label">{t("surveys.settings.triggers")}</legend>
        <div className="choice-group__options survey-settings__triggers">
          {(["afterDelivery", "afterRequestClosed", "afterComplaintClosed"] as const).map((trigger) => (
            <label key={trigger} className="choice">
              <input
                type="checkbox"
                checked={triggers[trigger]}
                disabled={!canChange}
                onChange={(event) => setTriggers((all) => ({ ...all, [trigger]: event.target.checked }))}
              />
              {t(`surveys.settings.${trigger}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="survey-settings__numbers">
        {(["quietDays", "linkValidDays", "reminderAfterDays"] as const).map((field) => (
          <NumberField
            key={field}
            label={labels[field]}
            hint={t(`surveys.settings.${field}Hint`)}
            value={numbers[field]}
            onChange={(text) => setNumbers((all) => ({ ...all, [field]: text }))}
            error={error(field)}
          />
        ))}
      </div>
      {generalError ? (
        <div role="alert" className="alert alert--error">
          {generalError}
        </div>
      ) : null}
      {saved ? (
        <p role="status" className="alert alert--success">
          {t("surveys.settings.saved")}
        </p>
      ) : null}
      {canChange ? (
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t("surveys.builder.saving") : t("surveys.settings.save")}
        </button>
      ) : (
        <p className="muted">{t("surveys.settings.readOnly")}</p>
      )}
    </form>
  );
}
