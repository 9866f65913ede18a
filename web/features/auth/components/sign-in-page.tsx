import { type FormEvent, useId, useRef } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useSession } from "../api/get-session.js";
import { useSignIn } from "../api/sign-in.js";
import "./sign-in-page.css";

type FromState = { from?: string } | null;

export function SignInPage() {
  const { t, locale, errorText } = useI18n();
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const alertRef = useRef<HTMLDivElement>(null);
  const emailErrorId = useId();
  const passwordErrorId = useId();

  const from = (location.state as FromState)?.from ?? "/";
  if (session.data) return <Navigate to={from} replace />;

  const error = signIn.error;
  const fieldError = (path: string) => (isApiError(error) ? error.fieldMessage(path)?.[locale] : undefined);
  const emailError = fieldError("email");
  const passwordError = fieldError("password");
  // A field-level problem is shown beside its field; the alert carries the rest.
  const generalError = error && !emailError && !passwordError ? errorText(error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    signIn.mutate(
      { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
      {
        onSuccess: () => navigate(from, { replace: true }),
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

        <h1 className="sign-in__title">{t("signIn.title")}</h1>
        <p className="sign-in__intro">{t("signIn.intro")}</p>

        <div
          ref={alertRef}
          tabIndex={-1}
          role="alert"
          className={generalError ? "alert alert--error" : "alert"}
        >
          {generalError}
        </div>

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

          <button className="button button--primary button--block" type="submit" disabled={signIn.isPending}>
            {signIn.isPending ? t("signIn.submitting") : t("signIn.submit")}
          </button>
        </form>
      </div>
    </main>
  );
}
