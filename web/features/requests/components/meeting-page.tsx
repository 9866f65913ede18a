import { type FormEvent, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { MeetingView } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { Interpolate } from "../../../components/ui/user-text.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useApproveMinutes } from "../api/approve-minutes.js";
import { useDecideItem } from "../api/decide-item.js";
import { useDeclareConflict } from "../api/declare-conflict.js";
import { useGenerateMinutes } from "../api/generate-minutes.js";
import { useMeeting } from "../api/get-meeting.js";
import { useRecordAttendance } from "../api/record-attendance.js";
import { useRecordVote } from "../api/record-vote.js";
import { outcomeLabels } from "../labels.js";
import { formatRiyals, riyalsToHalalas } from "../money.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

type Outcome = "accept" | "reject" | "return";
type Item = MeetingView["items"][number];
const outcomes = ["accept", "reject", "return"] as const;

/**
 * A committee meeting for its members: attendance, votes per item, conflicts of interest and
 * recusals, decisions at quorum, the minutes (H6).
 */
export function MeetingPage({
  canVote,
  canOrganise,
  userId,
}: {
  canVote: boolean;
  /** Whoever may call a meeting records who attended it. */
  canOrganise: boolean;
  userId: string;
}) {
  const { meetingId = "" } = useParams();
  const { t, errorText } = useI18n();
  const ids = useId();
  const query = useMeeting(meetingId);
  const meeting = query.data;
  if (query.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (!meeting) {
    return (
      <div role="alert" className="alert alert--error">
        {errorText(query.error)}
      </div>
    );
  }
  return (
    <section className="page meeting-page" aria-labelledby={`${ids}-title`}>
      <header className="page__header no-print">
        <p className="muted">
          <Link to="/meetings">{t("meetings.list.title")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("meetings.title", { name: meeting.committee.nameAr })}
        </h1>
        <p className="page__lead">
          <CalendarDate value={meeting.heldOn} /> —{" "}
          {t("committees.quorumOf", { quorum: String(meeting.committee.quorum) })}
        </p>
      </header>
      <Attendance meeting={meeting} canOrganise={canOrganise} />
      <div className="no-print">
        {meeting.items.map((item) => (
          <AgendaItem key={item.request.id} meeting={meeting} item={item} canVote={canVote} userId={userId} />
        ))}
      </div>
      <Minutes meeting={meeting} canVote={canVote} userId={userId} />
    </section>
  );
}

function AgendaItem({
  meeting,
  item,
  canVote,
  userId,
}: {
  meeting: MeetingView;
  item: Item;
  canVote: boolean;
  userId: string;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  const request = item.request;
  // Null when the committee's deliberation is withheld from this reader's role.
  const votes = item.votes;
  const mine = votes?.find((vote) => vote.member.id === userId);
  const quorumReached = (votes?.length ?? 0) >= meeting.committee.quorum;
  const member = meeting.committee.members.some((m) => m.id === userId);
  // A member who declared a relation to the beneficiary, or who opened the request, takes no part.
  const recused = item.recusals.some((recusal) => recusal.member.id === userId);
  const mayAct = canVote && member && !recused;
  return (
    <article className="card agenda-item" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        <Link to={`/requests/${request.id}`}>
          <bdi dir="ltr">{request.referenceNumber}</bdi>
        </Link>{" "}
        — <UserText>{request.beneficiary.fullName}</UserText> — <UserText>{request.service.nameAr}</UserText>
      </h2>
      {item.recusals.length > 0 ? (
        <>
          <h3 className="sub-form__title">{t("meetings.recusals")}</h3>
          <ul className="plain-list" aria-label={t("meetings.recusals")}>
            {item.recusals.map((recusal) => (
              <li key={recusal.member.id}>
                <Interpolate
                  // The name is kept a placeholder here and isolated by <Interpolate>.
                  message={t(
                    recusal.kind === "conflict_declared"
                      ? "meetings.recusal.conflict"
                      : "meetings.recusal.opened",
                    { name: "{name}" },
                  )}
                  values={{ name: recusal.member.fullName }}
                />
                {recusal.reason ? (
                  <>
                    {" — "}
                    <UserText>{recusal.reason}</UserText>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canVote && member && recused && !item.decision ? (
        <p className="muted" role="note">
          {t("meetings.recusedYou")}
        </p>
      ) : null}
      <h3 className="sub-form__title">{t("meetings.votes")}</h3>
      {votes === null ? (
        <p>
          <Withheld />
        </p>
      ) : (
        <>
          {votes.length === 0 ? <p className="muted">{t("meetings.noVotes")}</p> : null}
          <ul className="plain-list" aria-label={t("meetings.votes")}>
            {votes.map((vote) => (
              <li key={vote.member.id}>
                <UserText>{vote.member.fullName}</UserText>: <strong>{t(outcomeLabels[vote.vote])}</strong>
                {vote.note ? (
                  <>
                    {" "}
                    — <bdi>{vote.note}</bdi>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t("meetings.quorumProgress", {
              votes: String(votes.length),
              quorum: String(meeting.committee.quorum),
            })}
          </p>
        </>
      )}
      {item.decision ? (
        <div className="decision" data-outcome={item.decision}>
          <p>
            <strong>{t("requests.decision.title")}: </strong>
            {t(outcomeLabels[item.decision])}
            {item.approvedAmount !== null ? ` — ${formatRiyals(item.approvedAmount, locale)}` : null}
          </p>
          {item.reasons ? (
            <p className="pre-line">
              <UserText>{item.reasons}</UserText>
            </p>
          ) : null}
          {item.decidedAt ? <DualDate value={item.decidedAt} withTime /> : null}
        </div>
      ) : (
        <>
          {mayAct && !mine ? <VoteForm meetingId={meeting.id} requestId={request.id} /> : null}
          {mayAct && quorumReached ? <DecisionForm meetingId={meeting.id} requestId={request.id} /> : null}
          {mayAct && !mine ? <ConflictForm beneficiaryId={request.beneficiary.id} /> : null}
        </>
      )}
    </article>
  );
}

function VoteForm({ meetingId, requestId }: { meetingId: string; requestId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const vote = useRecordVote(meetingId, requestId);
  const [choice, setChoice] = useState<Outcome>("accept");
  const [note, setNote] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    vote.mutate({ vote: choice, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit}>
      <fieldset className="choice-group">
        <legend className="field__label">{t("meetings.yourVote")}</legend>
        <div className="choice-group__options">
          {outcomes.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${ids}-vote`}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              {t(outcomeLabels[value])}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-note`}>
          {t("meetings.voteNote")}
        </label>
        <input
          id={`${ids}-note`}
          className="field__input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <Refusal error={vote.error} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={vote.isPending}>
          {t("meetings.vote")}
        </button>
      </div>
    </form>
  );
}

function DecisionForm({ meetingId, requestId }: { meetingId: string; requestId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const decide = useDecideItem(meetingId, requestId);
  const [outcome, setOutcome] = useState<Outcome>("accept");
  const [reasons, setReasons] = useState("");
  const [amount, setAmount] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [reasonsMissing, setReasonsMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const halalas = amount.trim() ? riyalsToHalalas(amount) : null;
    setInvalid(amount.trim() !== "" && halalas === null);
    setReasonsMissing(reasons.trim() === "");
    if ((amount.trim() && halalas === null) || reasons.trim() === "") return;
    decide.mutate({
      outcome,
      reasons,
      ...(outcome === "accept" && halalas !== null ? { approvedAmount: halalas } : {}),
    });
  };
  return (
    <form noValidate className="form sub-form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="sub-form__title">
        {t("meetings.decide")}
      </h3>
      <fieldset className="choice-group">
        <legend className="field__label">{t("requests.decision.outcome")}</legend>
        <div className="choice-group__options">
          {outcomes.map((value) => (
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
      {outcome === "accept" ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-amount`}>
            {t("meetings.approvedAmount")}
          </label>
          <input
            id={`${ids}-amount`}
            className="field__input"
            inputMode="decimal"
            value={amount}
            aria-invalid={invalid || undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
          {invalid ? <p className="field__error">{t("requests.amountInvalid")}</p> : null}
        </div>
      ) : null}
      <TextAreaField
        label={t("meetings.reasons")}
        value={reasons}
        onChange={setReasons}
        error={reasonsMissing ? t("meetings.reasonsRequired") : undefined}
      />
      <Refusal error={decide.error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={decide.isPending}>
          {t("meetings.recordDecision")}
        </button>
      </div>
    </form>
  );
}

/** Who attended: the organiser ticks the members present; the rest are recorded absent. */
function Attendance({ meeting, canOrganise }: { meeting: MeetingView; canOrganise: boolean }) {
  const { t } = useI18n();
  const ids = useId();
  const record = useRecordAttendance(meeting.id);
  const [present, setPresent] = useState<string[]>(() =>
    meeting.attendance.filter((a) => a.present === true).map((a) => a.member.id),
  );
  const editable = canOrganise && !meeting.minutes?.approvedAt;
  const status = (value: boolean | null) =>
    value === null
      ? t("meetings.attendance.unrecorded")
      : value
        ? t("meetings.attendance.present")
        : t("meetings.attendance.absent");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate({ presentMemberIds: present });
  };
  return (
    <section className="card no-print" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("meetings.attendance")}
      </h2>
      {editable ? (
        <form noValidate className="form" onSubmit={submit}>
          <fieldset className="choice-group">
            <legend className="field__hint">{t("meetings.attendance.hint")}</legend>
            <div className="choice-group__options">
              {meeting.attendance.map(({ member, present: recorded }) => (
                <label key={member.id} className="choice">
                  <input
                    type="checkbox"
                    checked={present.includes(member.id)}
                    onChange={(event) =>
                      setPresent((now) =>
                        event.target.checked ? [...now, member.id] : now.filter((id) => id !== member.id),
                      )
                    }
                  />
                  <UserText>{member.fullName}</UserText>
                  <span className="muted"> ({status(recorded)})</span>
                </label>
              ))}
            </div>
          </fieldset>
          {record.isSuccess ? (
            <p className="success" role="status">
              {t("meetings.attendance.saved")}
            </p>
          ) : null}
          <Refusal error={record.error} />
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={record.isPending}>
              {t("meetings.attendance.save")}
            </button>
          </div>
        </form>
      ) : (
        <ul className="plain-list" aria-label={t("meetings.attendance")}>
          {meeting.attendance.map(({ member, present: recorded }) => (
            <li key={member.id}>
              <UserText>{member.fullName}</UserText>: {status(recorded)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A member declares a relation to the beneficiary; they then stand aside from the person's requests. */
function ConflictForm({ beneficiaryId }: { beneficiaryId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const declare = useDeclareConflict();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim() === "");
    if (reason.trim() === "") return;
    declare.mutate({ beneficiaryId, reason: reason.trim() });
  };
  return (
    <details className="sub-form">
      <summary>{t("meetings.conflict.title")}</summary>
      <form noValidate className="form" onSubmit={submit} aria-labelledby={`${ids}-title`}>
        <p id={`${ids}-title`} className="field__hint">
          {t("meetings.conflict.lead")}
        </p>
        <TextAreaField
          label={t("meetings.conflict.reason")}
          value={reason}
          onChange={setReason}
          error={missing ? t("meetings.conflict.reasonRequired") : undefined}
        />
        <Refusal error={declare.error} />
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={declare.isPending}>
            {t("meetings.conflict.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}

function Minutes({ meeting, canVote, userId }: { meeting: MeetingView; canVote: boolean; userId: string }) {
  const { t } = useI18n();
  const ids = useId();
  const generate = useGenerateMinutes(meeting.id);
  const approve = useApproveMinutes(meeting.id);
  const minutes = meeting.minutes;
  const withheld = meeting.withheld.includes("committee.deliberations");
  const allDecided = meeting.items.every((item) => item.decision !== null);
  const approvedByMe = minutes?.approvedBy.some((member) => member.id === userId) ?? false;
  return (
    <section className="card minutes" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("meetings.minutes")}
      </h2>
      {withheld ? (
        <p>
          <Withheld />
        </p>
      ) : minutes ? (
        <>
          <pre className="minutes__text" dir="rtl" lang="ar">
            <UserText>{minutes.text}</UserText>
          </pre>
          <p className="muted">
            {t("meetings.minutesGenerated")}: <DualDate value={minutes.generatedAt} withTime />
          </p>
          <ul className="plain-list" aria-label={t("meetings.approvedBy")}>
            {minutes.approvedBy.map((member) => (
              <li key={member.id}>
                <Interpolate
                  message={t("meetings.approvedByMember", { name: "{name}" })}
                  values={{ name: member.fullName }}
                />{" "}
                — <DualDate value={member.approvedAt} withTime />
              </li>
            ))}
          </ul>
          {minutes.approvedAt ? (
            <p className="success">{t("meetings.minutesApproved")}</p>
          ) : (
            <p className="muted">{t("meetings.minutesPending")}</p>
          )}
        </>
      ) : (
        <p className="muted">{allDecided ? t("meetings.minutesReady") : t("meetings.minutesWait")}</p>
      )}
      <div className="form-actions no-print">
        {allDecided && !withheld && !minutes?.approvedAt ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={generate.isPending}
            onClick={() => generate.mutate()}
          >
            {minutes ? t("meetings.regenerate") : t("meetings.generate")}
          </button>
        ) : null}
        {minutes && canVote && !approvedByMe && !minutes.approvedAt ? (
          <button
            type="button"
            className="button button--primary"
            disabled={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t("meetings.approve")}
          </button>
        ) : null}
        {minutes ? (
          <button type="button" className="button button--quiet" onClick={() => window.print()}>
            {t("meetings.print")}
          </button>
        ) : null}
      </div>
      <Refusal error={generate.error ?? approve.error} />
    </section>
  );
}
