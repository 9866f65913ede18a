import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { channelNames } from "../../../../shared/contracts/channels.js";
import type { InboxItem } from "../../../../shared/contracts/contacts.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useAnswerInquiry } from "../api/answer-inquiry.js";
import { type InboxStatus, useInbox } from "../api/get-inbox.js";
import { useLibraryDocuments } from "../api/list-library-documents.js";
import type { Attachments } from "../attachments.js";
import { ChannelTag, CitationLink } from "./contact-facts.js";
import "./contacts.css";

type LiaisonInboxPageProps = { href: Attachments["href"] };

/** «الاستفسارات المحالة إليّ»: the liaison officer's inbox (I1), oldest first, each answered here (H1). */
export function LiaisonInboxPage({ href }: LiaisonInboxPageProps) {
  const { t, errorText } = useI18n();
  const [status, setStatus] = useState<InboxStatus>("open");
  const [answered, setAnswered] = useState<string | null>(null);
  const inbox = useInbox(status);
  const items = inbox.data?.items ?? [];

  return (
    <section className="page" aria-labelledby="inbox-title">
      <header className="page__header">
        <h1 id="inbox-title" className="page__title">
          {t("inbox.title")}
        </h1>
        <p className="page__lead">{t("inbox.intro")}</p>
      </header>

      {inbox.data ? (
        <p className="inbox-counts">
          <span data-count="open">{t("inbox.openCount", { count: inbox.data.openCount })}</span>
          <span data-count="overdue" className={inbox.data.overdueCount ? "overdue-badge" : undefined}>
            {t("inbox.overdueCount", { count: inbox.data.overdueCount })}
          </span>
        </p>
      ) : null}

      <fieldset className="choice-group inbox-filter">
        <legend className="field__label">{t("inbox.filter")}</legend>
        <div className="choice-group__options">
          {(["open", "answered"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="inbox-status"
                value={value}
                checked={status === value}
                onChange={() => setStatus(value)}
              />
              {t(`inbox.status.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <p className="success" aria-live="polite">
        {answered ? <Interpolate message={t("inbox.sent")} values={{ subject: answered }} /> : null}
      </p>

      {inbox.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {inbox.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(inbox.error)}
        </div>
      ) : null}
      {inbox.isSuccess && items.length === 0 ? (
        <p className="empty">{t(status === "open" ? "inbox.emptyOpen" : "inbox.emptyAnswered")}</p>
      ) : null}

      <ol className="inbox-list" aria-label={t(`inbox.status.${status}`)}>
        {items.map((item) => (
          <InboxEntry key={item.id} item={item} href={href} onAnswered={setAnswered} />
        ))}
      </ol>
    </section>
  );
}

function InboxEntry({
  item,
  href,
  onAnswered,
}: {
  item: InboxItem;
  href: Attachments["href"];
  onAnswered: (subject: string) => void;
}) {
  const { t, locale } = useI18n();
  const ids = useId();
  return (
    <li className="card inbox-item" data-overdue={item.overdue} aria-labelledby={`${ids}-subject`}>
      <div className="card__head">
        <h2 id={`${ids}-subject`} className="card__title">
          <UserText>{item.subject}</UserText>
        </h2>
        {item.overdue ? (
          <span className="overdue-badge">{t(item.answeredAt ? "inbox.answeredLate" : "inbox.overdue")}</span>
        ) : null}
      </div>
      <dl className="inbox-facts">
        <div>
          <dt>{t("inbox.beneficiary")}</dt>
          <dd>
            {item.beneficiary ? (
              <Link to={`/beneficiaries/${item.beneficiary.id}`}>
                <UserText>{item.beneficiary.fullName}</UserText>
              </Link>
            ) : (
              t("inbox.noBeneficiary")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("inbox.channel")}</dt>
          <dd>
            <ChannelTag channel={channelNames[item.channel][locale]} direction={item.direction} />
          </dd>
        </div>
        <div>
          <dt>{t("inbox.received")}</dt>
          <dd>
            <DualDate value={item.occurredAt} withTime />
          </dd>
        </div>
        <div>
          <dt>{t("inbox.age")}</dt>
          <dd data-testid="inquiry-age">{t("inbox.ageDays", { count: item.ageWorkingDays })}</dd>
        </div>
        <div>
          <dt>{t("inbox.due")}</dt>
          <dd>
            <CalendarDate value={item.dueDate} />
          </dd>
        </div>
        <div>
          <dt>{t("inbox.recordedBy")}</dt>
          <dd>
            <UserText>{item.staff.fullName}</UserText>
          </dd>
        </div>
      </dl>
      {item.summary ? (
        <p className="timeline__detail">
          <UserText>{item.summary}</UserText>
        </p>
      ) : null}
      {item.answer ? (
        <div className="inquiry-answer">
          <h3 className="field__label">{t("inbox.answer")}</h3>
          <p className="timeline__detail">
            <UserText>{item.answer}</UserText>
          </p>
          {item.citation ? <CitationLink citation={item.citation} href={href} /> : null}
          {item.answeredAt ? (
            <p className="muted">
              {t("inbox.answeredAt")} <DualDate value={item.answeredAt} withTime />
            </p>
          ) : null}
        </div>
      ) : (
        <AnswerForm item={item} onAnswered={onAnswered} />
      )}
    </li>
  );
}

function AnswerForm({ item, onAnswered }: { item: InboxItem; onAnswered: (subject: string) => void }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const answer = useAnswerInquiry();
  const library = useLibraryDocuments();
  const [text, setText] = useState("");
  const [versionId, setVersionId] = useState("");
  const [missing, setMissing] = useState(false);

  const serverError = (path: string) =>
    isApiError(answer.error) ? answer.error.fieldMessage(path)?.[locale] : undefined;
  const textError = missing ? t("inbox.answerRequired") : serverError("answer");
  const citationError = serverError("citedLibraryVersionId");
  const generalError = answer.error && !textError && !citationError ? errorText(answer.error) : null;
  const documents = (library.data?.items ?? []).filter((d) => d.versions.length > 0);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    answer.mutate(
      {
        id: item.id,
        input: { answer: text.trim(), ...(versionId ? { citedLibraryVersionId: versionId } : {}) },
      },
      { onSuccess: () => onAnswered(item.subject) },
    );
  }

  return (
    <form className="form inquiry-answer" onSubmit={onSubmit} noValidate aria-label={t("inbox.answerForm")}>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-answer`}>
          {t("inbox.answer")}
        </label>
        <textarea
          id={`${ids}-answer`}
          className="field__input field__input--area"
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${ids}-answer-error` : undefined}
        />
        {textError ? (
          <p className="field__error" id={`${ids}-answer-error`}>
            {textError}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-citation`}>
          {t("inbox.cite")}
        </label>
        <select
          id={`${ids}-citation`}
          className="field__input"
          value={versionId}
          onChange={(event) => setVersionId(event.target.value)}
          aria-invalid={citationError ? true : undefined}
          aria-describedby={citationError ? `${ids}-citation-error` : `${ids}-citation-hint`}
        >
          <option value="">{t("inbox.noCitation")}</option>
          {documents.map((document) => (
            <option key={document.id} value={document.versions[0]!.id}>
              {t("inbox.citationOption", {
                title: document.titleAr,
                version: document.versions[0]!.versionLabel,
              })}
            </option>
          ))}
        </select>
        {citationError ? (
          <p className="field__error" id={`${ids}-citation-error`}>
            {citationError}
          </p>
        ) : (
          <p className="field__hint" id={`${ids}-citation-hint`}>
            {t("inbox.citeHint")}
          </p>
        )}
      </div>
      <div role="alert" className={generalError ? "alert alert--error" : "visually-hidden"}>
        {generalError}
      </div>
      <div>
        <button className="button button--primary" type="submit" disabled={answer.isPending}>
          {answer.isPending ? t("inbox.sending") : t("inbox.send")}
        </button>
      </div>
    </form>
  );
}
