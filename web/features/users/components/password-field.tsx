import { useId } from "react";
import { useI18n } from "../../../i18n/i18n.js";
import type { PasswordFeedback } from "../password-feedback.js";

/**
 * A password input with its hint, the strength judgement while typing, and the server's error,
 * all tied to the input by aria-describedby.
 */
export function PasswordField({
  label,
  value,
  onChange,
  error,
  feedback,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  feedback?: PasswordFeedback;
  autoComplete: "new-password" | "current-password";
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const described = [
    feedback ? `${id}-hint` : "",
    feedback && feedback.state !== "empty" ? `${id}-strength` : "",
    error ? `${id}-error` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="password"
        dir="ltr"
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error || feedback?.state === "weak" ? true : undefined}
        aria-describedby={described || undefined}
      />
      {feedback ? (
        <p className="field__hint" id={`${id}-hint`}>
          {t("users.password.hint")}
        </p>
      ) : null}
      {feedback && feedback.state !== "empty" ? (
        <p
          className={`password-strength password-strength--${feedback.state}`}
          id={`${id}-strength`}
          aria-live="polite"
          data-testid="password-strength"
        >
          {feedback.state === "checking" ? t("users.password.checking") : null}
          {feedback.state === "strong" ? t("users.password.strong") : null}
          {feedback.state === "weak" ? feedback.message[locale] : null}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
