import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Interpolate } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useAcknowledgePolicy } from "../api/acknowledge-policy.js";
import { useCurrentPolicy } from "../api/get-current-policy.js";
import { localDigits } from "../labels.js";
import { BoardApprovalBlock, PolicyDocument } from "./policy-document.js";

type SignPolicyScreenProps = {
  /** The account's full name, which the signer types. */
  fullName: string;
  associationName: string;
  /** The version to sign, as the acknowledgement check named it. */
  versionId: string;
  /** Tools the app puts at the top (the language switch, signing out). */
  tools: ReactNode;
};

/** «الاطلاع على السياسة والتوقيع»: the whole page, before the rest of the app, until the person signs (P3). */
export function SignPolicyScreen({ fullName, associationName, versionId, tools }: SignPolicyScreenProps) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const policy = useCurrentPolicy();
  const acknowledge = useAcknowledgePolicy();
  const [typedName, setTypedName] = useState("");
  const [empty, setEmpty] = useState(false);

  const nameError = empty
    ? t("policy.sign.nameRequired")
    : isApiError(acknowledge.error)
      ? acknowledge.error.fieldMessage("typedName")?.[locale]
      : undefined;
  const generalError = acknowledge.error && !nameError ? errorText(acknowledge.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!typedName.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    acknowledge.mutate({ versionId, typedName });
  }

  const version = policy.data;
  return (
    <div className="sign-screen">
      <header className="topbar">
        <div className="topbar__brand">
          <span className="brand-mark" aria-hidden="true">
            ص
          </span>
          <div className="topbar__names">
            <span className="topbar__product">{t("app.name")}</span>
            <span className="topbar__association">{associationName}</span>
          </div>
        </div>
        <div className="topbar__tools">{tools}</div>
      </header>
      <main className="sign-screen__main" id="content">
        <header className="page__header">
          <h1 className="page__title">{t("policy.sign.title")}</h1>
          <p className="page__lead">
            <Interpolate
              message={t("policy.sign.intro")}
              values={{
                name: fullName,
                version: version?.versionNumber ? localDigits(String(version.versionNumber), locale) : "—",
              }}
            />
          </p>
        </header>
        {policy.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {policy.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(policy.error)}
          </div>
        ) : null}
        {version ? (
          <section className="sign-screen__policy" aria-label={t("policy.sign.policyText")} tabIndex={-1}>
            <PolicyDocument content={version.content} />
            {version.approval ? <BoardApprovalBlock approval={version.approval} /> : null}
          </section>
        ) : null}
        <form
          className="card form sign-screen__form"
          onSubmit={onSubmit}
          noValidate
          aria-labelledby={`${ids}-title`}
        >
          <h2 id={`${ids}-title`} className="card__title">
            {t("policy.sign.formTitle")}
          </h2>
          <p>{t("policy.sign.statement")}</p>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-name`}>
              {t("policy.sign.typedName")}
            </label>
            <input
              id={`${ids}-name`}
              className="field__input"
              autoComplete="name"
              value={typedName}
              onChange={(event) => setTypedName(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={`${ids}-hint${nameError ? ` ${ids}-error` : ""}`}
            />
            <p className="field__hint" id={`${ids}-hint`}>
              <Interpolate message={t("policy.sign.typedNameHint")} values={{ name: fullName }} />
            </p>
            {nameError ? (
              <p className="field__error" id={`${ids}-error`}>
                {nameError}
              </p>
            ) : null}
          </div>
          <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
            {generalError}
          </div>
          <div>
            <button
              type="submit"
              className="button button--primary"
              disabled={acknowledge.isPending || !version}
            >
              {acknowledge.isPending ? t("policy.sign.signing") : t("policy.sign.submit")}
            </button>
          </div>
        </form>
      </main>
    </div>
  );
}
