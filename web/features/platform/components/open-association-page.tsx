import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import type { OpenAssociationResponse } from "../../../../shared/contracts/platform.js";
import { type MessageKey, useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { type OpenAssociationInput, useOpenAssociation } from "../api/open-association.js";
import "./platform.css";

type FieldName =
  | "nameAr"
  | "slug"
  | "region"
  | "licenseNumber"
  | "administrator.fullName"
  | "administrator.email";
type Values = Record<FieldName, string>;

const empty: Values = {
  nameAr: "",
  slug: "",
  region: "",
  licenseNumber: "",
  "administrator.fullName": "",
  "administrator.email": "",
};

const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the page checks before sending, in the words a person reads; the server checks again. */
function check(values: Values): Partial<Record<FieldName, MessageKey>> {
  const errors: Partial<Record<FieldName, MessageKey>> = {};
  if (values.nameAr.trim().length < 3) errors.nameAr = "platform.open.error.name";
  if (!slugPattern.test(values.slug.trim().toLowerCase())) errors.slug = "platform.open.error.slug";
  if (values["administrator.fullName"].trim().length < 3)
    errors["administrator.fullName"] = "platform.open.error.adminName";
  if (!emailPattern.test(values["administrator.email"].trim()))
    errors["administrator.email"] = "platform.open.error.email";
  return errors;
}

/** Opening an association with its first administrator, whose temporary password is shown once. */
export function OpenAssociationPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const open = useOpenAssociation();
  const [values, setValues] = useState<Values>(empty);
  const [checked, setChecked] = useState<Partial<Record<FieldName, MessageKey>>>({});

  const serverError = (path: FieldName) =>
    isApiError(open.error) ? open.error.fieldMessage(path)?.[locale] : undefined;
  const errorOf = (name: FieldName) => {
    const local = checked[name];
    return local ? t(local) : serverError(name);
  };
  const fields: FieldName[] = Object.keys(empty) as FieldName[];
  const marked = fields.some((name) => errorOf(name));
  const generalError = open.error && !marked ? errorText(open.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(values);
    setChecked(found);
    const first = fields.find((name) => found[name]);
    if (first) {
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    const input: OpenAssociationInput = {
      nameAr: values.nameAr,
      slug: values.slug,
      administrator: { fullName: values["administrator.fullName"], email: values["administrator.email"] },
      ...(values.region.trim() ? { region: values.region } : {}),
      ...(values.licenseNumber.trim() ? { licenseNumber: values.licenseNumber } : {}),
    };
    open.mutate(input);
  }

  if (open.isSuccess) return <Opened opened={open.data} />;

  const field = (name: FieldName, label: MessageKey, options: { ltr?: boolean; hint?: MessageKey } = {}) => {
    const error = errorOf(name);
    const describedBy = [options.hint ? `${ids}-${name}-hint` : "", error ? `${ids}-${name}-error` : ""]
      .filter(Boolean)
      .join(" ");
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-${name}`}>
          {t(label)}
        </label>
        <input
          id={`${ids}-${name}`}
          name={name}
          className="field__input"
          type="text"
          dir={options.ltr ? "ltr" : undefined}
          autoComplete="off"
          value={values[name]}
          onChange={(event) => {
            setValues({ ...values, [name]: event.target.value });
            setChecked({ ...checked, [name]: undefined });
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {options.hint ? (
          <p className="field__hint" id={`${ids}-${name}-hint`}>
            {t(options.hint)}
          </p>
        ) : null}
        {error ? (
          <p className="field__error" id={`${ids}-${name}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("platform.open.title")}
        </h1>
        <p className="page__lead">{t("platform.open.intro")}</p>
      </header>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <h2 className="card__title">{t("platform.open.association")}</h2>
        <div className="form-section__grid">
          {field("nameAr", "platform.open.name")}
          {field("slug", "platform.open.slug", { ltr: true, hint: "platform.open.slugHint" })}
          {field("region", "platform.open.region")}
          {field("licenseNumber", "platform.open.license", { ltr: true })}
        </div>
        <h2 className="card__title">{t("platform.open.administrator")}</h2>
        <p className="muted">{t("platform.open.administratorIntro")}</p>
        <div className="form-section__grid">
          {field("administrator.fullName", "platform.open.adminName")}
          {field("administrator.email", "platform.open.adminEmail", { ltr: true })}
        </div>
        <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <div className="platform-actions">
          <button type="submit" className="button button--primary" disabled={open.isPending}>
            {open.isPending ? t("platform.open.saving") : t("platform.open.submit")}
          </button>
          <Link className="button button--quiet" to="/platform/associations">
            {t("platform.open.back")}
          </Link>
        </div>
      </form>
    </section>
  );
}

function Opened({ opened }: { opened: OpenAssociationResponse }) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("platform.opened.title")}
        </h1>
      </header>
      <div className="card" aria-live="polite">
        <dl className="facts">
          <dt>{t("platform.column.name")}</dt>
          <dd>
            <bdi>{opened.association.nameAr}</bdi>
          </dd>
          <dt>{t("platform.open.adminName")}</dt>
          <dd>
            <bdi>{opened.administrator.fullName}</bdi>
          </dd>
          <dt>{t("platform.open.adminEmail")}</dt>
          <dd>
            <bdi dir="ltr">{opened.administrator.email}</bdi>
          </dd>
        </dl>
        <p>{t("platform.opened.password")}</p>
        <output
          className="temporary-shown__value platform-temporary-password"
          dir="ltr"
          data-testid="temporary-password"
        >
          {opened.temporaryPassword}
        </output>
        <p className="muted">{t("platform.opened.once")}</p>
        <p>
          <Link className="button button--primary" to="/platform/associations">
            {t("platform.opened.back")}
          </Link>
        </p>
      </div>
    </section>
  );
}
