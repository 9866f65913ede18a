import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import {
  type FieldVisitKind,
  fieldAnswers,
  fieldVisitKinds,
} from "../../../../shared/contracts/fieldwork.js";
import { parseTypedNumber } from "../../../../shared/domain/digits.js";
import { DateField, readDateField, todayIso } from "../../../components/ui/date-field.js";
import { FilePicker } from "../../../components/ui/file-picker.js";
import { NumberField } from "../../../components/ui/number-field.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { Interpolate, UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useChecklists, useFieldPeople, useRecordVisit } from "../api/fieldwork-api.js";
import { fieldAnswerLabels, fieldKindLabels } from "../labels.js";
import "./fieldwork.css";

type Answer = (typeof fieldAnswers)[number];
type ActionDraft = {
  key: number;
  text: string;
  ownerId: string;
  mode: "days" | "date";
  days: string;
  date: string;
};

const photoTypes = "image/jpeg,image/png,image/webp";

/** Records a visit, survey or interview: its checklist answered, observations, photos and follow-up actions. */
export function RecordVisitPage({ upload }: { upload: (file: File) => Promise<{ id: string }> }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const people = useFieldPeople();
  const checklists = useChecklists();
  const record = useRecordVisit();
  const [kind, setKind] = useState<FieldVisitKind>("supervisory_visit");
  const [visitedOn, setVisitedOn] = useState("");
  const [place, setPlace] = useState("");
  const [participants, setParticipants] = useState<string[]>([]);
  const [checklistId, setChecklistId] = useState("");
  const [answers, setAnswers] = useState<{ answer: Answer | ""; note: string }[]>([]);
  const [observations, setFindings] = useState("");
  const [photos, setPhotos] = useState<File[]>([]);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const checklist = checklists.data?.items.find((c) => c.id === checklistId);
  const server = (path: string) =>
    isApiError(record.error) ? record.error.fieldMessage(path)?.[locale] : undefined;
  const error = (path: string) => local[path] ?? server(path);
  const required = (label: string) => t("field.form.required", { field: label });

  function chooseChecklist(id: string) {
    setChecklistId(id);
    const chosen = checklists.data?.items.find((c) => c.id === id);
    setAnswers((chosen?.items ?? []).map(() => ({ answer: "", note: "" })));
  }

  function updateAction(key: number, change: Partial<ActionDraft>) {
    setActions((all) => all.map((a) => (a.key === key ? { ...a, ...change } : a)));
  }

  function check(): Record<string, string> {
    const problems: Record<string, string> = {};
    const day = readDateField(visitedOn, t("field.form.visitedOn"), { notAfter: todayIso() });
    if (!day) problems.visitedOn = required(t("field.form.visitedOn"));
    else if (!day.ok) problems.visitedOn = day.message[locale];
    if (!place.trim()) problems.place = required(t("field.form.place"));
    if (!observations.trim()) problems.observations = required(t("field.form.observations"));
    answers.forEach((a, i) => {
      if (!a.answer) problems[`answers.${i}`] = t("field.form.answerRequired");
    });
    actions.forEach((a, i) => {
      if (!a.text.trim()) problems[`actions.${i}.text`] = required(t("field.form.actionText"));
      if (!a.ownerId) problems[`actions.${i}.ownerId`] = required(t("field.form.owner"));
      if (a.mode === "days") {
        const days = parseTypedNumber(a.days, { integer: true });
        if (days === null || days < 1)
          problems[`actions.${i}.dueInWorkingDays`] = t("field.form.daysInvalid");
      } else {
        const due = readDateField(a.date, t("field.form.dueDate"));
        if (!due) problems[`actions.${i}.dueDate`] = required(t("field.form.dueDate"));
        else if (!due.ok) problems[`actions.${i}.dueDate`] = due.message[locale];
      }
    });
    return problems;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploadError(null);
    const problems = check();
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const photoFileIds: string[] = [];
    if (photos.length) {
      setUploading(true);
      try {
        for (const photo of photos) photoFileIds.push((await upload(photo)).id);
      } catch (failure) {
        setUploadError(t("field.form.uploadFailed", { reason: errorText(failure) }));
        return;
      } finally {
        setUploading(false);
      }
    }
    const day = readDateField(visitedOn, t("field.form.visitedOn"));
    record.mutate(
      {
        kind,
        visitedOn: day?.ok ? day.iso : visitedOn,
        place,
        participantIds: participants,
        ...(checklist ? { checklistId: checklist.id } : {}),
        answers: answers.map((a) => ({
          answer: a.answer as Answer,
          ...(a.note.trim() ? { note: a.note } : {}),
        })),
        observations,
        photoFileIds,
        actions: actions.map((a) => {
          const due = readDateField(a.date, t("field.form.dueDate"));
          return {
            text: a.text,
            ownerId: a.ownerId,
            ...(a.mode === "days"
              ? { dueInWorkingDays: parseTypedNumber(a.days, { integer: true }) ?? 0 }
              : { dueDate: due?.ok ? due.iso : a.date }),
          };
        }),
      },
      { onSuccess: (visit) => navigate(`/field/visits/${visit.id}`) },
    );
  }

  // A refusal the form cannot place beside a field is said above the button.
  const shownBesideField =
    /^(visitedOn|place|observations|checklistId|answers(\.\d+)?|photoFileIds\.0|actions\.\d+\.(text|ownerId|dueDate|dueInWorkingDays))$/;
  const generalError =
    record.error &&
    !(
      isApiError(record.error) &&
      record.error.fieldErrors.length > 0 &&
      record.error.fieldErrors.every((f) => shownBesideField.test(f.path))
    )
      ? isApiError(record.error) && record.error.fieldErrors[0]
        ? record.error.fieldErrors[0].message[locale]
        : errorText(record.error)
      : null;

  const errorLine = (path: string) =>
    error(path) ? (
      <p className="field__error" id={`${ids}-${path}-error`}>
        {error(path)}
      </p>
    ) : null;

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("field.form.title")}
        </h1>
      </header>
      <form className="card form" noValidate onSubmit={onSubmit}>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-kind`}>
            {t("field.form.kind")}
          </label>
          <select
            id={`${ids}-kind`}
            className="field__input"
            value={kind}
            onChange={(event) => setKind(event.target.value as FieldVisitKind)}
          >
            {fieldVisitKinds.map((value) => (
              <option key={value} value={value}>
                {t(fieldKindLabels[value])}
              </option>
            ))}
          </select>
        </div>
        <DateField
          label={t("field.form.visitedOn")}
          value={visitedOn}
          onChange={setVisitedOn}
          notAfterToday
          error={error("visitedOn")}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-place`}>
            {t("field.form.place")}
          </label>
          <input
            id={`${ids}-place`}
            className="field__input"
            value={place}
            onChange={(event) => setPlace(event.target.value)}
            aria-invalid={error("place") ? true : undefined}
            aria-describedby={error("place") ? `${ids}-place-error` : undefined}
          />
          {errorLine("place")}
        </div>
        <fieldset className="field-participants">
          <legend className="field__label">{t("field.form.participants")}</legend>
          {(people.data?.items ?? []).map((person) => (
            <label key={person.id} className="checkbox">
              <input
                type="checkbox"
                checked={participants.includes(person.id)}
                onChange={(event) =>
                  setParticipants((all) =>
                    event.target.checked ? [...all, person.id] : all.filter((id) => id !== person.id),
                  )
                }
              />{" "}
              <UserText>{person.fullName}</UserText>
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-checklist`}>
            {t("field.form.checklist")}
          </label>
          <select
            id={`${ids}-checklist`}
            className="field__input"
            value={checklistId}
            onChange={(event) => chooseChecklist(event.target.value)}
          >
            <option value="">{t("field.form.noChecklist")}</option>
            {(checklists.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {errorLine("checklistId")}
          {errorLine("answers")}
        </div>
        {checklist
          ? checklist.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the items of the chosen checklist version do not move
              <div key={`${checklist.id}-${i}`} className="field-checklist-item">
                <fieldset
                  className="field-answers"
                  aria-describedby={error(`answers.${i}`) ? `${ids}-answers.${i}-error` : undefined}
                >
                  <legend className="field__label">
                    <UserText>{item}</UserText>
                  </legend>
                  {fieldAnswers.map((answer) => (
                    <label key={answer} className="radio">
                      <input
                        type="radio"
                        name={`${ids}-answer-${i}`}
                        value={answer}
                        checked={answers[i]?.answer === answer}
                        onChange={() =>
                          setAnswers((all) => all.map((a, j) => (j === i ? { ...a, answer } : a)))
                        }
                      />{" "}
                      {t(fieldAnswerLabels[answer])}
                    </label>
                  ))}
                </fieldset>
                {errorLine(`answers.${i}`)}
                <div className="field">
                  <label className="field__label" htmlFor={`${ids}-note-${i}`}>
                    {t("field.form.note")}
                    <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
                  </label>
                  <input
                    id={`${ids}-note-${i}`}
                    className="field__input"
                    value={answers[i]?.note ?? ""}
                    onChange={(event) =>
                      setAnswers((all) =>
                        all.map((a, j) => (j === i ? { ...a, note: event.target.value } : a)),
                      )
                    }
                  />
                </div>
              </div>
            ))
          : null}

        <TextAreaField
          label={t("field.form.observations")}
          value={observations}
          onChange={setFindings}
          error={error("observations")}
        />
        <FilePicker
          label={t("field.form.photos")}
          files={photos}
          onChange={setPhotos}
          accept={photoTypes}
          multiple
          optional
          hint={<Interpolate message={t("field.form.photosHint")} values={{ types: "PNG, JPEG, WebP" }} />}
          error={uploadError ?? error("photoFileIds.0")}
        />

        <fieldset className="field-actions">
          <legend className="card__title">{t("field.form.actions")}</legend>
          {actions.map((action, i) => (
            <div key={action.key} className="field-action-row">
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-action-${action.key}-text`}>
                  {t("field.form.actionText")}
                </label>
                <input
                  id={`${ids}-action-${action.key}-text`}
                  className="field__input"
                  value={action.text}
                  onChange={(event) => updateAction(action.key, { text: event.target.value })}
                />
                {errorLine(`actions.${i}.text`)}
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-action-${action.key}-owner`}>
                  {t("field.form.owner")}
                </label>
                <select
                  id={`${ids}-action-${action.key}-owner`}
                  className="field__input"
                  value={action.ownerId}
                  onChange={(event) => updateAction(action.key, { ownerId: event.target.value })}
                >
                  <option value="">{t("field.form.chooseOwner")}</option>
                  {(people.data?.items ?? []).map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.fullName}
                    </option>
                  ))}
                </select>
                {errorLine(`actions.${i}.ownerId`)}
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-action-${action.key}-mode`}>
                  {t("field.form.dueMode")}
                </label>
                <select
                  id={`${ids}-action-${action.key}-mode`}
                  className="field__input"
                  value={action.mode}
                  onChange={(event) =>
                    updateAction(action.key, { mode: event.target.value as "days" | "date" })
                  }
                >
                  <option value="days">{t("field.form.dueByDays")}</option>
                  <option value="date">{t("field.form.dueByDate")}</option>
                </select>
              </div>
              {action.mode === "days" ? (
                <NumberField
                  label={t("field.form.dueDays")}
                  value={action.days}
                  onChange={(days) => updateAction(action.key, { days })}
                  error={error(`actions.${i}.dueInWorkingDays`)}
                />
              ) : (
                <DateField
                  label={t("field.form.dueDate")}
                  value={action.date}
                  onChange={(date) => updateAction(action.key, { date })}
                  error={error(`actions.${i}.dueDate`)}
                />
              )}
              <button
                type="button"
                className="button button--link"
                onClick={() => setActions((all) => all.filter((a) => a.key !== action.key))}
              >
                {t("field.form.removeAction")}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setActions((all) => [
                ...all,
                { key: nextKey, text: "", ownerId: "", mode: "days", days: "", date: "" },
              ]);
              setNextKey((k) => k + 1);
            }}
          >
            {t("field.form.addAction")}
          </button>
        </fieldset>

        {generalError ? (
          <div role="alert" className="alert alert--error">
            {generalError}
          </div>
        ) : null}
        <button type="submit" className="button button--primary" disabled={record.isPending || uploading}>
          {record.isPending || uploading ? t("field.form.saving") : t("field.form.submit")}
        </button>
      </form>
    </section>
  );
}
