import { type FormEvent, useId, useState } from "react";
import { type ContactChannel, channelNames, contactChannels } from "../../../../shared/contracts/channels.js";
import type { InteractionView } from "../../../../shared/contracts/contacts.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useTimeline } from "../api/get-timeline.js";
import { useInteractions } from "../api/list-interactions.js";
import { useRecordInteraction } from "../api/record-interaction.js";
import type { Attachments } from "../attachments.js";
import { correspondenceDirectionLabels } from "../labels.js";
import { ChannelTag, CitationLink } from "./contact-facts.js";
import { AttachmentLinks, FilePicker } from "./file-picker.js";
import "./contacts.css";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";

type BeneficiaryContactsProps = {
  beneficiaryId: string;
  /** May record contacts and inquiries (the front line; the server checks the same). */
  canRecord: boolean;
  attachments: Attachments;
  /**
   * The channels the approved policy names (C1), in its order; empty before a policy is approved, when
   * every channel is offered. The server refuses the others, so the form never offers them.
   */
  channels?: readonly ContactChannel[];
};

/** A beneficiary's contacts: record one as it happens, and read the whole story beneath. */
export function BeneficiaryContacts({
  beneficiaryId,
  canRecord,
  attachments,
  channels = [],
}: BeneficiaryContactsProps) {
  const offered = channels.length > 0 ? channels : contactChannels;
  return (
    <div className="beneficiary-contacts">
      {canRecord ? (
        <RecordInteractionForm
          // A new policy's channels start the form afresh.
          key={offered.join(",")}
          beneficiaryId={beneficiaryId}
          attachments={attachments}
          channels={offered}
        />
      ) : null}
      <Timeline beneficiaryId={beneficiaryId} href={attachments.href} />
    </div>
  );
}

type Kind = InteractionView["kind"];
type Direction = InteractionView["direction"];

function RecordInteractionForm({
  beneficiaryId,
  attachments,
  channels,
}: {
  beneficiaryId: string;
  attachments: Attachments;
  channels: readonly ContactChannel[];
}) {
  const { t, locale, errorText } = useI18n();
  const record = useRecordInteraction();
  const ids = useId();
  const [kind, setKind] = useState<Kind>("contact");
  const [channel, setChannel] = useState<ContactChannel>(channels.includes("phone") ? "phone" : channels[0]!);
  const [direction, setDirection] = useState<Direction>("inbound");
  const [subject, setSubject] = useState("");
  const [summary, setSummary] = useState("");
  const [answer, setAnswer] = useState("");
  const [done, setDone] = useState<InteractionView | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const fieldError = (path: string) =>
    isApiError(record.error) ? record.error.fieldMessage(path)?.[locale] : undefined;
  const subjectError = fieldError("subject");
  const generalError = record.error && !subjectError ? errorText(record.error) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setUploadError(null);
    // The files first: the contact refers to them by id.
    let fileIds: string[] = [];
    if (files.length > 0) {
      setUploading(true);
      try {
        fileIds = (await Promise.all(files.map((file) => attachments.upload(file)))).map((file) => file.id);
      } catch (failure) {
        setUploadError(errorText(failure));
        return;
      } finally {
        setUploading(false);
      }
    }
    record.mutate(
      {
        beneficiaryId,
        kind,
        channel,
        direction,
        subject,
        summary: summary.trim() || undefined,
        answer: kind === "inquiry" && answer.trim() ? answer.trim() : undefined,
        fileIds,
      },
      {
        onSuccess: (interaction) => {
          setDone(interaction);
          setSubject("");
          setSummary("");
          setAnswer("");
          setFiles([]);
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
              {channels.map((value) => (
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

        <FilePicker
          label={t("contacts.record.attachments")}
          files={files}
          onChange={setFiles}
          multiple
          error={uploadError}
        />

        <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <p className="success" aria-live="polite">
          {done ? (
            done.routedTo && !done.answer ? (
              <>
                {t("contacts.record.saved")}{" "}
                <Interpolate
                  message={t("contacts.record.routed")}
                  values={{ name: done.routedTo.fullName }}
                />
              </>
            ) : (
              t("contacts.record.saved")
            )
          ) : null}
        </p>
        {done ? (
          <AttachmentLinks
            files={done.attachments}
            href={(fileId) => attachments.href(fileId, "contact_attachment")}
          />
        ) : null}

        <div>
          <button className="button button--primary" type="submit" disabled={record.isPending || uploading}>
            {uploading
              ? t("files.uploading")
              : record.isPending
                ? t("contacts.record.submitting")
                : t("contacts.record.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Timeline({ beneficiaryId, href }: { beneficiaryId: string; href: Attachments["href"] }) {
  const { t, locale, errorText } = useI18n();
  const timeline = useTimeline(beneficiaryId);
  // The timeline names a contact by reference; its attachments come with the contacts list.
  const interactions = useInteractions(beneficiaryId);
  const attachmentsOf = new Map(
    (interactions.data?.items ?? []).map((interaction) => [interaction.id, interaction.attachments]),
  );
  const ids = useId();

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("contacts.timeline.title")}
      </h2>
      {interactions.isSuccess && interactions.data.items.length > 0 ? (
        <ExportButtons path="/api/interactions/export" query={{ beneficiaryId }} />
      ) : null}
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
              <p className="timeline__title">
                <UserText>{item.title[locale]}</UserText>
              </p>
              <p className="timeline__meta">
                <DualDate value={item.at} withTime />
                {item.channel && item.direction ? (
                  <ChannelTag
                    channel={channelNames[item.channel][locale]}
                    direction={item.direction}
                    {...(item.kind === "correspondence"
                      ? {
                          directionLabel: t(
                            correspondenceDirectionLabels[
                              item.direction === "inbound" ? "incoming" : "outgoing"
                            ],
                          ),
                        }
                      : {})}
                  />
                ) : null}
                {item.referenceNumber ? (
                  <span>
                    {t("contacts.timeline.reference")}{" "}
                    <bdi dir="ltr" className="reference-number">
                      {item.referenceNumber}
                    </bdi>
                  </span>
                ) : null}
                {item.actor ? (
                  <span>
                    <Interpolate message={t("contacts.timeline.by")} values={{ name: item.actor }} />
                  </span>
                ) : null}
              </p>
              {item.detail ? (
                <p className="timeline__detail">
                  <UserText>{item.detail}</UserText>
                </p>
              ) : null}
              {item.citation ? <CitationLink citation={item.citation} href={href} /> : null}
              {item.ref?.type === "interaction" ? (
                <AttachmentLinks
                  files={attachmentsOf.get(item.ref.id) ?? []}
                  href={(fileId) => href(fileId, "contact_attachment")}
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
