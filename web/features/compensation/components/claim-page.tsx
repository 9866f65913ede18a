import { type FormEvent, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { ClaimView } from "../../../../shared/contracts/complaints.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useApproveClaim } from "../api/approve-claim.js";
import { useClaim } from "../api/get-claim.js";
import { useRecordPayment } from "../api/record-payment.js";
import { useRecordProof } from "../api/record-proof.js";
import { useRecordRound } from "../api/record-round.js";
import { useRecordSettlement } from "../api/record-settlement.js";
import { claimEventLabel, claimStatusLabels, proofKindLabels, roundResponseLabels } from "../labels.js";
import { formatHalalas, halalasToRiyalsText, riyalsToHalalas } from "../money.js";
import "./compensation.css";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";

export type Approver = { id: string; name: string };

type ClaimPageProps = {
  /** Proof, rounds, settlement: the follow-up committee and senior management. */
  canManage: boolean;
  /** Approval and payment: senior management. */
  canApprove: boolean;
  /** Staff who may be named as having approved the investigation minutes. */
  approvers: readonly Approver[];
  /** Uploads one file and answers its id (the files feature, handed in by the app). */
  upload: (file: File) => Promise<{ id: string }>;
  /** Where to download a file, or null when the reader's role may not open it. */
  href: (fileId: string) => string | null;
};

/**
 * The reason to show for a refusal: the server names the field it refuses on (e.g. `proof`, with
 * the policy's words), else its general message.
 */
function useReason() {
  const { locale, errorText } = useI18n();
  return (error: unknown) => {
    if (isApiError(error) && error.fieldErrors[0]) return error.fieldErrors[0].message[locale];
    return errorText(error);
  };
}

function Alert({ error }: { error: unknown }) {
  const reason = useReason();
  return (
    <div role="alert" className={error ? "alert alert--error" : "alert"}>
      {error ? reason(error) : null}
    </div>
  );
}

/** One compensation claim: its proof, the negotiation, the settlement, the approval and the payments. */
export function ClaimPage({ canManage, canApprove, approvers, upload, href }: ClaimPageProps) {
  const { claimId = "" } = useParams();
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const query = useClaim(claimId);
  const claim = query.data;

  if (query.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (!claim) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(query.error)}
      </div>
    );
  }
  const approved = claim.approvedAmount !== null;
  const money = (halalas: number | null) => (halalas === null ? "—" : formatHalalas(halalas, locale));

  return (
    <section className="page claim-page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/compensation">{t("compensation.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          <Interpolate message={t("compensation.claim.title")} values={{ name: claim.claimantName }} />
        </h1>
        <p>
          <span className="status-chip" data-status={claim.status}>
            {t(claimStatusLabels[claim.status])}
          </span>
        </p>
      </header>

      <section className="card" aria-labelledby={`${ids}-about`}>
        <h2 id={`${ids}-about`} className="card__title">
          {t("compensation.claim.about")}
        </h2>
        <p className="claim-page__text">
          {claim.description === null ? <Withheld /> : <UserText>{claim.description}</UserText>}
        </p>
        <dl className="facts facts--grid">
          <Fact label={t("compensation.field.openedAt")}>
            <DualDate value={claim.createdAt} />
          </Fact>
          {claim.complaintId ? (
            <Fact label={t("compensation.field.complaint")}>
              <Link to={`/complaints/${claim.complaintId}`}>{t("compensation.open.viewComplaint")}</Link>
            </Fact>
          ) : null}
          <Fact label={t("compensation.field.settled")}>{money(claim.settledAmount)}</Fact>
          <Fact label={t("compensation.field.approved")}>{money(claim.approvedAmount)}</Fact>
          <Fact label={t("compensation.field.paid")}>{money(claim.paidAmount)}</Fact>
          {approved ? (
            <Fact label={t("compensation.field.remaining")}>
              <span data-amount="remaining">{money((claim.approvedAmount ?? 0) - claim.paidAmount)}</span>
            </Fact>
          ) : null}
        </dl>
      </section>

      <ProofSection
        claim={claim}
        canManage={canManage && !approved}
        approvers={approvers}
        upload={upload}
        href={href}
      />

      {canManage && !approved ? <RoundForm claimId={claim.id} /> : null}
      {claim.settlementTerms ? (
        <section className="card">
          <h2 className="card__title">{t("compensation.settlement.title")}</h2>
          <p className="claim-page__text">
            <UserText>{claim.settlementTerms}</UserText>
          </p>
          <p>{money(claim.settledAmount)}</p>
        </section>
      ) : null}
      {canManage && !approved ? <SettlementForm claimId={claim.id} /> : null}
      {canApprove && !approved ? <ApproveForm claim={claim} /> : null}
      {canApprove && approved && claim.paidAmount < (claim.approvedAmount ?? 0) ? (
        <PaymentForm claim={claim} />
      ) : null}

      <section className="card" aria-labelledby={`${ids}-events`}>
        <h2 id={`${ids}-events`} className="card__title">
          {t("compensation.claim.events")}
        </h2>
        <ol className="timeline" aria-label={t("compensation.claim.events")}>
          {claim.events.map((event) => (
            <li
              key={`${event.at}-${event.kind}-${event.note ?? ""}`}
              className="timeline__item"
              data-kind={event.kind.split(":")[0]}
            >
              <span className="timeline__title">
                {t(claimEventLabel(event.kind))}
                {event.amount !== null ? ` — ${money(event.amount)}` : null}
                {event.response && event.response in roundResponseLabels
                  ? ` — ${t(roundResponseLabels[event.response as keyof typeof roundResponseLabels])}`
                  : null}
                {event.reference?.startsWith("counter:")
                  ? ` (${t("compensation.round.counterAmount")}: ${money(Number(event.reference.slice(8)))})`
                  : null}
              </span>
              <span className="timeline__meta">
                <DualDate value={event.at} withTime />
                {event.reference && !event.reference.startsWith("counter:") ? (
                  <bdi dir="ltr">{event.reference}</bdi>
                ) : null}
              </span>
              {event.note ? (
                <p className="timeline__detail">
                  <UserText>{event.note}</UserText>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </section>
  );
}

function ProofSection({
  claim,
  canManage,
  approvers,
  upload,
  href,
}: {
  claim: ClaimView;
  canManage: boolean;
  approvers: readonly Approver[];
  upload: ClaimPageProps["upload"];
  href: ClaimPageProps["href"];
}) {
  const { t } = useI18n();
  const ids = useId();
  const proof = claim.proof;
  const name = (id: string) => approvers.find((person) => person.id === id)?.name;
  return (
    <section className="card" aria-labelledby={`${ids}-proof`}>
      <h2 id={`${ids}-proof`} className="card__title">
        {t("compensation.proof.title")}
      </h2>
      {claim.withheld.includes("compensation.harm") ? (
        <p>
          <Withheld />
        </p>
      ) : proof === null ? (
        <p className="notice">{t("compensation.proof.none")}</p>
      ) : null}
      {proof?.kind === "investigation_minutes" ? (
        <dl className="facts facts--grid proof-facts">
          <Fact label={t("compensation.proof.kind")}>{t(proofKindLabels[proof.kind])}</Fact>
          <Fact label={t("compensation.proof.date")}>
            <CalendarDate value={proof.date} />
          </Fact>
          <Fact label={t("compensation.proof.harm")}>{proof.harm}</Fact>
          <Fact label={t("compensation.proof.harmSize")}>{proof.harmSize}</Fact>
          <Fact label={t("compensation.proof.causes")}>{proof.causes}</Fact>
          <Fact label={t("compensation.proof.approvedBy")}>
            {t("compensation.proof.members", { count: String(proof.approvedBy.length) })}
            {proof.approvedBy.some(name) ? (
              <>
                {" ("}
                {proof.approvedBy
                  .map(name)
                  .filter(Boolean)
                  .map((member, index) => (
                    <span key={member}>
                      {index > 0 ? "، " : null}
                      <UserText>{member}</UserText>
                    </span>
                  ))}
                {")"}
              </>
            ) : null}
          </Fact>
        </dl>
      ) : null}
      {proof?.kind === "judicial_ruling" ? (
        <dl className="facts facts--grid proof-facts">
          <Fact label={t("compensation.proof.kind")}>{t(proofKindLabels[proof.kind])}</Fact>
          <Fact label={t("compensation.proof.number")}>
            <bdi>{proof.number}</bdi>
          </Fact>
          <Fact label={t("compensation.proof.date")}>
            <CalendarDate value={proof.date} />
          </Fact>
          <Fact label={t("compensation.proof.authority")}>{proof.authority}</Fact>
          {proof.fileId ? (
            <Fact label={t("compensation.proof.document")}>
              {href(proof.fileId) ? (
                <a href={href(proof.fileId) ?? undefined}>{t("compensation.proof.openDocument")}</a>
              ) : (
                <Withheld />
              )}
            </Fact>
          ) : null}
        </dl>
      ) : null}
      {canManage ? (
        <ProofForm claimId={claim.id} approvers={approvers} upload={upload} replacing={proof !== null} />
      ) : null}
    </section>
  );
}

function ProofForm({
  claimId,
  approvers,
  upload,
  replacing,
}: {
  claimId: string;
  approvers: readonly Approver[];
  upload: ClaimPageProps["upload"];
  replacing: boolean;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const record = useRecordProof(claimId);
  const [kind, setKind] = useState<"investigation_minutes" | "judicial_ruling">("investigation_minutes");
  const [date, setDate] = useState("");
  const [harm, setHarm] = useState("");
  const [harmSize, setHarmSize] = useState("");
  const [causes, setCauses] = useState("");
  const [approvedBy, setApprovedBy] = useState<string[]>([]);
  const [number, setNumber] = useState("");
  const [authority, setAuthority] = useState("");
  const [document, setDocument] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const error = (path: string) =>
    isApiError(record.error) ? record.error.fieldMessage(path)?.[locale] : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploadError(null);
    if (kind === "investigation_minutes") {
      record.mutate({ kind, date: dateFieldValue(date) ?? "", harm, harmSize, causes, approvedBy });
      return;
    }
    if (!document) {
      setUploadError(t("compensation.proof.documentRequired"));
      return;
    }
    let fileId: string;
    setUploading(true);
    try {
      fileId = (await upload(document)).id;
    } catch (failure) {
      setUploadError(errorText(failure));
      return;
    } finally {
      setUploading(false);
    }
    record.mutate({ kind, number, date: dateFieldValue(date) ?? "", authority, fileId });
  }

  const text = (key: string, label: string, value: string, set: (value: string) => void, area = false) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {label}
      </label>
      {area ? (
        <textarea
          id={`${ids}-${key}`}
          className="field__input field__input--area"
          value={value}
          onChange={(event) => set(event.target.value)}
          aria-invalid={error(key) ? true : undefined}
        />
      ) : (
        <input
          id={`${ids}-${key}`}
          className="field__input"
          type="text"
          value={value}
          onChange={(event) => set(event.target.value)}
          aria-invalid={error(key) ? true : undefined}
        />
      )}
      {error(key) ? <p className="field__error">{error(key)}</p> : null}
    </div>
  );

  return (
    <form className="form proof-form" onSubmit={onSubmit} noValidate>
      <h3 className="card__label">
        {replacing ? t("compensation.proof.replace") : t("compensation.proof.record")}
      </h3>
      <fieldset className="choice-group">
        <legend className="field__label">{t("compensation.proof.kind")}</legend>
        <div className="choice-group__options">
          {(["investigation_minutes", "judicial_ruling"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${ids}-kind`}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(proofKindLabels[value])}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "investigation_minutes" ? (
        <>
          <DateField
            id={`${ids}-date`}
            label={t("compensation.proof.minutesDate")}
            value={date}
            onChange={(value) => setDate(value)}
            error={error("date")}
            notAfterToday
          />
          {text("harm", t("compensation.proof.harm"), harm, setHarm, true)}
          {text("harmSize", t("compensation.proof.harmSize"), harmSize, setHarmSize)}
          {text("causes", t("compensation.proof.causes"), causes, setCauses, true)}
          <fieldset className="choice-group" aria-invalid={error("approvedBy") ? true : undefined}>
            <legend className="field__label">{t("compensation.proof.approvedBy")}</legend>
            <div className="choice-group__options">
              {approvers.map((person) => (
                <label key={person.id} className="choice">
                  <input
                    type="checkbox"
                    checked={approvedBy.includes(person.id)}
                    onChange={(event) =>
                      setApprovedBy(
                        event.target.checked
                          ? [...approvedBy, person.id]
                          : approvedBy.filter((id) => id !== person.id),
                      )
                    }
                  />
                  <UserText>{person.name}</UserText>
                </label>
              ))}
            </div>
            {error("approvedBy") ? <p className="field__error">{error("approvedBy")}</p> : null}
          </fieldset>
        </>
      ) : (
        <>
          {text("number", t("compensation.proof.number"), number, setNumber)}
          <DateField
            id={`${ids}-date`}
            label={t("compensation.proof.rulingDate")}
            value={date}
            onChange={(value) => setDate(value)}
            error={error("date")}
            notAfterToday
          />
          {text("authority", t("compensation.proof.authority"), authority, setAuthority)}
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-document`}>
              {t("compensation.proof.document")}
            </label>
            <input
              id={`${ids}-document`}
              className="field__input"
              type="file"
              accept="application/pdf,image/jpeg,image/png,image/webp"
              onChange={(event) => setDocument(event.target.files?.[0] ?? null)}
              aria-invalid={uploadError || error("fileId") ? true : undefined}
            />
            <p className="field__hint">{t("files.hint")}</p>
            {uploadError || error("fileId") ? (
              <p className="field__error">{uploadError ?? error("fileId")}</p>
            ) : null}
          </div>
        </>
      )}
      <Alert
        error={record.error && !error("date") && !error("harm") && !error("causes") ? record.error : null}
      />
      <p className="success" aria-live="polite">
        {record.isSuccess ? t("compensation.proof.saved") : null}
      </p>
      <div>
        <button className="button button--secondary" type="submit" disabled={record.isPending || uploading}>
          {uploading ? t("files.uploading") : t("compensation.proof.submit")}
        </button>
      </div>
    </form>
  );
}

function AmountField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="amount-input">
        <input
          id={id}
          className="field__input"
          inputMode="decimal"
          dir="ltr"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-unit`}
        />
        <span className="amount-input__unit" id={`${id}-unit`}>
          {t("compensation.riyal")}
        </span>
      </div>
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}

/** Reads a riyal amount, or answers the words to show beside the field. */
function useAmount() {
  const { t } = useI18n();
  return (text: string): { halalas: number } | { problem: string } => {
    const halalas = riyalsToHalalas(text);
    return halalas === null ? { problem: t("compensation.amountInvalid") } : { halalas };
  };
}

function RoundForm({ claimId }: { claimId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const record = useRecordRound(claimId);
  const amount = useAmount();
  const [offer, setOffer] = useState("");
  const [response, setResponse] = useState<"accepted" | "rejected" | "counter">("counter");
  const [counter, setCounter] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<{ offer?: string; counter?: string }>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const offerAmount = amount(offer);
    const counterAmount = response === "counter" ? amount(counter) : null;
    const found = {
      offer: "problem" in offerAmount ? offerAmount.problem : undefined,
      counter: counterAmount && "problem" in counterAmount ? counterAmount.problem : undefined,
    };
    setProblems(found);
    if (!("halalas" in offerAmount) || found.counter) return;
    record.mutate(
      {
        offerAmount: offerAmount.halalas,
        response,
        counterAmount: counterAmount && "halalas" in counterAmount ? counterAmount.halalas : undefined,
        note: note.trim() || undefined,
      },
      {
        onSuccess: () => {
          setOffer("");
          setCounter("");
          setNote("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={`${ids}-round`}>
      <h2 id={`${ids}-round`} className="card__title">
        {t("compensation.round.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="claim-form__row">
          <AmountField
            id={`${ids}-offer`}
            label={t("compensation.round.offer")}
            value={offer}
            onChange={setOffer}
            error={problems.offer}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-response`}>
              {t("compensation.round.response")}
            </label>
            <select
              id={`${ids}-response`}
              className="field__input"
              value={response}
              onChange={(event) => setResponse(event.target.value as typeof response)}
            >
              {(["accepted", "rejected", "counter"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(roundResponseLabels[value])}
                </option>
              ))}
            </select>
          </div>
          {response === "counter" ? (
            <AmountField
              id={`${ids}-counter`}
              label={t("compensation.round.counterAmount")}
              value={counter}
              onChange={setCounter}
              error={problems.counter}
            />
          ) : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-note`}>
            {t("compensation.round.note")}
            <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
          </label>
          <input
            id={`${ids}-note`}
            className="field__input"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
        <Alert error={record.error} />
        <div>
          <button className="button button--secondary" type="submit" disabled={record.isPending}>
            {t("compensation.round.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function SettlementForm({ claimId }: { claimId: string }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const record = useRecordSettlement(claimId);
  const amount = useAmount();
  const [terms, setTerms] = useState("");
  const [sum, setSum] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const termsError = isApiError(record.error) ? record.error.fieldMessage("terms")?.[locale] : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = amount(sum);
    setProblem("problem" in read ? read.problem : undefined);
    if ("halalas" in read) record.mutate({ terms, amount: read.halalas });
  }

  return (
    <section className="card" aria-labelledby={`${ids}-settle`}>
      <h2 id={`${ids}-settle`} className="card__title">
        {t("compensation.settlement.record")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t("compensation.settlement.terms")}
          value={terms}
          onChange={setTerms}
          error={termsError}
        />
        <AmountField
          id={`${ids}-amount`}
          label={t("compensation.settlement.amount")}
          value={sum}
          onChange={setSum}
          error={problem}
        />
        <Alert error={record.error && !termsError ? record.error : null} />
        <div>
          <button className="button button--secondary" type="submit" disabled={record.isPending}>
            {t("compensation.settlement.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function ApproveForm({ claim }: { claim: ClaimView }) {
  const { t } = useI18n();
  const ids = useId();
  const approve = useApproveClaim(claim.id);
  const amount = useAmount();
  const [sum, setSum] = useState(
    claim.settledAmount === null ? "" : halalasToRiyalsText(claim.settledAmount),
  );
  const [problem, setProblem] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = amount(sum);
    setProblem("problem" in read ? read.problem : undefined);
    if ("halalas" in read) approve.mutate({ amount: read.halalas });
  }

  return (
    <section className="card" aria-labelledby={`${ids}-approve`}>
      <h2 id={`${ids}-approve`} className="card__title">
        {t("compensation.approve.title")}
      </h2>
      <p className="field__hint">{t("compensation.approve.hint")}</p>
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <AmountField
          id={`${ids}-amount`}
          label={t("compensation.approve.amount")}
          value={sum}
          onChange={setSum}
          error={problem}
        />
        <button className="button button--primary" type="submit" disabled={approve.isPending}>
          {t("compensation.approve.submit")}
        </button>
      </form>
      <Alert error={approve.error} />
    </section>
  );
}

function PaymentForm({ claim }: { claim: ClaimView }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const pay = useRecordPayment(claim.id);
  const amount = useAmount();
  const remaining = (claim.approvedAmount ?? 0) - claim.paidAmount;
  const [sum, setSum] = useState(halalasToRiyalsText(remaining));
  const [reference, setReference] = useState("");
  const [problem, setProblem] = useState<string | undefined>();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = amount(sum);
    const above = "halalas" in read && read.halalas > remaining;
    setProblem(
      "problem" in read
        ? read.problem
        : above
          ? t("compensation.payment.above", { remaining: formatHalalas(remaining, locale) })
          : undefined,
    );
    if ("halalas" in read && !above) {
      pay.mutate(
        { amount: read.halalas, reference },
        {
          onSuccess: (updated) => {
            setReference("");
            setSum(halalasToRiyalsText((updated.approvedAmount ?? 0) - updated.paidAmount));
          },
        },
      );
    }
  }

  return (
    <section className="card" aria-labelledby={`${ids}-pay`}>
      <h2 id={`${ids}-pay`} className="card__title">
        {t("compensation.payment.title")}
      </h2>
      <p>{t("compensation.payment.remaining", { remaining: formatHalalas(remaining, locale) })}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="claim-form__row">
          <AmountField
            id={`${ids}-amount`}
            label={t("compensation.payment.amount")}
            value={sum}
            onChange={setSum}
            error={problem}
          />
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-reference`}>
              {t("compensation.payment.reference")}
            </label>
            <input
              id={`${ids}-reference`}
              className="field__input"
              dir="auto"
              value={reference}
              onChange={(event) => setReference(event.target.value)}
            />
          </div>
        </div>
        <Alert error={pay.error} />
        <div>
          <button className="button button--primary" type="submit" disabled={pay.isPending}>
            {t("compensation.payment.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
