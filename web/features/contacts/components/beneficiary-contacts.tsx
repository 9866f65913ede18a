import { type FormEvent, useId, useState } from "react";
import { type ContactChannel, channelNames, contactChannels } from "../../../../shared/contracts/channels.js";
import type { InteractionView } from "../../../../shared/contracts/contacts.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useTimeline } from "../api/get-timeline.js";
import { useRecordInteraction } from "../api/record-interaction.js";
import "./contacts.css";

type BeneficiaryContactsProps = {
  beneficiaryId: string;
  /** May record contacts and inquiries (the front line; the server checks the same). */
  canRecord: boolean;
};

/** A beneficiary's contacts: record one as it happens, and read the whole story beneath. */
export function BeneficiaryContacts({ beneficiaryId, canRecord }: BeneficiaryContactsProps) {
  return (
    <div className="beneficiary-contacts">
      {canRecord ? <RecordInteractionForm beneficiaryId={beneficiaryId} /> : null}
      <Timeline beneficiaryId={beneficiaryId} />
    </div>
  );
}

type Kind = InteractionView["kind"];
type Direction = InteractionView["direction"];

function RecordInteractionForm({ beneficiaryId }: { beneficiaryId: string }) {
  const { t, locale, errorText } = useI18n();
  const record = useRecordInteraction();
  const ids = useId();
  const [kind, setKind] = useState<Kind>("contact");
  const [channel, setChannel] = useState<ContactChannel>("phone");
  const [direction, setDirection] = useState<Direction>("inbound");
  const [subject, setSubject] = useState("");
  const [summary, setSummary] = useState("");
  const [answer, setAnswer] = useState("");
  const [done, setDone] = useState<InteractionView | null>(null);

  const fieldError = (path: string) =>
    isApiError(record.error) ? record.error.fieldMessage(path)?.[locale] : undefined;
  const subjectError = fieldError("subject");
  const generalError = record.error && !subjectError ? errorText(record.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    record.mutate(
      {
        beneficiaryId,
        kind,
        channel,
        direction,
        subject,
        summary: summary.trim() || undefined,
        answer: kind === "inquiry" && answer.trim() ? answer.trim() : undefined,
      },
      {
        onSuccess: (interaction) => {
          setDone(interaction);
          setSubject("");
          setSummary("");
          setAnswer("");
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("contacts.record.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">{t("contacts.record.kind")}</legend>
          <div className="choice-group__options">
            {(["contact", "inquiry"] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="interaction-kind"
                  value={value}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                {t(`contacts.kind.${value}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="contact-form__row">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-channel`}>
              {t("contacts.record.channel")}
            </label>
            <select
              id={`${ids}-channel`}
              className="field__input"
              value={channel}
              onChange={(event) => setChannel(event.target.value as ContactChannel)}
            >
              {contactChannels.map((value) => (
                <option key={value} value={value}>
                  {channelNames[value][locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-direction`}>
              {t("contacts.record.direction")}
            </label>
            <select
              id={`${ids}-direction`}
              className="field__input"
              value={direction}
              onChange={(event) => setDirection(event.target.value as Direction)}
            >
              {(["inbound", "outbound"] as const).map((value) => (
                <option key={value} value={value}>
                  {t(`contacts.direction.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-subject`}>
            {t("contacts.record.subject")}
          </label>
          <input
            id={`${ids}-subject`}
            className="field__input"
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            aria-invalid={subjectError ? true : undefined}
            aria-describedby={subjectError ? `${ids}-subject-error` : undefined}
          />
          {subjectError ? (
            <p className="field__error" id={`${ids}-subject-error`}>
              {subjectError}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-summary`}>
            {t("contacts.record.summary")}
          </label>
          <textarea
            id={`${ids}-summary`}
            className="field__input field__input--area"
            rows={3}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
          />
        </div>

        {kind === "inquiry" ? (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-answer`}>
              {t("contacts.record.answer")}
            </label>
            <textarea
              id={`${ids}-answer`}
              className="field__input field__input--area"
              rows={3}
              value={answer}
              onChange={(event) => setAnswer(event.target.value)}
              aria-describedby={`${ids}-answer-hint`}
            />
            <p className="field__hint" id={`${ids}-answer-hint`}>
              {t("contacts.record.answerHint")}
            </p>
          </div>
        ) : null}

        <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <p className="success" aria-live="polite">
          {done
            ? done.routedTo && !done.answer
              ? `${t("contacts.record.saved")} ${t("contacts.record.routed", { name: done.routedTo.fullName })}`
              : t("contacts.record.saved")
            : null}
        </p>

        <div>
          <button className="button button--primary" type="submit" disabled={record.isPending}>
            {record.isPending ? t("contacts.record.submitting") : t("contacts.record.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Timeline({ beneficiaryId }: { beneficiaryId: string }) {
  const { t, locale, errorText } = useI18n();
  const timeline = useTimeline(beneficiaryId);
  const ids = useId();

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("contacts.timeline.title")}
      </h2>
      {timeline.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {timeline.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(timeline.error)}{" "}
          <button type="button" className="button button--link" onClick={() => timeline.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      ) : null}
      {timeline.isSuccess && timeline.data.items.length === 0 ? (
        <p className="muted">{t("contacts.timeline.empty")}</p>
      ) : null}
      {timeline.isSuccess && timeline.data.items.length > 0 ? (
        <ol className="timeline" aria-label={t("contacts.timeline.title")}>
          {timeline.data.items.map((item) => (
            <li
              key={`${item.at}-${item.kind}-${item.ref?.id ?? item.title.en}`}
              className="timeline__item"
              data-kind={item.kind}
            >
              <p className="timeline__title">{item.title[locale]}</p>
              <p className="timeline__meta">
                <DualDate value={item.at} withTime />
                {item.actor ? <span>{t("contacts.timeline.by", { name: item.actor })}</span> : null}
              </p>
              {item.detail ? <p className="timeline__detail">{item.detail}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
