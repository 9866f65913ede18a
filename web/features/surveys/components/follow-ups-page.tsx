import { type FormEvent, useId, useState } from "react";
import { Link } from "react-router";
import { type FollowUpView, followUpStatuses } from "../../../../shared/contracts/surveys.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { DateField, readDateField, todayIso } from "../../../components/ui/date-field.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useFollowUpAction, useFollowUps } from "../api/surveys-api.js";
import { followUpStatusLabels, questionKindLabels } from "../labels.js";
import "./surveys.css";

export type StaffChoice = { id: string; name: string };

/**
 * «متابعة الاستبانات»: answers whose respondent allowed contact and that gave a low score or wrote
 * something; each becomes a complaint, a task with an owner and a due date, or is closed with a note.
 */
export function FollowUpsPage({ people }: { people: readonly StaffChoice[] }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const followUps = useFollowUps();
  const [status, setStatus] = useState<string>("active");
  const items = (followUps.data?.items ?? []).filter((f) =>
    status === "active" ? f.status !== "closed" : status === "" || f.status === status,
  );

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("surveys.followUps.title")}
        </h1>
        <p className="page__lead">{t("surveys.followUps.intro")}</p>
      </header>
      <div className="card">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-status`}>
            {t("surveys.followUps.show")}
          </label>
          <select
            id={`${ids}-status`}
            className="field__input"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="active">{t("surveys.followUps.notClosed")}</option>
            {followUpStatuses.map((value) => (
              <option key={value} value={value}>
                {t(followUpStatusLabels[value])}
              </option>
            ))}
            <option value="">{t("surveys.followUps.all")}</option>
          </select>
        </div>
      </div>
      {followUps.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {followUps.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(followUps.error)}
        </div>
      ) : null}
      {followUps.isSuccess && items.length === 0 ? (
        <p className="empty">{t("surveys.followUps.empty")}</p>
      ) : null}
      <ul className="plain-list survey-follow-ups" aria-label={t("surveys.followUps.title")}>
        {items.map((followUp) => (
          <li key={followUp.id}>
            <FollowUpCard followUp={followUp} people={people} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function FollowUpCard({ followUp, people }: { followUp: FollowUpView; people: readonly StaffChoice[] }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const act = useFollowUpAction(followUp.id);
  const [mode, setMode] = useState<"task" | "close" | null>(null);
  const [ownerId, setOwnerId] = useState("");
  const [due, setDue] = useState("");
  const [note, setNote] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = (path: string) =>
    isApiError(act.error) ? act.error.fieldMessage(path)?.[locale] : undefined;
  const error = (path: string) => local[path] ?? server(path);
  const required = (label: string) => t("field.form.required", { field: label });
  const closed = followUp.status === "closed";
  const placed = /^(ownerId|dueDate|note)$/;
  const generalError =
    act.error &&
    !(
      isApiError(act.error) &&
      act.error.fieldErrors.length > 0 &&
      act.error.fieldErrors.every((f) => placed.test(f.path))
    )
      ? errorText(act.error)
      : null;

  function assign(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!ownerId) problems.ownerId = required(t("surveys.followUps.owner"));
    const day = readDateField(due, t("surveys.followUps.dueDate"), { notBefore: todayIso() });
    if (!day) problems.dueDate = required(t("surveys.followUps.dueDate"));
    else if (!day.ok) problems.dueDate = day.message[locale];
    setLocal(problems);
    if (Object.keys(problems).length || !day?.ok) return;
    act.mutate({ action: "task", ownerId, dueDate: day.iso }, { onSuccess: () => setMode(null) });
  }

  function checkNote(): boolean {
    const problems: Record<string, string> = {};
    if (!note.trim()) problems.note = required(t("surveys.followUps.note"));
    else if (note.trim().length > 1000) problems.note = t("surveys.error.tooLong", { max: 1000 });
    setLocal(problems);
    return Object.keys(problems).length === 0;
  }

  return (
    <article className="card survey-follow-up" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        <UserText>{followUp.survey.name}</UserText> — {t(followUpStatusLabels[followUp.status])}
      </h2>
      <dl className="facts facts--grid">
        <div className="facts__item">
          <dt>{t("surveys.followUps.received")}</dt>
          <dd>
            <DualDate value={followUp.createdAt} />
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("surveys.followUps.beneficiary")}</dt>
          <dd>
            {followUp.beneficiary ? (
              <Link to={`/beneficiaries/${followUp.beneficiary.id}`}>
                <UserText>{followUp.beneficiary.fullName}</UserText>
              </Link>
            ) : (
              t("surveys.followUps.noFile")
            )}
          </dd>
        </div>
        {followUp.lowestScore ? (
          <div className="facts__item">
            <dt>{t("surveys.followUps.lowestScore")}</dt>
            <dd>
              {t(questionKindLabels[followUp.lowestScore.kind])}: {followUp.lowestScore.value}
            </dd>
          </div>
        ) : null}
        {followUp.task ? (
          <div className="facts__item">
            <dt>{t("surveys.followUps.task")}</dt>
            <dd>
              <Interpolate
                message={t("surveys.followUps.taskOf")}
                values={{ name: followUp.task.owner.fullName }}
              />{" "}
              — <CalendarDate value={followUp.task.dueDate} />
              {followUp.task.doneAt ? (
                <>
                  {" "}
                  — {t("surveys.followUps.doneAt")} <DualDate value={followUp.task.doneAt} />
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {followUp.complaintId ? (
          <div className="facts__item">
            <dt>{t("surveys.followUps.complaint")}</dt>
            <dd>
              <Link to={`/complaints/${followUp.complaintId}`}>{t("surveys.followUps.openComplaint")}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {followUp.text ? (
        <blockquote className="survey-follow-up__text">
          <UserText>{followUp.text}</UserText>
        </blockquote>
      ) : null}

      {closed ? null : (
        <div className="form-actions">
          {followUp.status === "open" ? (
            <ConfirmButton
              title={t("surveys.followUps.complaintTitle")}
              message={t("surveys.followUps.complaintMessage")}
              confirmLabel={t("surveys.followUps.complaintConfirm")}
              disabled={act.isPending}
              onConfirm={() => act.mutate({ action: "complaint" })}
            >
              {t("surveys.followUps.makeComplaint")}
            </ConfirmButton>
          ) : null}
          {followUp.status === "open" ? (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={mode === "task"}
              onClick={() => setMode(mode === "task" ? null : "task")}
            >
              {t("surveys.followUps.assign")}
            </button>
          ) : null}
          {followUp.task && !followUp.task.doneAt ? (
            <ConfirmButton
              title={t("surveys.followUps.doneTitle")}
              message={t("surveys.followUps.doneMessage")}
              confirmLabel={t("surveys.followUps.doneConfirm")}
              disabled={act.isPending}
              onConfirm={() => act.mutate({ action: "task_done" })}
            >
              {t("surveys.followUps.markDone")}
            </ConfirmButton>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={mode === "close"}
            onClick={() => setMode(mode === "close" ? null : "close")}
          >
            {t("surveys.followUps.close")}
          </button>
        </div>
      )}

      {mode === "task" && !closed ? (
        <form className="form survey-follow-up__form" noValidate onSubmit={assign}>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-owner`}>
              {t("surveys.followUps.owner")}
            </label>
            <select
              id={`${ids}-owner`}
              className="field__input"
              value={ownerId}
              onChange={(event) => setOwnerId(event.target.value)}
              aria-invalid={error("ownerId") ? true : undefined}
              aria-describedby={error("ownerId") ? `${ids}-owner-error` : undefined}
            >
              <option value="">{t("field.form.chooseOwner")}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
            {error("ownerId") ? (
              <p className="field__error" id={`${ids}-owner-error`}>
                {error("ownerId")}
              </p>
            ) : null}
          </div>
          <DateField
            label={t("surveys.followUps.dueDate")}
            value={due}
            onChange={setDue}
            notBefore={todayIso()}
            error={error("dueDate")}
          />
          <button type="submit" className="button button--primary" disabled={act.isPending}>
            {t("surveys.followUps.assignSubmit")}
          </button>
        </form>
      ) : null}

      {mode === "close" && !closed ? (
        <form className="form survey-follow-up__form" noValidate onSubmit={(event) => event.preventDefault()}>
          <TextAreaField
            label={t("surveys.followUps.note")}
            value={note}
            onChange={setNote}
            error={error("note")}
          />
          <ConfirmButton
            className="button button--primary"
            title={t("surveys.followUps.closeTitle")}
            message={t("surveys.followUps.closeMessage")}
            confirmLabel={t("surveys.followUps.closeConfirm")}
            check={checkNote}
            disabled={act.isPending}
            onConfirm={() =>
              act.mutate({ action: "close", note: note.trim() }, { onSuccess: () => setMode(null) })
            }
          >
            {t("surveys.followUps.closeSubmit")}
          </ConfirmButton>
        </form>
      ) : null}

      {generalError ? (
        <div role="alert" className="alert alert--error">
          {generalError}
        </div>
      ) : null}
    </article>
  );
}
