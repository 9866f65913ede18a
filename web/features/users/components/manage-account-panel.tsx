import { type FormEvent, useId, useState } from "react";
import { type AssociationRole, associationRoles } from "../../../../shared/contracts/roles.js";
import type { UserView } from "../../../../shared/contracts/users.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { Interpolate } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { type AccountAction, useAccountAction } from "../api/account-action.js";
import { useChangeRoles } from "../api/change-roles.js";
import { useResetPassword } from "../api/reset-password.js";
import { useResetSecondFactor } from "../api/reset-second-factor.js";
import { usePasswordFeedback } from "../password-feedback.js";
import { PasswordField } from "./password-field.js";
import { RoleChoices } from "./role-choices.js";

/**
 * Everything an administrator does to one account. Each act takes effect at once on the server:
 * the person's open sessions end with a deactivation, a role change or a password reset.
 */
export function ManageAccountPanel({
  user,
  isMe,
  associationWords,
  onClose,
}: {
  user: UserView;
  isMe: boolean;
  associationWords: string[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <section className="card manage-account" aria-labelledby={`${ids}-title`}>
      <header className="manage-account__head">
        <h2 id={`${ids}-title`} className="card__title">
          {t("users.manage.title", { name: user.fullName })}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t("users.manage.close")}
        </button>
      </header>
      <RolesSection user={user} />
      <AccessSection user={user} isMe={isMe} />
      {isMe ? (
        <p className="muted">{t("users.manage.ownPassword")}</p>
      ) : (
        <ResetPasswordSection user={user} associationWords={associationWords} />
      )}
    </section>
  );
}

function RolesSection({ user }: { user: UserView }) {
  const { t, errorText } = useI18n();
  const change = useChangeRoles();
  const [roles, setRoles] = useState<AssociationRole[]>(
    associationRoles.filter((role) => user.roles.includes(role)),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    change.mutate({ userId: user.id, roles });
  }
  return (
    <form className="form manage-account__section" onSubmit={onSubmit} noValidate>
      <RoleChoices
        legend={t("users.manage.roles")}
        value={roles}
        onChange={setRoles}
        error={roles.length === 0 ? t("users.create.rolesRequired") : undefined}
      />
      <p className="field__hint">{t("users.manage.rolesHint")}</p>
      <div role="alert" className={change.error ? "alert alert--error" : "alert"}>
        {change.error ? errorText(change.error) : null}
      </div>
      <p className="success" aria-live="polite">
        {change.isSuccess ? t("users.manage.rolesSaved") : null}
      </p>
      <div>
        <button
          type="submit"
          className="button button--primary"
          disabled={change.isPending || roles.length === 0}
        >
          {change.isPending ? t("users.saving") : t("users.manage.saveRoles")}
        </button>
      </div>
    </form>
  );
}

function AccessSection({ user, isMe }: { user: UserView; isMe: boolean }) {
  const { t, errorText } = useI18n();
  const act = useAccountAction();
  const [done, setDone] = useState<AccountAction | null>(null);
  const run = (action: AccountAction) =>
    act.mutate({ userId: user.id, action }, { onSuccess: () => setDone(action) });
  const doneText: Record<AccountAction, string> = {
    deactivate: t("users.manage.deactivated"),
    reactivate: t("users.manage.reactivated"),
    unlock: t("users.manage.unlocked"),
    "sessions/end": t("users.manage.sessionsEnded"),
  };
  return (
    <div className="manage-account__section">
      <h3 className="manage-account__subtitle">{t("users.manage.access")}</h3>
      <div className="form-actions">
        {user.active && !isMe ? (
          <ConfirmButton
            title={t("users.manage.deactivate")}
            message={
              <Interpolate message={t("users.manage.deactivateMessage")} values={{ name: user.fullName }} />
            }
            confirmLabel={t("users.manage.confirmDeactivate", { name: user.fullName })}
            disabled={act.isPending}
            onConfirm={() => run("deactivate")}
          >
            {t("users.manage.deactivate")}
          </ConfirmButton>
        ) : null}
        {!user.active ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => run("reactivate")}
            disabled={act.isPending}
          >
            {t("users.manage.reactivate")}
          </button>
        ) : null}
        {user.locked ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => run("unlock")}
            disabled={act.isPending}
          >
            {t("users.manage.unlock")}
          </button>
        ) : null}
        {user.active && !isMe ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => run("sessions/end")}
            disabled={act.isPending}
          >
            {t("users.manage.endSessions")}
          </button>
        ) : null}
      </div>
      {user.active && !isMe ? <SecondFactorReset user={user} /> : null}
      {isMe ? <p className="muted">{t("users.manage.notYourself")}</p> : null}
      <div role="alert" className={act.error ? "alert alert--error" : "alert"}>
        {act.error ? errorText(act.error) : null}
      </div>
      <p className="success" aria-live="polite">
        {done && act.isSuccess ? doneText[done] : null}
      </p>
    </div>
  );
}

/** A lost phone: the second factor goes after a confirmation, and the person enrols again. */
function SecondFactorReset({ user }: { user: UserView }) {
  const { t, errorText } = useI18n();
  const reset = useResetSecondFactor();
  return (
    <div className="manage-account__section">
      <div className="form-actions">
        <ConfirmButton
          title={t("users.manage.secondFactorReset")}
          message={
            <Interpolate
              message={t("users.manage.secondFactorResetMessage")}
              values={{ name: user.fullName }}
            />
          }
          confirmLabel={t("users.manage.confirmSecondFactorReset", { name: user.fullName })}
          disabled={reset.isPending}
          onConfirm={() => reset.mutate({ userId: user.id })}
        >
          {t("users.manage.secondFactorReset")}
        </ConfirmButton>
      </div>
      <div role="alert" className={reset.error ? "alert alert--error" : "alert"}>
        {reset.error ? errorText(reset.error) : null}
      </div>
      <p className="success" aria-live="polite">
        {reset.isSuccess ? t("users.manage.secondFactorWasReset") : null}
      </p>
    </div>
  );
}

function ResetPasswordSection({ user, associationWords }: { user: UserView; associationWords: string[] }) {
  const { t, locale, errorText } = useI18n();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const feedback = usePasswordFeedback(password, {
    email: user.email,
    fullName: user.fullName,
    association: associationWords,
  });
  const fieldError = isApiError(reset.error) ? reset.error.fieldMessage("password")?.[locale] : undefined;
  const generalError = reset.error && !fieldError ? errorText(reset.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (feedback.state === "weak" || !password) return;
    reset.mutate({ userId: user.id, password }, { onSuccess: () => setPassword("") });
  }

  return (
    <form className="form manage-account__section" onSubmit={onSubmit} noValidate>
      <h3 className="manage-account__subtitle">{t("users.reset.title")}</h3>
      <p className="muted">{t("users.reset.intro")}</p>
      <PasswordField
        label={t("users.reset.typed")}
        value={password}
        onChange={setPassword}
        error={fieldError}
        feedback={feedback}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={reset.isPending || !password}>
          {t("users.reset.setTyped")}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={reset.isPending}
          onClick={() => reset.mutate({ userId: user.id })}
        >
          {t("users.reset.generate")}
        </button>
      </div>
      <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
        {generalError}
      </div>
      {reset.isSuccess ? (
        reset.data.temporaryPassword ? (
          <div className="temporary-shown" aria-live="polite">
            <p>{t("users.reset.generated")}</p>
            <output className="temporary-shown__value" dir="ltr" data-testid="temporary-password">
              {reset.data.temporaryPassword}
            </output>
            <p className="muted">{t("users.reset.once")}</p>
          </div>
        ) : (
          <p className="success" aria-live="polite">
            {t("users.reset.done")}
          </p>
        )
      ) : null}
    </form>
  );
}
