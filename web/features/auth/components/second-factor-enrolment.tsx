import QRCode from "qrcode";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type {
  ConfirmEnrolmentResponse,
  SecondFactorEnrolment as Enrolment,
} from "../../../../shared/contracts/auth.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useConfirmEnrolment, useFinishEnrolment } from "../api/confirm-enrolment.js";
import { useStartEnrolment } from "../api/start-enrolment.js";
import "./second-factor.css";

/** The key in groups of four, as authenticator apps show it, easier to type without a mistake. */
function groupKey(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

function QrImage({ uri }: { uri: string }) {
  const { t } = useI18n();
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((markup) => {
      if (live) setSvg(markup);
    });
    return () => {
      live = false;
    };
  }, [uri]);
  if (!svg) return null;
  return (
    <img
      className="second-factor__qr"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      alt={t("secondFactor.qrAlt")}
      width={208}
      height={208}
    />
  );
}

/**
 * Enrolling an authenticator app: a key (QR code and text), the first code to confirm it, then the
 * recovery codes, shown this once, until the person says they kept them.
 */
export function SecondFactorEnrolment() {
  const { t, locale, errorText } = useI18n();
  const start = useStartEnrolment();
  const confirm = useConfirmEnrolment();
  const finish = useFinishEnrolment();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [confirmed, setConfirmed] = useState<ConfirmEnrolmentResponse | null>(null);
  const codeErrorId = useId();
  const alertRef = useRef<HTMLDivElement>(null);
  const codesRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirmed) codesRef.current?.focus();
  }, [confirmed]);

  if (confirmed) {
    return (
      <section className="second-factor__codes" aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="second-factor__heading" tabIndex={-1} ref={codesRef}>
          {t("secondFactor.recoveryTitle")}
        </h2>
        <p>{t("secondFactor.recoveryIntro")}</p>
        <ol className="second-factor__code-list" aria-label={t("secondFactor.recoveryTitle")}>
          {confirmed.recoveryCodes.map((code) => (
            <li key={code}>
              <bdi dir="ltr">{code}</bdi>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--primary" onClick={() => finish(confirmed.session)}>
          {t("secondFactor.recoverySaved")}
        </button>
      </section>
    );
  }

  const failure = start.error ?? confirm.error;
  const codeError = isApiError(confirm.error) ? confirm.error.fieldMessage("code")?.[locale] : undefined;
  const generalError = failure && !codeError ? errorText(failure) : null;

  function onStart() {
    start.mutate(undefined, {
      onSuccess: setEnrolment,
      onError: () => alertRef.current?.focus(),
    });
  }

  function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("code");
    const code = input instanceof HTMLInputElement ? input.value : "";
    confirm.mutate(
      { code },
      {
        onSuccess: setConfirmed,
        onError: () => {
          if (input instanceof HTMLInputElement) input.focus();
        },
      },
    );
  }

  return (
    <div className="second-factor">
      <div
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className={generalError ? "alert alert--error" : "alert"}
      >
        {generalError}
      </div>
      {enrolment ? (
        <>
          <p>{t("secondFactor.scan")}</p>
          <div className="second-factor__key-block">
            <QrImage uri={enrolment.uri} />
            <div>
              <p className="field__label">{t("secondFactor.key")}</p>
              <p className="second-factor__key">
                <bdi dir="ltr" data-testid="second-factor-key">
                  {groupKey(enrolment.secret)}
                </bdi>
              </p>
            </div>
          </div>
          <form className="form" onSubmit={onConfirm} noValidate>
            <div className="field">
              <label className="field__label" htmlFor="enrolment-code">
                {t("secondFactor.code")}
              </label>
              <input
                id="enrolment-code"
                className="field__input second-factor__code-input"
                name="code"
                dir="ltr"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={12}
                aria-invalid={codeError ? true : undefined}
                aria-describedby={codeError ? codeErrorId : undefined}
              />
              {codeError ? (
                <p className="field__error" id={codeErrorId}>
                  {codeError}
                </p>
              ) : null}
            </div>
            <button className="button button--primary" type="submit" disabled={confirm.isPending}>
              {confirm.isPending ? t("secondFactor.confirming") : t("secondFactor.confirm")}
            </button>
          </form>
        </>
      ) : (
        <button type="button" className="button button--primary" onClick={onStart} disabled={start.isPending}>
          {t("secondFactor.start")}
        </button>
      )}
    </div>
  );
}
