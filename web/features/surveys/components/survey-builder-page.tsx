import { type FormEvent, useEffect, useId, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { type SatisfactionMethodCode, satisfactionMethodNames } from "../../../../shared/contracts/policy.js";
import {
  type QuestionKind,
  questionKinds,
  type SurveyView,
  surveyPurposes,
} from "../../../../shared/contracts/surveys.js";
import { ConfirmButton } from "../../../components/ui/confirm-button.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { TextAreaField } from "../../../components/ui/text-area-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useSaveSurvey, useSetSurveyStatus, useSurvey, useSurveyTemplates } from "../api/surveys-api.js";
import {
  addOption,
  answerValues,
  changeKind,
  checkDraft,
  conditionSources,
  draftFromSurvey,
  emptyDraft,
  isChoiceKind,
  isScoreKind,
  maxOptions,
  maxQuestions,
  moveItem,
  newQuestion,
  type QuestionDraft,
  removeQuestion,
  type SurveyDraft,
  toRequest,
} from "../builder.js";
import {
  csatPointLabels,
  likertPointLabels,
  purposeLabels,
  questionKindLabels,
  statusLabels,
} from "../labels.js";
import { QuestionPreview } from "./question-preview.js";
import { TextField } from "./text-field.js";
import "./surveys.css";

/** «استبانة جديدة»: blank, or from one of the templates the approved policy's methods suggest. */
export function NewSurveyPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const templates = useSurveyTemplates();
  const [start, setStart] = useState("");
  const template = templates.data?.items.find((item) => item.code === start);
  const methodName = (code: string | null) =>
    code && code in satisfactionMethodNames
      ? satisfactionMethodNames[code as SatisfactionMethodCode][locale]
      : null;

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to="/surveys">{t("surveys.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {t("surveys.new")}
        </h1>
        <p className="page__lead">{t("surveys.builder.intro")}</p>
      </header>
      <div className="card">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-start`}>
            {t("surveys.builder.start")}
          </label>
          <select
            id={`${ids}-start`}
            className="field__input"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          >
            <option value="">{t("surveys.builder.blank")}</option>
            {(templates.data?.items ?? []).map((item) => {
              const method = methodName(item.method);
              return (
                <option key={item.code} value={item.code}>
                  {method ? t("surveys.builder.templateFor", { name: item.name, method }) : item.name}
                </option>
              );
            })}
          </select>
          {templates.isError ? <p className="field__error">{errorText(templates.error)}</p> : null}
        </div>
      </div>
      <SurveyEditor
        key={start || "blank"}
        initial={template ? draftFromSurvey(template.survey) : emptyDraft()}
      />
    </section>
  );
}

/** A survey: its current version in the builder, its status, its earlier versions. */
export function SurveyPage({ surveyId, canReadResults }: { surveyId: string; canReadResults: boolean }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const survey = useSurvey(surveyId);
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  // Said here, above the builder: a new version remounts the builder with its own questions.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <p>
          <Link to="/surveys">{t("surveys.back")}</Link>
        </p>
        <h1 id={`${ids}-title`} className="page__title">
          {survey.data ? <UserText>{survey.data.name}</UserText> : t("surveys.survey.title")}
        </h1>
        {survey.data ? (
          <p className="page__lead">
            {t(statusLabels[survey.data.status])} —{" "}
            {t("surveys.version", { version: survey.data.currentVersion })} —{" "}
            {t("surveys.answerCount", { count: survey.data.answers })}
          </p>
        ) : null}
        {survey.data && canReadResults ? (
          <div className="survey-links">
            <Link className="button button--secondary" to={`/surveys/${surveyId}/results`}>
              {t("surveys.results.link")}
            </Link>
          </div>
        ) : null}
      </header>
      {created && savedVersion === null ? (
        <p role="status" className="alert alert--success">
          {t("surveys.builder.created")}
        </p>
      ) : null}
      {savedVersion !== null ? (
        <p role="status" className="alert alert--success">
          {t("surveys.builder.savedVersion", { version: savedVersion })}
        </p>
      ) : null}
      {survey.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {survey.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(survey.error)}
        </div>
      ) : null}
      {survey.data ? (
        <>
          <StatusCard survey={survey.data} />
          <SurveyEditor
            key={`${survey.data.id}-${survey.data.currentVersion}`}
            survey={survey.data}
            onSaved={(saved) => setSavedVersion(saved.currentVersion)}
            initial={draftFromSurvey({
              name: survey.data.name,
              purpose: survey.data.purpose,
              ...(survey.data.current.intro ? { intro: survey.data.current.intro } : {}),
              questions: survey.data.current.questions,
            })}
          />
          <HistoryCard survey={survey.data} />
        </>
      ) : null}
    </section>
  );
}

function StatusCard({ survey }: { survey: SurveyView }) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const setStatus = useSetSurveyStatus(survey.id);
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.status.title")}
      </h2>
      <p>{t(`surveys.status.explain.${survey.status}`)}</p>
      <div className="form-actions">
        {survey.status !== "active" ? (
          <ConfirmButton
            className="button button--primary"
            title={t("surveys.status.activateTitle")}
            message={t("surveys.status.activateMessage")}
            confirmLabel={t("surveys.status.activateConfirm")}
            disabled={setStatus.isPending}
            onConfirm={() => setStatus.mutate("active")}
          >
            {t("surveys.status.activate")}
          </ConfirmButton>
        ) : (
          <ConfirmButton
            title={t("surveys.status.archiveTitle")}
            message={t("surveys.status.archiveMessage")}
            confirmLabel={t("surveys.status.archiveConfirm")}
            disabled={setStatus.isPending}
            onConfirm={() => setStatus.mutate("archived")}
          >
            {t("surveys.status.archive")}
          </ConfirmButton>
        )}
      </div>
      {setStatus.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(setStatus.error)}
        </div>
      ) : null}
    </section>
  );
}

function HistoryCard({ survey }: { survey: SurveyView }) {
  const { t } = useI18n();
  const ids = useId();
  if (survey.history.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("surveys.history.title")}
      </h2>
      <p className="muted">{t("surveys.history.intro")}</p>
      <ul className="plain-list">
        {survey.history.map((version) => (
          <li key={version.version}>
            {t("surveys.version", { version: version.version })} —{" "}
            {t("surveys.answerCount", { count: version.answers })} — <DualDate value={version.createdAt} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The builder: the survey's wording and its questions, each with its live preview. Questions move
 * with buttons (focus stays on the button pressed, the new place is announced).
 */
function SurveyEditor({
  initial,
  survey,
  onSaved,
}: {
  initial: SurveyDraft;
  survey?: SurveyView;
  onSaved?: (saved: SurveyView) => void;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const navigate = useNavigate();
  const save = useSaveSurvey();
  const [draft, setDraft] = useState<SurveyDraft>(initial);
  // Once a save was tried, the draft's problems follow every edit (a fixed field stops being marked,
  // a question moved above the one it depends on starts being marked).
  const [checked, setChecked] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const answered = (survey?.current.answers ?? 0) > 0;

  useEffect(() => {
    if (!focusAfterMove) return;
    document.getElementById(focusAfterMove)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : [];
  const server = (path: string) => serverErrors.find((e) => e.path === path)?.message[locale];
  const serverUnder = (prefix: string) =>
    serverErrors.find((e) => e.path === prefix || e.path.startsWith(`${prefix}.`))?.message[locale];
  const error = (path: string) => local[path] ?? server(path);
  const placed = (path: string) =>
    /^(name|purpose|intro\.(ar|en)|questions|questions\.\d+\.(kind|text\.(ar|en)|options(\.\d+\.text\.(ar|en))?|showIf(\..+)?))$/.test(
      path,
    );
  const generalError =
    save.error && !(serverErrors.length > 0 && serverErrors.every((e) => placed(e.path)))
      ? (serverErrors.find((e) => !placed(e.path))?.message[locale] ?? errorText(save.error))
      : null;

  const setQuestions = (change: (questions: QuestionDraft[]) => QuestionDraft[]) =>
    setDraft((d) => ({ ...d, questions: change(d.questions) }));
  const updateQuestion = (
    index: number,
    change: Partial<QuestionDraft> | ((q: QuestionDraft) => QuestionDraft),
  ) =>
    setQuestions((all) =>
      all.map((q, i) => (i === index ? (typeof change === "function" ? change(q) : { ...q, ...change }) : q)),
    );

  function move(index: number, delta: -1 | 1, button: "up" | "down") {
    const question = draft.questions[index];
    if (!question) return;
    setQuestions((all) => moveItem(all, index, delta));
    setAnnouncement(t("surveys.builder.moved", { number: index + delta + 1 }));
    // The button pressed keeps the focus; at the list's end, its twin does.
    const target = index + delta;
    const edge =
      (button === "up" && target === 0) || (button === "down" && target === draft.questions.length - 1);
    setFocusAfterMove(`${ids}-${question.key}-${edge ? (button === "up" ? "down" : "up") : button}`);
  }

  const problemsOf = (of: SurveyDraft) => {
    const problems: Record<string, string> = {};
    for (const p of checkDraft(of)) problems[p.path] ??= t(p.message, p.values);
    return problems;
  };
  const local = checked ? problemsOf(draft) : {};

  function check(): boolean {
    const problems = problemsOf(draft);
    setChecked(true);
    if (Object.keys(problems).length) {
      setAnnouncement(t("surveys.builder.problems", { count: Object.keys(problems).length }));
      return false;
    }
    return true;
  }

  function send() {
    save.mutate(
      { ...(survey ? { id: survey.id } : {}), ...toRequest(draft) },
      {
        onSuccess: (result) => {
          if (survey) onSaved?.(result);
          else navigate(`/surveys/${result.id}`, { state: { created: true } });
        },
      },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (answered) return; // The confirmation button sends an answered survey.
    if (check()) send();
  }

  return (
    <form
      className="card form survey-builder"
      noValidate
      onSubmit={onSubmit}
      aria-labelledby={`${ids}-title`}
    >
      <h2 id={`${ids}-title`} className="card__title">
        {survey ? t("surveys.builder.editTitle") : t("surveys.builder.newTitle")}
      </h2>
      {answered ? (
        <p className="notice">{t("surveys.builder.answeredNote", { count: survey?.current.answers ?? 0 })}</p>
      ) : null}
      <TextField
        label={t("surveys.field.name")}
        value={draft.name}
        onChange={(name) => setDraft((d) => ({ ...d, name }))}
        error={error("name")}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-purpose`}>
          {t("surveys.field.purpose")}
        </label>
        <select
          id={`${ids}-purpose`}
          className="field__input"
          value={draft.purpose}
          onChange={(event) =>
            setDraft((d) => ({ ...d, purpose: event.target.value as SurveyDraft["purpose"] }))
          }
        >
          {surveyPurposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(purposeLabels[purpose])}
            </option>
          ))}
        </select>
        {error("purpose") ? <p className="field__error">{error("purpose")}</p> : null}
      </div>
      <TextAreaField
        label={t("surveys.field.introAr")}
        hint={t("surveys.field.introHint")}
        value={draft.introAr}
        onChange={(introAr) => setDraft((d) => ({ ...d, introAr }))}
        error={error("intro.ar")}
      />
      <TextField
        label={t("surveys.field.introEn")}
        optionalLabel={t("beneficiaries.form.optional")}
        english
        value={draft.introEn}
        onChange={(introEn) => setDraft((d) => ({ ...d, introEn }))}
        error={error("intro.en")}
      />

      <h3 className="survey-builder__heading">{t("surveys.builder.questions")}</h3>
      {error("questions") ? (
        <p className="field__error">{error("questions") ?? serverUnder("questions")}</p>
      ) : null}
      <ol className="survey-questions">
        {draft.questions.map((question, index) => (
          <li key={question.key} className="survey-question">
            <QuestionEditor
              question={question}
              index={index}
              questions={draft.questions}
              idPrefix={`${ids}-${question.key}`}
              error={(path) => error(`questions.${index}.${path}`)}
              errorUnder={(path) =>
                local[`questions.${index}.${path}`] ?? serverUnder(`questions.${index}.${path}`)
              }
              onChange={(change) => updateQuestion(index, change)}
              onMove={(delta, button) => move(index, delta, button)}
              onRemove={() => {
                setQuestions((all) => removeQuestion(all, index));
                setAnnouncement(t("surveys.builder.removed", { number: index + 1 }));
              }}
            />
          </li>
        ))}
      </ol>
      {draft.questions.length === 0 ? <p className="empty">{t("surveys.builder.noQuestions")}</p> : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={draft.questions.length >= maxQuestions}
        onClick={() => {
          setQuestions((all) => [...all, newQuestion(all)]);
          setAnnouncement(t("surveys.builder.added", { number: draft.questions.length + 1 }));
        }}
      >
        {t("surveys.builder.addQuestion")}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {generalError ? (
        <div role="alert" className="alert alert--error">
          {generalError}
        </div>
      ) : null}
      <div className="form-actions">
        {answered ? (
          <ConfirmButton
            className="button button--primary"
            title={t("surveys.builder.newVersionTitle")}
            message={t("surveys.builder.newVersionMessage", {
              version: (survey?.currentVersion ?? 0) + 1,
              count: survey?.current.answers ?? 0,
            })}
            confirmLabel={t("surveys.builder.newVersionConfirm")}
            check={check}
            disabled={save.isPending}
            onConfirm={send}
          >
            {save.isPending ? t("surveys.builder.saving") : t("surveys.builder.save")}
          </ConfirmButton>
        ) : (
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? t("surveys.builder.saving") : t("surveys.builder.save")}
          </button>
        )}
      </div>
    </form>
  );
}

function QuestionEditor({
  question,
  index,
  questions,
  idPrefix,
  error,
  errorUnder,
  onChange,
  onMove,
  onRemove,
}: {
  question: QuestionDraft;
  index: number;
  questions: readonly QuestionDraft[];
  idPrefix: string;
  error: (path: string) => string | undefined;
  errorUnder: (path: string) => string | undefined;
  onChange: (change: Partial<QuestionDraft> | ((q: QuestionDraft) => QuestionDraft)) => void;
  onMove: (delta: -1 | 1, button: "up" | "down") => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const number = index + 1;
  const sources = conditionSources(questions, index);
  const source = sources.find((q) => q.key === question.showIf?.questionKey);
  const sourceNumber = (key: string) => questions.findIndex((q) => q.key === key) + 1;
  const valueLabel = (from: QuestionDraft, value: string) => {
    if (from.kind === "csat") return t(csatPointLabels[Number(value) - 1] ?? "surveys.kind.csat");
    if (from.kind === "likert") return t(likertPointLabels[Number(value) - 1] ?? "surveys.kind.likert");
    if (isChoiceKind(from.kind)) {
      const option = from.options.find((o) => o.key === value);
      const at = from.options.findIndex((o) => o.key === value) + 1;
      return option?.ar.trim() || t("surveys.preview.noOption", { number: at });
    }
    return value;
  };
  const conditionError = errorUnder("showIf");
  const optionsError = error("options");

  return (
    <fieldset className="survey-question__fields" aria-describedby={undefined}>
      <legend className="survey-question__legend">{t("surveys.builder.question", { number })}</legend>
      <div className="survey-question__tools">
        <button
          id={`${idPrefix}-up`}
          type="button"
          className="button button--quiet"
          disabled={index === 0}
          aria-label={t("surveys.builder.moveUp", { number })}
          onClick={() => onMove(-1, "up")}
        >
          {t("surveys.builder.up")}
        </button>
        <button
          id={`${idPrefix}-down`}
          type="button"
          className="button button--quiet"
          disabled={index === questions.length - 1}
          aria-label={t("surveys.builder.moveDown", { number })}
          onClick={() => onMove(1, "down")}
        >
          {t("surveys.builder.down")}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={t("surveys.builder.removeQuestion", { number })}
          onClick={onRemove}
        >
          {t("surveys.builder.remove")}
        </button>
      </div>
      <div className="survey-question__body">
        <div className="survey-question__form">
          <div className="field">
            <label className="field__label" htmlFor={`${idPrefix}-kind`}>
              {t("surveys.field.kind")}
            </label>
            <select
              id={`${idPrefix}-kind`}
              className="field__input"
              value={question.kind}
              onChange={(event) => onChange((q) => changeKind(q, event.target.value as QuestionKind))}
            >
              {questionKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(questionKindLabels[kind])}
                </option>
              ))}
            </select>
            {error("kind") ? <p className="field__error">{error("kind")}</p> : null}
          </div>
          <TextField
            label={t("surveys.field.textAr")}
            value={question.ar}
            onChange={(ar) => onChange({ ar })}
            error={error("text.ar")}
          />
          <TextField
            label={t("surveys.field.textEn")}
            optionalLabel={t("beneficiaries.form.optional")}
            english
            value={question.en}
            onChange={(en) => onChange({ en })}
            error={error("text.en")}
          />
          <label className="choice">
            <input
              type="checkbox"
              checked={question.required}
              onChange={(event) => onChange({ required: event.target.checked })}
            />
            {t("surveys.field.required")}
          </label>
          {isScoreKind(question.kind) ? (
            <div>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={question.aboutStaff}
                  aria-describedby={`${idPrefix}-staff-hint`}
                  onChange={(event) => onChange({ aboutStaff: event.target.checked })}
                />
                {t("surveys.field.aboutStaff")}
              </label>
              <p className="field__hint" id={`${idPrefix}-staff-hint`}>
                {t("surveys.field.aboutStaffHint")}
              </p>
            </div>
          ) : null}

          {isChoiceKind(question.kind) ? (
            <fieldset
              className="survey-options"
              aria-describedby={optionsError ? `${idPrefix}-options-error` : undefined}
            >
              <legend className="field__label">{t("surveys.field.options")}</legend>
              {question.options.map((option, j) => (
                <div key={option.key} className="survey-option">
                  <TextField
                    label={t("surveys.field.optionAr", { number: j + 1 })}
                    value={option.ar}
                    onChange={(ar) =>
                      onChange((q) => ({
                        ...q,
                        options: q.options.map((o, k) => (k === j ? { ...o, ar } : o)),
                      }))
                    }
                    error={error(`options.${j}.text.ar`)}
                  />
                  <TextField
                    label={t("surveys.field.optionEn", { number: j + 1 })}
                    optionalLabel={t("beneficiaries.form.optional")}
                    english
                    value={option.en}
                    onChange={(en) =>
                      onChange((q) => ({
                        ...q,
                        options: q.options.map((o, k) => (k === j ? { ...o, en } : o)),
                      }))
                    }
                    error={error(`options.${j}.text.en`)}
                  />
                  <button
                    type="button"
                    className="button button--link"
                    aria-label={t("surveys.builder.removeOptionOf", { number: j + 1, question: number })}
                    onClick={() =>
                      onChange((q) => ({
                        ...q,
                        options: q.options.filter((_, k) => k !== j),
                      }))
                    }
                  >
                    {t("surveys.builder.removeOption")}
                  </button>
                </div>
              ))}
              {optionsError ? (
                <p className="field__error" id={`${idPrefix}-options-error`}>
                  {optionsError}
                </p>
              ) : null}
              <button
                type="button"
                className="button button--secondary"
                disabled={question.options.length >= maxOptions}
                onClick={() => onChange(addOption)}
              >
                {t("surveys.builder.addOption")}
              </button>
            </fieldset>
          ) : null}

          <fieldset
            className="survey-condition"
            aria-describedby={conditionError ? `${idPrefix}-condition-error` : undefined}
          >
            <legend className="field__label">{t("surveys.condition.title")}</legend>
            {sources.length === 0 && !question.showIf ? (
              <p className="field__hint">{t("surveys.condition.none")}</p>
            ) : (
              <>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={question.showIf !== null}
                    onChange={(event) =>
                      onChange({
                        showIf: event.target.checked
                          ? { questionKey: sources[sources.length - 1]?.key ?? "", anyOf: [] }
                          : null,
                      })
                    }
                  />
                  {t("surveys.condition.only")}
                </label>
                {question.showIf ? (
                  <>
                    <div className="field">
                      <label className="field__label" htmlFor={`${idPrefix}-condition-source`}>
                        {t("surveys.condition.question")}
                      </label>
                      <select
                        id={`${idPrefix}-condition-source`}
                        className="field__input"
                        value={source ? source.key : ""}
                        onChange={(event) =>
                          onChange({ showIf: { questionKey: event.target.value, anyOf: [] } })
                        }
                      >
                        {source ? null : <option value="">{t("surveys.condition.chooseQuestion")}</option>}
                        {sources.map((q) => (
                          <option key={q.key} value={q.key}>
                            {t("surveys.condition.questionOption", {
                              number: sourceNumber(q.key),
                              text: q.ar.trim() || t("surveys.preview.noText"),
                            })}
                          </option>
                        ))}
                      </select>
                    </div>
                    {source ? (
                      <fieldset className="choice-group">
                        <legend className="field__label">{t("surveys.condition.values")}</legend>
                        <div className="choice-group__options">
                          {answerValues(source).map((value) => (
                            <label key={value} className="choice">
                              <input
                                type="checkbox"
                                checked={question.showIf?.anyOf.includes(value) ?? false}
                                onChange={(event) =>
                                  onChange((q) =>
                                    q.showIf
                                      ? {
                                          ...q,
                                          showIf: {
                                            ...q.showIf,
                                            anyOf: event.target.checked
                                              ? [...q.showIf.anyOf, value]
                                              : q.showIf.anyOf.filter((v) => v !== value),
                                          },
                                        }
                                      : q,
                                  )
                                }
                              />
                              {isChoiceKind(source.kind) ? (
                                <UserText>{valueLabel(source, value)}</UserText>
                              ) : (
                                valueLabel(source, value)
                              )}
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    ) : null}
                  </>
                ) : null}
              </>
            )}
            {conditionError ? (
              <p className="field__error" id={`${idPrefix}-condition-error`}>
                {conditionError}
              </p>
            ) : null}
          </fieldset>
        </div>
        <QuestionPreview question={question} number={number} />
      </div>
    </fieldset>
  );
}
