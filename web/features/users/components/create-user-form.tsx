import { type FormEvent, useId, useState } from "react";
import type { AssociationRole } from "../../../../shared/contracts/roles.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCreateUser } from "../api/create-user.js";
import { usePasswordFeedback } from "../password-feedback.js";
import { PasswordField } from "./password-field.js";
import { RoleChoices } from "./role-choices.js";

/** A new staff account: the first password is temporary, the person replaces it at first sign-in. */
export function CreateUserForm({ associationWords }: { associationWords: string[] }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const create = useCreateUser();
  const [fullName, setFullName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<AssociationRole[]>([]);
  const [noRole, setNoRole] = useState(false);
  const feedback = usePasswordFeedback(password, { email, fullName, association: associationWords });

  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldMessage(path)?.[locale] : undefined;
  const errors = {
    fullName: fieldError("fullName"),
    email: fieldError("email"),
    password: fieldError("password"),
    roles: noRole ? t("users.create.rolesRequired") : fieldError("roles"),
  };
  const generalError = create.error && !Object.values(errors).some(Boolean) ? errorText(create.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNoRole(roles.length === 0);
    if (roles.length === 0 || feedback.state === "weak") return;
    create.mutate(
      { fullName, email, password, roles },
      {
        onSuccess: () => {
          setFullName("");
          setEmail("");
          setPassword("");
          setRoles([]);
        },
      },
    );
  }

  const text = (key: "fullName" | "email", label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {label}
      </label>
      <input
        id={`${ids}-${key}`}
        className="field__input"
        value={value}
        dir={key === "email" ? "ltr" : undefined}
        type={key === "email" ? "email" : "text"}
        autoComplete="off"
        onChange={(event) => set(event.target.value)}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${ids}-${key}-error` : undefined}
      />
      {errors[key] ? (
        <p className="field__error" id={`${ids}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form-section__grid">
        {text("fullName", t("users.column.name"), fullName, setFullName)}
        {text("email", t("users.column.email"), email, setEmail)}
        <PasswordField
          label={t("users.create.password")}
          value={password}
          onChange={setPassword}
          error={errors.password}
          feedback={feedback}
          autoComplete="new-password"
        />
      </div>
      <RoleChoices
        legend={t("users.column.roles")}
        value={roles}
        onChange={(next) => {
          setRoles(next);
          setNoRole(false);
        }}
        error={errors.roles}
      />
      <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
        {generalError}
      </div>
      <p className="success" aria-live="polite">
        {create.isSuccess ? t("users.create.done", { name: create.data.fullName }) : null}
      </p>
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t("users.saving") : t("users.create.submit")}
        </button>
      </div>
    </form>
  );
}
