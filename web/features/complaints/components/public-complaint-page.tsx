import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import type { complaintReceiptSchema } from "../../../../shared/contracts/complaints.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useFilePublicComplaint } from "../api/file-public-complaint.js";
import { useComplaintChallenge } from "../api/get-complaint-challenge.js";
import { expiresSoon, useProof } from "../proof/use-proof.js";
import { type ComplaintDraft, ComplaintFields, draftBody, emptyDraft } from "./complaint-fields.js";
import "./complaints.css";

type Receipt = z.infer<typeof complaintReceiptSchema>;

/**
 * «تقديم شكوى»: the association's public complaint page (Q1). No account; a proof of work the
 * browser solves while the person writes (ALTCHA, no third party; ADR 0012), and a field no person
 * sees, which only a robot fills.
 */
export function PublicComplaintPage() {
  const { slug = "" } = useParams();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  return (
    <main className="public-page" id="content">
      <header className="public-page__brand">
        <span className="brand-mark" aria-hidden="true">
          ص
        </span>
        <PublicBrand slug={slug} />
      </header>
      {receipt ? (
        <ComplaintReceipt receipt={receipt} onAnother={() => setReceipt(null)} />
      ) : (
        <PublicComplaintForm slug={slug} onFiled={setReceipt} />
      )}
    </main>
  );
}

function PublicBrand({ slug }: { slug: string }) {
  const { t, locale } = useI18n();
  const association = useComplaintChallenge(slug).data?.association;
  const name = association
    ? locale === "en" && association.nameEn
      ? association.nameEn
      : association.nameAr
    : null;
  return (
    <div className="public-page__names">
      <span className="public-page__product">{name ?? t("app.name")}</span>
      <span className="muted">{t("complaints.public.brandLine")}</span>
    </div>
  );
}

function PublicComplaintForm({ slug, onFiled }: { slug: string; onFiled: (receipt: Receipt) => void }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const challenge = useComplaintChallenge(slug);
  const proof = useProof(challenge.isFetching ? undefined : challenge.data?.challenge);
  const file = useFilePublicComplaint(slug);
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [website, setWebsite] = useState("");
  // Sent while the check was still running: it goes as soon as the check completes.
  const [waiting, setWaiting] = useState(false);

  const error = (path: string) =>
    isApiError(file.error) ? file.error.fieldMessage(path)?.[locale] : undefined;
  const known = ["category", "subject", "details", "name", "phone", "email", "notifyBy", "altcha"];
  // A field the server named is marked beside the field, never in the alert.
  const marked =
    isApiError(file.error) && file.error.fieldErrors.some((fieldError) => known.includes(fieldError.path));
  const generalError = file.error && !marked ? errorText(file.error) : null;

  // Take the keyboard to the first problem, as the sign-in page does.
  useEffect(() => {
    if (!file.error) return;
    const first = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"] input, input[aria-invalid="true"], textarea[aria-invalid="true"], .human-check[aria-invalid="true"]',
    );
    (first ?? formRef.current?.querySelector<HTMLElement>("[role='alert']"))?.focus();
  }, [file.error]);

  const send = (payload: string) => {
    setWaiting(false);
    file.mutate(
      { ...draftBody(draft), altcha: payload, website },
      {
        onSuccess: (receipt) => {
          onFiled(receipt);
          window.scrollTo({ top: 0 });
        },
        // Each solution is accepted once: after a send, whatever its outcome, a fresh challenge
        // (a failed send may have spent it; another complaint from this page needs its own).
        onSettled: () => challenge.refetch(),
      },
    );
  };

  useEffect(() => {
    if (!waiting) return;
    if (proof.state === "ready") send(proof.payload);
    // The check could not run: stop waiting, so the person sees why and can try again.
    else if (proof.state === "failed" || challenge.isError) setWaiting(false);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file.isPending) return;
    if (proof.state === "ready" && !expiresSoon(proof.challenge)) {
      send(proof.payload);
      return;
    }
    if (proof.state === "ready" || proof.state === "failed" || challenge.isError) challenge.refetch();
    setWaiting(true);
  }

  const checkState = proof.state === "ready" ? "ready" : proof.state === "failed" ? "failed" : "solving";
  const checkError = error("altcha");

  // The platform operator suspended the association: nothing can be filed, and the page says so.
  if (isApiError(challenge.error) && challenge.error.code === "association_suspended") {
    return (
      <section className="public-card" aria-labelledby={`${ids}-title`}>
        <header className="public-card__header">
          <h1 id={`${ids}-title`} className="page__title">
            {t("complaints.public.title")}
          </h1>
          <p className="alert alert--error" role="alert">
            {t("complaints.public.unavailable")}
          </p>
        </header>
      </section>
    );
  }

  return (
    <section className="public-card" aria-labelledby={`${ids}-title`}>
      <header className="public-card__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("complaints.public.title")}
        </h1>
        <p className="page__lead">{t("complaints.public.intro")}</p>
        <p className="public-card__privacy">{t("complaints.public.privacy")}</p>
      </header>

      <form ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        <ComplaintFields draft={draft} onChange={setDraft} error={error} />

        <div
          className="field human-check"
          id={`${ids}-check`}
          data-testid="human-check"
          data-state={checkState}
          tabIndex={-1}
          aria-invalid={checkError ? true : undefined}
          aria-describedby={`${ids}-check-label ${ids}-check-hint${checkError ? ` ${ids}-check-error` : ""}`}
        >
          <span className="field__label" id={`${ids}-check-label`}>
            {t("complaints.public.check")}
          </span>
          <p className="human-check__status" role="status">
            <span className={`human-check__mark human-check__mark--${checkState}`} aria-hidden="true" />
            {checkState === "ready"
              ? t("complaints.public.checkReady")
              : checkState === "failed"
                ? t("complaints.public.checkFailed")
                : t("complaints.public.checkSolving")}
          </p>
          <p className="field__hint" id={`${ids}-check-hint`}>
            {t("complaints.public.checkHint")}
          </p>
          {checkError ? (
            <p className="field__error" id={`${ids}-check-error`}>
              {checkError}
            </p>
          ) : null}
          {challenge.isError || proof.state === "failed" ? (
            <p className="field__error">
              {challenge.isError ? <>{errorText(challenge.error)} </> : null}
              <button type="button" className="button button--link" onClick={() => challenge.refetch()}>
                {t("common.retry")}
              </button>
            </p>
          ) : null}
        </div>

        {/* Never seen nor reached by a person; a robot filling every field fills this one too. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${ids}-website`}>{t("complaints.public.honeypot")}</label>
          <input
            id={`${ids}-website`}
            name="website"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(event) => setWebsite(event.target.value)}
          />
        </div>

        <div role="alert" tabIndex={-1} className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <p className="muted" aria-live="polite">
          {waiting ? t("complaints.public.checkWaiting") : null}
        </p>
        <button
          className="button button--primary button--block"
          type="submit"
          disabled={file.isPending || waiting}
        >
          {file.isPending || waiting ? t("complaints.public.sending") : t("complaints.public.submit")}
        </button>
      </form>
    </section>
  );
}

/** What the person keeps: the reference number, the due date and the tracking link. */
function ComplaintReceipt({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t } = useI18n();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const link = `${window.location.origin}${receipt.trackingPath}`;

  useEffect(() => heading.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      // No clipboard (an old browser, a refused permission): select the link to copy by hand.
      document.getElementById(`${ids}-link`)?.focus();
      (document.getElementById(`${ids}-link`) as HTMLInputElement | null)?.select();
      setCopied("no");
    }
  }

  return (
    <section className="public-card receipt" aria-labelledby={`${ids}-title`}>
      <div className="receipt__mark" aria-hidden="true">
        ✓
      </div>
      <h1 id={`${ids}-title`} className="page__title" ref={heading} tabIndex={-1}>
        {t("complaints.receipt.title")}
      </h1>
      <p className="page__lead">{t("complaints.receipt.intro")}</p>

      <div className="receipt__reference">
        <span className="receipt__label">{t("complaints.receipt.reference")}</span>
        <bdi dir="ltr" className="receipt__number reference-number">
          {receipt.referenceNumber}
        </bdi>
      </div>

      <div className="receipt__due">
        <span className="receipt__label">{t("complaints.receipt.due")}</span>
        <CalendarDate value={receipt.dueDate} />
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${ids}-link`}>
          {t("complaints.receipt.link")}
        </label>
        <div className="copy-field">
          <input
            id={`${ids}-link`}
            className="field__input copy-field__input"
            dir="ltr"
            readOnly
            value={link}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button button--secondary" onClick={copy}>
            {t("complaints.receipt.copy")}
          </button>
        </div>
        <p className="success" aria-live="polite">
          {copied === "yes" ? t("complaints.receipt.copied") : null}
          {copied === "no" ? t("complaints.receipt.copyByHand") : null}
        </p>
        <p className="field__hint">{t("complaints.receipt.keep")}</p>
      </div>

      <div className="form-actions">
        <Link className="button button--primary" to={receipt.trackingPath}>
          {t("complaints.receipt.open")}
        </Link>
        <button type="button" className="button button--quiet" onClick={onAnother}>
          {t("complaints.receipt.another")}
        </button>
      </div>
    </section>
  );
}
