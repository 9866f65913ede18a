import { type FormEvent, useState } from "react";
import type { CurrentUser } from "../../../../shared/contracts/auth.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useChangeOwnPassword } from "../api/change-own-password.js";
import { usePasswordFeedback } from "../password-feedback.js";
import { PasswordField } from "./password-field.js";

/** The current password, a new one judged while typed, and the new one again. */
export function ChangePasswordForm({ user, onChanged }: { user: CurrentUser; onChanged?: () => void }) {
  const { t, locale, errorText } = useI18n();
  const change = useChangeOwnPassword();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const feedback = usePasswordFeedback(newPassword, {
    email: user.email,
    fullName: user.fullName,
    association: [user.association.name, user.association.slug],
  });

  const fieldError = (path: string) =>
    isApiError(change.error) ? change.error.fieldMessage(path)?.[locale] : undefined;
  const errors = { currentPassword: fieldError("currentPassword"), newPassword: fieldError("newPassword") };
  const generalError = change.error && !Object.values(errors).some(Boolean) ? errorText(change.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const differs = newPassword !== repeated;
    setMismatch(differs);
    if (differs || feedback.state === "weak") return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword("");
          setNewPassword("");
          setRepeated("");
          onChanged?.();
        },
      },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <PasswordField
        label={t("account.password.current")}
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
        autoComplete="current-password"
      />
      <PasswordField
        label={t("account.password.new")}
        value={newPassword}
        onChange={setNewPassword}
        error={errors.newPassword}
        feedback={feedback}
        autoComplete="new-password"
      />
      <PasswordField
        label={t("account.password.repeat")}
        value={repeated}
        onChange={(value) => {
          setRepeated(value);
          setMismatch(false);
        }}
        error={mismatch ? t("account.password.mismatch") : undefined}
        autoComplete="new-password"
      />
      <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
        {generalError}
      </div>
      <p className="success" aria-live="polite">
        {change.isSuccess ? t("account.password.changed") : null}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t("account.password.saving") : t("account.password.submit")}
        </button>
      </div>
    </form>
  );
}
