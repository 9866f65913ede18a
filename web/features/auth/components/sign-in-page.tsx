import { type FormEvent, useId, useRef, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCompleteSecondFactor } from "../api/complete-second-factor.js";
import { useSession } from "../api/get-session.js";
import { useSignIn } from "../api/sign-in.js";
import "./sign-in-page.css";

type FromState = { from?: string } | null;

/** After the password: the association to open (when several), or the code from the app. */
type NextStep =
  | {
      step: "choose_association";
      email: string;
      password: string;
      associations: { id: string; name: string }[];
    }
  | { step: "second_factor"; challenge: string };

export function SignInPage() {
  const { t, locale, errorText } = useI18n();
  const session = useSession();
  const signIn = useSignIn();
  const secondFactor = useCompleteSecondFactor();
  const [next, setNext] = useState<NextStep | null>(null);
  const codeErrorId = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const alertRef = useRef<HTMLDivElement>(null);
  const emailErrorId = useId();
  const passwordErrorId = useId();

  const from = (location.state as FromState)?.from ?? "/";
  if (session.data) return <Navigate to={from} replace />;

  const error = next?.step === "second_factor" ? secondFactor.error : signIn.error;
  const fieldError = (path: string) => (isApiError(error) ? error.fieldMessage(path)?.[locale] : undefined);
  const emailError = fieldError("email");
  const passwordError = fieldError("password");
  // A field-level problem is shown beside its field; the alert carries the rest.
  const generalError = error && !emailError && !passwordError ? errorText(error) : null;

  function afterPassword(email: string, password: string) {
    return (answer: Awaited<ReturnType<typeof signIn.mutateAsync>>) => {
      if (answer.step === "signed_in") navigate(from, { replace: true });
      else if (answer.step === "choose_association") setNext({ ...answer, email, password });
      else setNext(answer);
    };
  }

  function onChoose(associationId: string) {
    if (next?.step !== "choose_association") return;
    const { email, password } = next;
    signIn.mutate(
      { email, password, associationId },
      { onSuccess: afterPassword(email, password), onError: () => alertRef.current?.focus() },
    );
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (next?.step !== "second_factor") return;
    const input = event.currentTarget.elements.namedItem("code");
    secondFactor.mutate(
      { challenge: next.challenge, code: input instanceof HTMLInputElement ? input.value : "" },
      {
        onSuccess: () => navigate(from, { replace: true }),
        onError: (failure) => {
          // An expired step starts again from the password.
          if (isApiError(failure) && failure.code === "session_expired") setNext(null);
          if (input instanceof HTMLInputElement) input.focus();
        },
      },
    );
  }

  function startAgain() {
    signIn.reset();
    secondFactor.reset();
    setNext(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    signIn.mutate(
      { email, password },
      {
        onSuccess: afterPassword(email, password),
        // Take the keyboard to the problem: the first marked field, or the alert.
        onError: (failure) => {
          const field = isApiError(failure) ? failure.fieldErrors[0]?.path : undefined;
          const input = field ? formElement.elements.namedItem(field) : null;
          if (input instanceof HTMLInputElement) input.focus();
          else alertRef.current?.focus();
        },
      },
    );
  }

  return (
    <main className="sign-in" id="content">
      <div className="sign-in__card">
        <div className="sign-in__brand">
          <span className="brand-mark" aria-hidden="true">
            ص
          </span>
          <div>
            <p className="sign-in__product">{t("app.name")}</p>
            <p className="sign-in__tagline">{t("app.tagline")}</p>
          </div>
        </div>

        <h1 className="sign-in__title">
          {next?.step === "second_factor"
            ? t("signIn.codeTitle")
            : next?.step === "choose_association"
              ? t("signIn.chooseTitle")
              : t("signIn.title")}
        </h1>
        <p className="sign-in__intro">
          {next?.step === "second_factor"
            ? t("signIn.codeIntro")
            : next?.step === "choose_association"
              ? t("signIn.chooseIntro")
              : t("signIn.intro")}
        </p>

        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className={generalError ? "alert alert--error" : "alert"}
        >
          {generalError}
        </div>

        {next?.step === "choose_association" ? (
          <>
            <ul className="sign-in__choices">
              {next.associations.map((association) => (
                <li key={association.id}>
                  <button
                    type="button"
                    className="button button--secondary button--block"
                    onClick={() => onChoose(association.id)}
                    disabled={signIn.isPending}
                  >
                    <bdi>{association.name}</bdi>
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="button button--quiet" onClick={startAgain}>
              {t("signIn.back")}
            </button>
          </>
        ) : next?.step === "second_factor" ? (
          <form className="form" onSubmit={onCode} noValidate>
            <div className="field">
              <label className="field__label" htmlFor="sign-in-code">
                {t("signIn.code")}
              </label>
              <input
                id="sign-in-code"
                className="field__input"
                name="code"
                dir="ltr"
                autoComplete="one-time-code"
                inputMode="text"
                maxLength={20}
                aria-describedby={codeErrorId}
              />
              <p className="field__hint" id={codeErrorId}>
                {t("signIn.codeHint")}
              </p>
            </div>
            <button
              className="button button--primary button--block"
              type="submit"
              disabled={secondFactor.isPending}
            >
              {secondFactor.isPending ? t("signIn.submitting") : t("signIn.codeSubmit")}
            </button>
            <button type="button" className="button button--quiet" onClick={startAgain}>
              {t("signIn.back")}
            </button>
          </form>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate>
            <div className="field">
              <label className="field__label" htmlFor="sign-in-email">
                {t("signIn.email")}
              </label>
              <input
                id="sign-in-email"
                className="field__input"
                name="email"
                type="email"
                dir="ltr"
                autoComplete="username"
                inputMode="email"
                required
                aria-invalid={emailError ? true : undefined}
                aria-describedby={emailError ? emailErrorId : undefined}
              />
              {emailError ? (
                <p className="field__error" id={emailErrorId}>
                  {emailError}
                </p>
              ) : null}
            </div>

            <div className="field">
              <label className="field__label" htmlFor="sign-in-password">
                {t("signIn.password")}
              </label>
              <input
                id="sign-in-password"
                className="field__input"
                name="password"
                type="password"
                dir="ltr"
                autoComplete="current-password"
                required
                aria-invalid={passwordError ? true : undefined}
                aria-describedby={passwordError ? passwordErrorId : undefined}
              />
              {passwordError ? (
                <p className="field__error" id={passwordErrorId}>
                  {passwordError}
                </p>
              ) : null}
            </div>

            <button
              className="button button--primary button--block"
              type="submit"
              disabled={signIn.isPending}
            >
              {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
            </button>
          </form>
        )}
      </div>
    </main>
  );
}
