import { type FormEvent, useId, useRef, useState } from "react";
import { validateNationalId } from "../../../shared/domain/national-id.js";
import { PortalError, portalApi } from "../api.js";
import { t } from "../messages.js";
import { PageHeading } from "../page-heading.js";
import { useSession } from "../session.js";

type Step = { name: "id" } | { name: "code"; nationalId: string; sentNote: string };

function errorText(error: unknown): string {
  if (error instanceof PortalError) {
    if (error.status === 429 && error.retryAfterSeconds) {
      return t("signIn.tooMany", { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
    }
    return error.text;
  }
  return t("portal.error.unexpected");
}

/**
 * Sign-in without a password (ADR 0029): the ID, then the code the association's message carries.
 * The answer to the first step is the same for every ID, so the page says only what the server says.
 */
export function SignInPage({ slug, signedOut }: { slug: string; signedOut: boolean }) {
  const { signedIn } = useSession();
  const [step, setStep] = useState<Step>({ name: "id" });
  const [nationalId, setNationalId] = useState("");
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLInputElement>(null);
  const ids = {
    id: useId(),
    idHint: useId(),
    idError: useId(),
    code: useId(),
    codeHint: useId(),
    codeError: useId(),
  };

  async function sendCode(id: string) {
    setBusy(true);
    setFormError(null);
    try {
      const answer = await portalApi.requestCode(slug, id);
      setStep({ name: "code", nationalId: id, sentNote: answer.message.ar });
      setCode("");
      setFieldError(null);
      // The field exists after the render that shows it.
      requestAnimationFrame(() => codeField.current?.focus());
    } catch (error) {
      const message = error instanceof PortalError ? error.fieldMessage("nationalId") : undefined;
      if (message) {
        setFieldError(message);
        idField.current?.focus();
      } else setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  function submitId(event: FormEvent) {
    event.preventDefault();
    const checked = validateNationalId(nationalId);
    if (!checked.ok) {
      setFieldError(checked.message.ar);
      idField.current?.focus();
      return;
    }
    setFieldError(null);
    void sendCode(checked.value);
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (step.name !== "code") return;
    if (!code.trim()) {
      setFieldError(t("signIn.codeRequired"));
      codeField.current?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      signedIn(await portalApi.verify(slug, step.nationalId, code));
    } catch (error) {
      const message = error instanceof PortalError ? error.fieldMessage("code") : undefined;
      if (message) {
        setFieldError(message);
        codeField.current?.focus();
      } else setFormError(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="portal-main portal-sign-in">
      <PageHeading title={t("signIn.title")} />
      {signedOut && step.name === "id" && (
        <p role="status" className="portal-note">
          {t("signIn.signedOut")}
        </p>
      )}
      <p>{t("signIn.intro")}</p>
      {step.name === "id" ? (
        <form noValidate onSubmit={submitId} className="portal-form">
          <div className="portal-field">
            <label htmlFor={ids.id}>{t("signIn.nationalId")}</label>
            <input
              ref={idField}
              id={ids.id}
              name="nationalId"
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              maxLength={14}
              value={nationalId}
              onChange={(e) => setNationalId(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`${ids.idHint}${fieldError ? ` ${ids.idError}` : ""}`}
            />
            <p id={ids.idHint} className="portal-hint">
              {t("signIn.nationalIdHint")}
            </p>
            {fieldError && (
              <p id={ids.idError} className="portal-field-error">
                {fieldError}
              </p>
            )}
          </div>
          {formError && (
            <p role="alert" className="portal-error">
              {formError}
            </p>
          )}
          <button type="submit" className="portal-button" disabled={busy}>
            {busy ? t("signIn.sending") : t("signIn.sendCode")}
          </button>
        </form>
      ) : (
        <form noValidate onSubmit={submitCode} className="portal-form">
          <p role="status" className="portal-note">
            {step.sentNote}
          </p>
          <div className="portal-field">
            <label htmlFor={ids.code}>{t("signIn.code")}</label>
            <input
              ref={codeField}
              id={ids.code}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              dir="ltr"
              maxLength={8}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={`${ids.codeHint}${fieldError ? ` ${ids.codeError}` : ""}`}
            />
            <p id={ids.codeHint} className="portal-hint">
              {t("signIn.codeHint")}
            </p>
            {fieldError && (
              <p id={ids.codeError} className="portal-field-error">
                {fieldError}
              </p>
            )}
          </div>
          {formError && (
            <p role="alert" className="portal-error">
              {formError}
            </p>
          )}
          <button type="submit" className="portal-button" disabled={busy}>
            {busy ? t("signIn.verifying") : t("signIn.verify")}
          </button>
          <div className="portal-actions">
            <button
              type="button"
              className="portal-link-button"
              disabled={busy}
              onClick={() => void sendCode(step.nationalId)}
            >
              {t("signIn.resend")}
            </button>
            <button
              type="button"
              className="portal-link-button"
              onClick={() => {
                setStep({ name: "id" });
                setFieldError(null);
                setFormError(null);
                requestAnimationFrame(() => idField.current?.focus());
              }}
            >
              {t("signIn.changeId")}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
