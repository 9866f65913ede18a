import { type FormEvent, useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { channelNames, contactChannels } from "../../../../shared/contracts/channels.js";
import {
  officerToolCodes,
  officerToolNames,
  type PolicyContent,
  type PolicyVersionView,
  satisfactionMethodCodes,
  satisfactionMethodNames,
} from "../../../../shared/contracts/policy.js";
import type { ResponsePeriodRule } from "../../../../shared/domain/index.js";
import { NumberField, typedNumber } from "../../../components/ui/number-field.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { usePolicyVersion } from "../api/get-policy-version.js";
import { useUpdatePolicyDraft } from "../api/update-policy-draft.js";
import { boundLabels, responsePeriodWords, startLabels, statusLabels, unitLabels } from "../labels.js";
import type { PolicyUploads } from "../uploads.js";
import { BoardApprovalForm } from "./board-approval-form.js";
import { ListEditor, OrderedChoice } from "./list-editor.js";
import { PolicyDocument } from "./policy-document.js";

type PolicyDraftPageProps = {
  draftId: string;
  /** The administrator edits drafts; the board reads them. */
  canEdit: boolean;
  /** A board member or the administrator records the board's resolution. */
  canApprove: boolean;
  uploads: PolicyUploads;
};

const defaultPeriod: ResponsePeriodRule = {
  value: 15,
  unit: "working_days",
  bound: "max",
  startsAt: "completion",
};

/** One draft: the structured editor, then the board's approval that makes it the policy. */
export function PolicyDraftPage({ draftId, canEdit, canApprove, uploads }: PolicyDraftPageProps) {
  const { t, errorText } = useI18n();
  const draft = usePolicyVersion(draftId);
  const [dirty, setDirty] = useState(false);
  return (
    <section className="page" aria-labelledby="draft-title">
      <header className="page__header">
        <p>
          <Link to="/policy/drafts">{t("policy.drafts.back")}</Link>
        </p>
        <h1 id="draft-title" className="page__title">
          {t("policy.draft.title")}
        </h1>
        <p className="page__lead">{t("policy.draft.intro")}</p>
      </header>
      {draft.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {draft.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(draft.error)}
        </div>
      ) : null}
      {draft.data && draft.data.status !== "draft" ? (
        <p className="notice">
          {t("policy.draft.notDraft", { status: t(statusLabels[draft.data.status]) })}{" "}
          <Link to={`/policy/versions/${draft.data.id}`}>{t("policy.draft.readVersion")}</Link>
        </p>
      ) : null}
      {draft.data?.status === "draft" ? (
        <>
          {canEdit ? (
            <DraftEditor key={draft.data.id} draft={draft.data} onDirty={setDirty} />
          ) : (
            <PolicyDocument content={draft.data.content} />
          )}
          {canApprove ? (
            <BoardApprovalForm draftId={draft.data.id} blocked={dirty} uploads={uploads} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function DraftEditor({ draft, onDirty }: { draft: PolicyVersionView; onDirty: (dirty: boolean) => void }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const update = useUpdatePolicyDraft();
  const [content, setContent] = useState<PolicyContent>(draft.content);
  const dirty = JSON.stringify(content) !== JSON.stringify(draft.content);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);

  const set = <Key extends keyof PolicyContent>(key: Key, value: PolicyContent[Key]) =>
    setContent((old) => ({ ...old, [key]: value }));
  const fieldError = (path: string) =>
    isApiError(update.error) ? update.error.fieldMessage(path)?.[locale] : undefined;
  const generalError =
    update.error && !(isApiError(update.error) && update.error.fieldErrors.length > 0)
      ? errorText(update.error)
      : null;
  const listErrors = isApiError(update.error) ? update.error.fieldErrors : [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = (items: string[]) => items.map((item) => item.trim()).filter(Boolean);
    const blankToNull = (text: string | null) => (text?.trim() ? text : null);
    update.mutate(
      {
        id: draft.id,
        patch: {
          ...content,
          detailedGoals: clean(content.detailedGoals),
          handlingSteps: clean(content.handlingSteps),
          referralRole: blankToNull(content.referralRole),
          compensation: blankToNull(content.compensation),
          complaints: blankToNull(content.complaints),
          privacy: blankToNull(content.privacy),
        },
      },
      { onSuccess: (saved) => setContent(saved.content) },
    );
  }

  const area = (key: "preamble" | "generalGoal" | "committees" | "liaisonOfficers" | "responsibilities") => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {t(`policy.section.${key}`)}
      </label>
      <textarea
        id={`${ids}-${key}`}
        className="field__input field__input--area"
        rows={key === "preamble" || key === "responsibilities" ? 6 : 3}
        value={content[key]}
        onChange={(event) => set(key, event.target.value)}
      />
      {fieldError(key) ? <p className="field__error">{fieldError(key)}</p> : null}
    </div>
  );
  const optionalArea = (key: "compensation" | "complaints" | "privacy") => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {t(`policy.section.${key}`)}
        {content[key] ? null : <span className="field__optional"> ({t("policy.draft.absent")})</span>}
      </label>
      <textarea
        id={`${ids}-${key}`}
        className="field__input field__input--area"
        rows={3}
        value={content[key] ?? ""}
        onChange={(event) => set(key, event.target.value)}
        aria-describedby={`${ids}-${key}-hint`}
      />
      <p className="field__hint" id={`${ids}-${key}-hint`}>
        {t("policy.draft.absentHint")}
      </p>
    </div>
  );
  const period = content.responsePeriod;
  const setPeriod = (patch: Partial<ResponsePeriodRule>) =>
    set("responsePeriod", { ...(period ?? defaultPeriod), ...patch });

  return (
    <form className="card form policy-editor" onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("policy.draft.content")}
      </h2>
      {area("preamble")}
      {area("generalGoal")}
      <ListEditor
        legend={t("policy.section.detailedGoals")}
        itemLabel={(n) => t("policy.draft.goal", { n })}
        addLabel={t("policy.draft.addGoal")}
        items={content.detailedGoals}
        onChange={(items) => set("detailedGoals", items)}
      />
      <OrderedChoice
        legend={t("policy.section.channels")}
        options={contactChannels}
        name={(code) => channelNames[code][locale]}
        selected={content.channels}
        onChange={(codes) => set("channels", codes)}
      />
      <OrderedChoice
        legend={t("policy.section.officerTools")}
        options={officerToolCodes}
        name={(code) => officerToolNames[code][locale]}
        selected={content.officerTools}
        onChange={(codes) => set("officerTools", codes)}
      />
      <ListEditor
        legend={t("policy.section.handlingSteps")}
        itemLabel={(n) => t("policy.draft.step", { n })}
        addLabel={t("policy.draft.addStep")}
        items={content.handlingSteps}
        onChange={(items) => set("handlingSteps", items)}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-referral`}>
          {t("policy.referralRole")}
        </label>
        <input
          id={`${ids}-referral`}
          className="field__input"
          value={content.referralRole ?? ""}
          onChange={(event) => set("referralRole", event.target.value)}
        />
      </div>

      <fieldset className="period-editor">
        <legend className="field__label">{t("policy.period.title")}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={period !== null}
            onChange={(event) => set("responsePeriod", event.target.checked ? defaultPeriod : null)}
          />
          {t("policy.period.stated")}
        </label>
        {period ? (
          <>
            <div className="period-editor__row">
              <PeriodValueField
                label={t("policy.period.value")}
                value={period.value}
                onChange={(value) => setPeriod({ value })}
              />
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-unit`}>
                  {t("policy.period.unit")}
                </label>
                <select
                  id={`${ids}-unit`}
                  className="field__input"
                  value={period.unit}
                  onChange={(event) => setPeriod({ unit: event.target.value as ResponsePeriodRule["unit"] })}
                >
                  {(Object.keys(unitLabels) as ResponsePeriodRule["unit"][]).map((unit) => (
                    <option key={unit} value={unit}>
                      {t(unitLabels[unit])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-start`}>
                  {t("policy.period.startsAt")}
                </label>
                <select
                  id={`${ids}-start`}
                  className="field__input"
                  value={period.startsAt}
                  onChange={(event) =>
                    setPeriod({ startsAt: event.target.value as ResponsePeriodRule["startsAt"] })
                  }
                >
                  {(Object.keys(startLabels) as ResponsePeriodRule["startsAt"][]).map((start) => (
                    <option key={start} value={start}>
                      {t(startLabels[start])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-bound`}>
                  {t("policy.period.bound")}
                </label>
                <select
                  id={`${ids}-bound`}
                  className="field__input"
                  value={period.bound}
                  onChange={(event) =>
                    setPeriod({ bound: event.target.value as ResponsePeriodRule["bound"] })
                  }
                >
                  {(Object.keys(boundLabels) as ResponsePeriodRule["bound"][]).map((bound) => (
                    <option key={bound} value={bound}>
                      {t(boundLabels[bound])}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p className="period-editor__words" aria-live="polite">
              {responsePeriodWords(period, t)}
            </p>
          </>
        ) : null}
      </fieldset>

      {area("committees")}
      {optionalArea("compensation")}
      {optionalArea("complaints")}
      {optionalArea("privacy")}
      {area("liaisonOfficers")}
      <OrderedChoice
        legend={t("policy.section.satisfactionMethods")}
        options={satisfactionMethodCodes}
        name={(code) => satisfactionMethodNames[code][locale]}
        selected={content.satisfactionMethods}
        onChange={(codes) => set("satisfactionMethods", codes)}
      />
      {area("responsibilities")}

      <div role="alert" className={generalError || listErrors.length > 0 ? "alert alert--error" : "alert"}>
        {generalError}
        {listErrors.length > 0 ? (
          <ul>
            {listErrors.map((error) => (
              <li key={`${error.path}-${error.code}`}>{error.message[locale]}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="success" aria-live="polite">
        {update.isSuccess && !dirty ? t("policy.draft.saved") : null}
      </p>
      <div className="form-actions policy-editor__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending || !dirty}>
          {update.isPending ? t("policy.draft.saving") : t("policy.draft.save")}
        </button>
        {dirty ? <span className="muted">{t("policy.draft.unsaved")}</span> : null}
      </div>
    </form>
  );
}

/** The period's number: kept as typed; only a number reaches the draft, words are refused beside it. */
function PeriodValueField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const [text, setText] = useState(String(value));
  const typed = typedNumber(text);
  return (
    <NumberField
      label={label}
      // What was typed, unless the draft's value changed elsewhere (another unit, a reload).
      value={typed === null || typed === value ? text : String(value)}
      onChange={(next) => {
        setText(next);
        const number = typedNumber(next);
        if (number !== null && number >= 1) onChange(number);
      }}
    />
  );
}
