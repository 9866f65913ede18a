import { type ReactNode, useId } from "react";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import type { QuestionDraft } from "../builder.js";
import { csatPointLabels, likertPointLabels } from "../labels.js";

/**
 * How the question looks to the person answering it (in Arabic), as it is being written. Its
 * controls answer nothing: the preview is a picture that can be tried with the keyboard.
 */
export function QuestionPreview({ question, number }: { question: QuestionDraft; number: number }) {
  const { t } = useI18n();
  const ids = useId();
  const name = `${ids}-answer`;
  const wording = question.ar.trim();
  const legend = (
    <legend className="survey-preview__question">
      {wording ? (
        <UserText>{wording}</UserText>
      ) : (
        <span className="muted">{t("surveys.preview.noText")}</span>
      )}
      {question.required ? (
        <span className="survey-preview__required"> {t("surveys.preview.required")}</span>
      ) : null}
    </legend>
  );

  let body: ReactNode;
  switch (question.kind) {
    case "csat":
    case "likert": {
      const points = question.kind === "csat" ? csatPointLabels : likertPointLabels;
      body = (
        <fieldset className="choice-group">
          {legend}
          <div className="choice-group__options">
            {points.map((label, i) => (
              <label key={label} className="choice">
                <input type="radio" name={name} value={String(i + 1)} />
                {t(label)}
              </label>
            ))}
          </div>
        </fieldset>
      );
      break;
    }
    case "nps":
      body = (
        <fieldset className="choice-group">
          {legend}
          <p className="field__hint">{t("surveys.preview.npsScale")}</p>
          <div className="choice-group__options survey-preview__nps">
            {Array.from({ length: 11 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the eleven points of the scale never move
              <label key={i} className="choice">
                <input type="radio" name={name} value={String(i)} />
                {String(i)}
              </label>
            ))}
          </div>
        </fieldset>
      );
      break;
    case "single_choice":
    case "multiple_choice":
      body = (
        <fieldset className="choice-group">
          {legend}
          <div className="choice-group__options">
            {question.options.map((option, i) => (
              <label key={option.key} className="choice">
                <input type={question.kind === "single_choice" ? "radio" : "checkbox"} name={name} />
                {option.ar.trim() ? (
                  <UserText>{option.ar}</UserText>
                ) : (
                  <span className="muted">{t("surveys.preview.noOption", { number: i + 1 })}</span>
                )}
              </label>
            ))}
          </div>
        </fieldset>
      );
      break;
    case "text":
      body = (
        <div className="field">
          <label className="survey-preview__question" htmlFor={`${ids}-text`}>
            {wording ? (
              <UserText>{wording}</UserText>
            ) : (
              <span className="muted">{t("surveys.preview.noText")}</span>
            )}
          </label>
          <textarea id={`${ids}-text`} className="field__input field__input--area" rows={2} />
        </div>
      );
      break;
  }

  return (
    <section className="survey-preview" aria-label={t("surveys.preview.label", { number })}>
      <p className="survey-preview__title">{t("surveys.preview.title")}</p>
      {body}
    </section>
  );
}
