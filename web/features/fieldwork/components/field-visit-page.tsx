import { useId } from "react";
import { Link } from "react-router";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { Fact } from "../../../components/ui/fact.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useFieldVisit, useMarkActionDone } from "../api/fieldwork-api.js";
import { fieldAnswerLabels, fieldKindLabels, fieldStatusLabels } from "../labels.js";
import "./fieldwork.css";

/** One visit: its checklist answers, observations, photos and follow-up actions with «تم». */
export function FieldVisitPage({
  visitId,
  userId,
  canSupervise,
  photoHref,
}: {
  visitId: string;
  userId: string;
  /** Management and those who record visits close any action; others close their own. */
  canSupervise: boolean;
  photoHref: (fileId: string) => string | null;
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const visit = useFieldVisit(visitId);
  const done = useMarkActionDone();

  if (visit.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (visit.isError)
    return (
      <div role="alert" className="alert alert--error">
        {errorText(visit.error)}
      </div>
    );
  const v = visit.data;
  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to="/field">{t("field.visit.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t(fieldKindLabels[v.kind])}: <UserText>{v.place}</UserText>
        </h1>
      </header>
      <section className="card">
        <dl className="facts">
          <Fact label={t("field.list.date")}>
            <CalendarDate value={v.visitedOn} />
          </Fact>
          <Fact label={t("field.list.recordedBy")}>
            <UserText>{v.recordedBy.fullName}</UserText>
          </Fact>
          <Fact label={t("field.form.participants")}>
            {v.participants.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? "، " : null}
                <UserText>{p.fullName}</UserText>
              </span>
            ))}
          </Fact>
          <Fact label={t("field.list.status")}>{t(fieldStatusLabels[v.status])}</Fact>
          {v.checklist ? (
            <Fact label={t("field.form.checklist")}>
              <UserText>{v.checklist.name}</UserText> —{" "}
              {t("field.checklists.version", { version: v.checklist.version })}
            </Fact>
          ) : null}
        </dl>
      </section>

      {v.answers.length ? (
        <section className="card" aria-labelledby={`${ids}-answers`}>
          <h2 id={`${ids}-answers`} className="card__title">
            {t("field.visit.answers")}
          </h2>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("field.visit.item")}</th>
                  <th scope="col">{t("field.visit.answer")}</th>
                  <th scope="col">{t("field.form.note")}</th>
                </tr>
              </thead>
              <tbody>
                {v.answers.map((a, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the answers are kept in the checklist's order
                  <tr key={i}>
                    <td>
                      <UserText>{a.item}</UserText>
                    </td>
                    <td>{t(fieldAnswerLabels[a.answer])}</td>
                    <td>{a.note ? <UserText>{a.note}</UserText> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="card" aria-labelledby={`${ids}-observations`}>
        <h2 id={`${ids}-observations`} className="card__title">
          {t("field.form.observations")}
        </h2>
        <p className="pre-line">
          <UserText>{v.observations}</UserText>
        </p>
      </section>

      <section className="card" aria-labelledby={`${ids}-photos`}>
        <h2 id={`${ids}-photos`} className="card__title">
          {t("field.form.photos")}
        </h2>
        {v.photos.length === 0 ? <p className="empty">{t("field.visit.noPhotos")}</p> : null}
        <ul className="field-photos">
          {v.photos.map((photo, index) => {
            const href = photoHref(photo.id);
            return (
              <li key={photo.id}>
                {href ? (
                  <a href={href} target="_blank" rel="noreferrer">
                    <img src={href} alt={t("field.visit.photoAlt", { number: index + 1 })} />
                  </a>
                ) : (
                  <span className="muted">{t("access.fileWithheld")}</span>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="card" aria-labelledby={`${ids}-actions`}>
        <h2 id={`${ids}-actions`} className="card__title">
          {t("field.form.actions")}
        </h2>
        {done.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(done.error)}
          </div>
        ) : null}
        {v.actions.length === 0 ? <p className="empty">{t("field.visit.noActions")}</p> : null}
        {v.actions.length ? (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("field.form.actionText")}</th>
                  <th scope="col">{t("field.action.owner")}</th>
                  <th scope="col">{t("field.action.due")}</th>
                  <th scope="col">{t("field.action.status")}</th>
                </tr>
              </thead>
              <tbody>
                {v.actions.map((action) => (
                  <tr key={action.id}>
                    <td>
                      <UserText>{action.text}</UserText>
                    </td>
                    <td>
                      <UserText>{action.owner.fullName}</UserText>
                    </td>
                    <td>
                      <CalendarDate value={action.dueDate} />
                    </td>
                    <td>
                      {action.status === "done" ? (
                        <span>{t("field.action.doneBy", { name: action.doneBy?.fullName ?? "" })}</span>
                      ) : (
                        <>
                          <span className={action.overdue ? "field-action--overdue" : undefined}>
                            {action.overdue ? t("field.action.overdue") : t("field.action.open")}
                          </span>{" "}
                          {canSupervise || action.owner.id === userId ? (
                            <ConfirmButton
                              title={t("field.action.confirmTitle")}
                              message={t("field.action.confirmMessage")}
                              confirmLabel={t("field.action.confirm")}
                              onConfirm={() => done.mutate(action.id)}
                              disabled={done.isPending}
                            >
                              {t("field.action.done")}
                            </ConfirmButton>
                          ) : null}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </section>
  );
}
