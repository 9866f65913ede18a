import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { z } from "zod";
import { channelNames } from "../../../../shared/contracts/channels.js";
import { type ComplaintView, complaintOutcomeSchema } from "../../../../shared/contracts/complaints.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Fact } from "../../../components/ui/fact.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useAddComplaintNote } from "../api/add-complaint-note.js";
import { useAssignComplaint } from "../api/assign-complaint.js";
import { useCloseComplaint } from "../api/close-complaint.js";
import { useDirectComplaint } from "../api/direct-complaint.js";
import { useComplaint } from "../api/get-complaint.js";
import { categoryLabels, outcomeLabels, stepLabel } from "../labels.js";
import { ComplaintBadges } from "./complaints-page.js";
import "./complaints.css";
import { PhoneNumbers } from "../../../components/ui/phone-numbers.js";
import { Interpolate, UserText, UserTextOr } from "../../../components/ui/user-text.js";

type Outcome = z.infer<typeof complaintOutcomeSchema>;
export type Assignee = { id: string; name: string };

type ComplaintPageProps = {
  /** Notes, contacts and closing: the follow-up committee, senior management, the administrator. */
  canHandle: boolean;
  canAssign: boolean;
  /** Senior management comments on and directs the handling (S3). */
  canDirect?: boolean;
  /** Who the complaint may be given to; the app offers only the signed-in member when it cannot list staff. */
  assignees: readonly Assignee[];
  /** Where to download a file, or null when the reader's role may not open it. */
  href: (fileId: string) => string | null;
  /** What the app composes under the complaint (e.g. opening a compensation claim from it). */
  related?: (complaint: ComplaintView) => ReactNode;
};

/** One complaint: what was said, by whom, its steps, and the committee's work on it. */
export function ComplaintPage({
  canHandle,
  canAssign,
  canDirect = false,
  assignees,
  href,
  related,
}: ComplaintPageProps) {
  const { complaintId = "" } = useParams();
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const query = useComplaint(complaintId);
  const complaint = query.data;

  if (query.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (!complaint) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(query.error)}
      </div>
    );
  }
  const open = complaint.status !== "closed";
  const channel =
    complaint.channel in channelNames
      ? channelNames[complaint.channel as keyof typeof channelNames][locale]
      : complaint.channel;

  return (
    <section className="page complaint-page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p className="muted">
          <Link to="/complaints">{t("complaints.list.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          <UserText>{complaint.subject}</UserText>
        </h1>
        <div className="complaint-page__meta">
          <bdi dir="ltr" className="reference-number">
            {complaint.referenceNumber}
          </bdi>
          <ComplaintBadges complaint={complaint} />
        </div>
      </header>

      <section className="card" aria-labelledby={`${ids}-details`}>
        <h2 id={`${ids}-details`} className="card__title">
          {t("complaints.page.details")}
        </h2>
        <dl className="facts facts--grid">
          <Fact label={t("complaints.field.category")}>{t(categoryLabels[complaint.category])}</Fact>
          <Fact label={t("complaints.field.channel")}>{channel}</Fact>
          <Fact label={t("complaints.field.receivedAt")}>
            <DualDate value={complaint.receivedAt} withTime />
          </Fact>
          <Fact label={t("complaints.field.due")}>
            <CalendarDate value={complaint.dueDate} />
          </Fact>
          <Fact label={t("complaints.field.assignedTo")}>
            <UserTextOr value={complaint.assignedTo?.fullName} fallback={t("complaints.field.unassigned")} />
          </Fact>
        </dl>
        <p className="complaint-page__text">
          {complaint.details === null ? <Withheld /> : <UserText>{complaint.details}</UserText>}
        </p>
        {complaint.attachments.length > 0 ? (
          <ul className="attachment-links" aria-label={t("files.attachments")}>
            {complaint.attachments.map((file) => (
              <li key={file.id}>
                {href(file.id) ? (
                  <a href={href(file.id) ?? undefined} download={file.name}>
                    <bdi>{file.name}</bdi>
                  </a>
                ) : (
                  <span>
                    <bdi>{file.name}</bdi> — <Withheld />
                  </span>
                )}
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className="card" aria-labelledby={`${ids}-who`}>
        <h2 id={`${ids}-who`} className="card__title">
          {t("complaints.page.complainant")}
        </h2>
        {complaint.anonymous ? (
          <p className="muted">{t("complaints.page.anonymous")}</p>
        ) : complaint.complainant === null ? (
          <p>
            <Withheld />
          </p>
        ) : (
          <dl className="facts facts--grid">
            <Fact label={t("complaints.form.name")}>{complaint.complainant.name ?? "—"}</Fact>
            <Fact label={t("complaints.form.phone")}>
              {complaint.complainant.phone ? <PhoneNumbers values={[complaint.complainant.phone]} /> : "—"}
            </Fact>
            <Fact label={t("complaints.form.email")}>
              {complaint.complainant.email ? <bdi dir="ltr">{complaint.complainant.email}</bdi> : "—"}
            </Fact>
          </dl>
        )}
      </section>

      {!open ? <ClosedSummary complaint={complaint} /> : null}

      {open && canAssign ? <AssignForm complaint={complaint} assignees={assignees} /> : null}
      {open && canDirect ? <DirectionForm complaintId={complaint.id} /> : null}
      {open && canHandle ? <NoteForm complaintId={complaint.id} /> : null}
      {open && canHandle ? <CloseForm complaintId={complaint.id} /> : null}

      {related ? related(complaint) : null}

      <section className="card" aria-labelledby={`${ids}-steps`}>
        <h2 id={`${ids}-steps`} className="card__title">
          {t("complaints.page.steps")}
        </h2>
        <ol className="timeline" aria-label={t("complaints.page.steps")}>
          {complaint.events.map((event) => {
            const label = stepLabel(event.kind);
            return (
              <li
                key={`${event.at}-${event.kind}-${event.note ?? ""}`}
                className="timeline__item"
                data-kind={event.kind.split(":")[0]}
              >
                <span className="timeline__title">
                  {t(label.step)}
                  {label.outcome ? ` — ${t(label.outcome)}` : null}
                </span>
                <span className="timeline__meta">
                  <DualDate value={event.at} withTime />
                  {event.actor ? (
                    <span>
                      <Interpolate message={t("contacts.timeline.by")} values={{ name: event.actor }} />
                    </span>
                  ) : null}
                </span>
                {event.note ? (
                  <p className="timeline__detail">
                    <UserText>{event.note}</UserText>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </section>
  );
}

function ClosedSummary({ complaint }: { complaint: ComplaintView }) {
  const { t } = useI18n();
  const ids = useId();
  return (
    <section className="card" aria-labelledby={`${ids}-closed`}>
      <h2 id={`${ids}-closed`} className="card__title">
        {t("complaints.page.closedTitle")}
      </h2>
      <dl className="facts facts--grid">
        {complaint.outcome ? (
          <Fact label={t("complaints.close.outcome")}>{t(outcomeLabels[complaint.outcome])}</Fact>
        ) : null}
        {complaint.closedAt ? (
          <Fact label={t("complaints.page.closedAt")}>
            <DualDate value={complaint.closedAt} withTime />
          </Fact>
        ) : null}
        {complaint.complainantAcceptedAt ? (
          <Fact label={t("complaints.page.acceptedAt")}>
            <DualDate value={complaint.complainantAcceptedAt} withTime />
          </Fact>
        ) : null}
      </dl>
      {complaint.outcomeNote ? (
        <p className="complaint-page__text">
          <UserText>{complaint.outcomeNote}</UserText>
        </p>
      ) : null}
      {complaint.settlementTerms ? (
        <div>
          <h3 className="card__label">{t("complaints.close.terms")}</h3>
          <p className="complaint-page__text">
            <UserText>{complaint.settlementTerms}</UserText>
          </p>
        </div>
      ) : null}
    </section>
  );
}

function AssignForm({ complaint, assignees }: { complaint: ComplaintView; assignees: readonly Assignee[] }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const assign = useAssignComplaint(complaint.id);
  const [assigneeId, setAssigneeId] = useState(complaint.assignedTo?.id ?? assignees[0]?.id ?? "");
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (assigneeId) assign.mutate(assigneeId, { onSuccess: () => setSaved(true) });
  }

  return (
    <section className="card" aria-labelledby={`${ids}-assign`}>
      <h2 id={`${ids}-assign`} className="card__title">
        {t("complaints.assign.title")}
      </h2>
      <form noValidate className="inline-form" onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-assignee`}>
            {t("complaints.assign.to")}
          </label>
          <select
            id={`${ids}-assignee`}
            className="field__input"
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
          >
            {assignees.map((person) => (
              <option key={person.id} value={person.id}>
                <UserText>{person.name}</UserText>
              </option>
            ))}
          </select>
        </div>
        <button className="button button--secondary" type="submit" disabled={assign.isPending || !assigneeId}>
          {t("complaints.assign.submit")}
        </button>
      </form>
      <div role="alert" className={assign.error ? "alert alert--error" : "alert"}>
        {assign.error ? errorText(assign.error) : null}
      </div>
      <p className="success" aria-live="polite">
        {saved && complaint.assignedTo ? (
          <Interpolate
            message={t("complaints.assign.saved")}
            values={{ name: complaint.assignedTo.fullName }}
          />
        ) : null}
      </p>
    </section>
  );
}

function NoteForm({ complaintId }: { complaintId: string }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const add = useAddComplaintNote(complaintId);
  const [kind, setKind] = useState<"note" | "contact">("contact");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const noteError = isApiError(add.error) ? add.error.fieldMessage("note")?.[locale] : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    add.mutate(
      { kind, note },
      {
        onSuccess: () => {
          setNote("");
          setSaved(true);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={`${ids}-note`}>
      <h2 id={`${ids}-note`} className="card__title">
        {t("complaints.note.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">{t("complaints.note.kind")}</legend>
          <div className="choice-group__options">
            {(["contact", "note"] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${ids}-kind`}
                  checked={kind === value}
                  onChange={() => setKind(value)}
                />
                {t(value === "contact" ? "complaints.note.contact" : "complaints.note.note")}
              </label>
            ))}
          </div>
          <p className="field__hint">
            {kind === "contact" ? t("complaints.note.contactHint") : t("complaints.note.noteHint")}
          </p>
        </fieldset>
        <TextAreaField label={t("complaints.note.text")} value={note} onChange={setNote} error={noteError} />
        <div role="alert" className={add.error && !noteError ? "alert alert--error" : "alert"}>
          {add.error && !noteError ? errorText(add.error) : null}
        </div>
        <p className="success" aria-live="polite">
          {saved ? t("complaints.note.saved") : null}
        </p>
        <div>
          <button className="button button--secondary" type="submit" disabled={add.isPending}>
            {t("complaints.note.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function DirectionForm({ complaintId }: { complaintId: string }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const direct = useDirectComplaint(complaintId);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const noteError = isApiError(direct.error) ? direct.error.fieldMessage("note")?.[locale] : undefined;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    direct.mutate(note, {
      onSuccess: () => {
        setNote("");
        setSaved(true);
      },
    });
  }

  return (
    <section className="card" aria-labelledby={`${ids}-direction`}>
      <h2 id={`${ids}-direction`} className="card__title">
        {t("complaints.direction.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextAreaField
          label={t("complaints.direction.text")}
          value={note}
          onChange={setNote}
          error={noteError}
          hint={t("complaints.direction.hint")}
        />
        <div role="alert" className={direct.error && !noteError ? "alert alert--error" : "alert"}>
          {direct.error && !noteError ? errorText(direct.error) : null}
        </div>
        <p className="success" aria-live="polite">
          {saved ? t("complaints.direction.saved") : null}
        </p>
        <div>
          <button className="button button--secondary" type="submit" disabled={direct.isPending}>
            {t("complaints.direction.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function CloseForm({ complaintId }: { complaintId: string }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const close = useCloseComplaint(complaintId);
  const [outcome, setOutcome] = useState<Outcome>("resolved");
  const [note, setNote] = useState("");
  const [terms, setTerms] = useState("");
  const [accepted, setAccepted] = useState(false);
  const settlement = outcome === "amicable_settlement";
  const error = (path: string) =>
    isApiError(close.error) ? close.error.fieldMessage(path)?.[locale] : undefined;
  const marked = ["note", "settlementTerms", "complainantAccepted"].some((path) => error(path));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    close.mutate({
      outcome,
      note,
      ...(settlement ? { settlementTerms: terms.trim() || undefined, complainantAccepted: accepted } : {}),
    });
  }

  return (
    <section className="card" aria-labelledby={`${ids}-close`}>
      <h2 id={`${ids}-close`} className="card__title">
        {t("complaints.close.title")}
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">{t("complaints.close.outcome")}</legend>
          <div className="choice-group__options">
            {complaintOutcomeSchema.options.map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name={`${ids}-outcome`}
                  checked={outcome === value}
                  onChange={() => setOutcome(value)}
                />
                {t(outcomeLabels[value])}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          label={outcome === "rejected" ? t("complaints.close.reasons") : t("complaints.close.note")}
          value={note}
          onChange={setNote}
          error={error("note")}
        />
        {settlement ? (
          <div className="settlement-fields">
            <TextAreaField
              label={t("complaints.close.terms")}
              value={terms}
              onChange={setTerms}
              error={error("settlementTerms")}
            />
            <label className="choice">
              <input
                type="checkbox"
                checked={accepted}
                onChange={(event) => setAccepted(event.target.checked)}
              />
              {t("complaints.close.accepted")}
            </label>
          </div>
        ) : null}
        <div role="alert" className={close.error && !marked ? "alert alert--error" : "alert"}>
          {close.error && !marked ? errorText(close.error) : null}
        </div>
        <div>
          <button
            className="button button--primary"
            type="submit"
            disabled={close.isPending || (settlement && !accepted)}
          >
            {t("complaints.close.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
