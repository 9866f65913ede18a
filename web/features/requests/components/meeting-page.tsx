import { type FormEvent, useId, useState } from "react";
import { Link, useParams } from "react-router";
import type { MeetingView } from "../../../../shared/contracts/requests.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useApproveMinutes } from "../api/approve-minutes.js";
import { useDecideItem } from "../api/decide-item.js";
import { useGenerateMinutes } from "../api/generate-minutes.js";
import { useMeeting } from "../api/get-meeting.js";
import { useRecordVote } from "../api/record-vote.js";
import { outcomeLabels } from "../labels.js";
import { formatRiyals, riyalsToHalalas } from "../money.js";
import { Refusal } from "./feedback.js";
import "./requests.css";
import { UserText } from "../../../components/ui/user-text.js";

type Outcome = "accept" | "reject" | "return";
type Item = MeetingView["items"][number];
const outcomes = ["accept", "reject", "return"] as const;

/** A committee meeting for its members: votes per item, decisions at quorum, the minutes (H6). */
export function MeetingPage({ canVote, userId }: { canVote: boolean; userId: string }) {
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
        <h1 id={`${ids}-title`} className="page__title">
          {t("meetings.title", { name: meeting.committee.nameAr })}
        </h1>
        <p className="page__lead">
          <CalendarDate value={meeting.heldOn} /> —{" "}
          {t("committees.quorumOf", { quorum: meeting.committee.quorum })}
        </p>
      </header>
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
  return (
    <article className="card agenda-item" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        <Link to={`/requests/${request.id}`}>
          <bdi dir="ltr">{request.referenceNumber}</bdi>
        </Link>{" "}
        — {request.beneficiary.fullName} — {request.service.nameAr}
      </h2>
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
                {vote.member.fullName}: <strong>{t(outcomeLabels[vote.vote])}</strong>
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
              votes: votes.length,
              quorum: meeting.committee.quorum,
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
          {canVote && !mine ? <VoteForm meetingId={meeting.id} requestId={request.id} /> : null}
          {canVote && quorumReached ? <DecisionForm meetingId={meeting.id} requestId={request.id} /> : null}
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const halalas = amount.trim() ? riyalsToHalalas(amount) : null;
    setInvalid(amount.trim() !== "" && halalas === null);
    if (amount.trim() && halalas === null) return;
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
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-reasons`}>
          {t("meetings.reasons")}
        </label>
        <textarea
          id={`${ids}-reasons`}
          className="field__input field__input--area"
          required
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </div>
      <Refusal error={decide.error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={decide.isPending}>
          {t("meetings.recordDecision")}
        </button>
      </div>
    </form>
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
                {t("meetings.approvedByMember", { name: member.fullName })} —{" "}
                <DualDate value={member.approvedAt} withTime />
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
