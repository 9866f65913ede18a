import { type ReactNode, useId } from "react";
import { type ComplaintCategory, complaintCategorySchema } from "../../../../shared/contracts/complaints.js";
import { type MessageKey, useI18n } from "../../../i18n/i18n.js";
import { categoryHints, categoryLabels, notifyByLabels } from "../labels.js";

export type NotifyBy = "sms" | "email" | "none";

/** What a complaint says, whether the person files it or staff record it for them. */
export type ComplaintDraft = {
  category: ComplaintCategory | "";
  subject: string;
  details: string;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  notifyBy: NotifyBy;
};

export const emptyDraft: ComplaintDraft = {
  category: "",
  subject: "",
  details: "",
  anonymous: false,
  name: "",
  phone: "",
  email: "",
  notifyBy: "none",
};

const detailsMax = 5000;
const blank = (value: string) => value.trim() || undefined;

/** The draft as the API takes it: empty optional fields left out, no contact for an anonymous one. */
export function draftBody(draft: ComplaintDraft) {
  const contact = draft.anonymous
    ? { notifyBy: "none" as const }
    : {
        name: blank(draft.name),
        phone: blank(draft.phone),
        email: blank(draft.email),
        notifyBy: draft.notifyBy,
      };
  return {
    ...contact,
    anonymous: draft.anonymous,
    // An unchosen category is sent as is so the server marks the field, as it marks the others.
    category: draft.category as ComplaintCategory,
    subject: draft.subject,
    details: draft.details,
  };
}

type FieldsProps = {
  draft: ComplaintDraft;
  onChange: (draft: ComplaintDraft) => void;
  /** The server's words for a field, by its path. */
  error: (path: string) => string | undefined;
  /** Staff recording a complaint: the contact is the complainant's, spoken of in the third person. */
  recordedByStaff?: boolean;
};

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field__error" id={id}>
      {text}
    </p>
  ) : null;
}

/** Category cards, subject, details with a counter, and the complainant's contact. */
export function ComplaintFields({ draft, onChange, error, recordedByStaff = false }: FieldsProps) {
  const { t } = useI18n();
  const ids = useId();
  const set = <K extends keyof ComplaintDraft>(key: K, value: ComplaintDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const described = (key: string, hint?: boolean) =>
    [hint ? `${ids}-${key}-hint` : "", error(key) ? `${ids}-${key}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  const optional = <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>;

  const text = (
    key: "name" | "phone" | "email",
    label: MessageKey,
    extra: { type?: string; inputMode?: "tel" | "email"; autoComplete: string; ltr?: boolean },
    hint?: ReactNode,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {t(label)}
        {optional}
      </label>
      <input
        id={`${ids}-${key}`}
        className="field__input"
        type={extra.type ?? "text"}
        inputMode={extra.inputMode}
        autoComplete={extra.autoComplete}
        dir={extra.ltr ? "ltr" : undefined}
        value={draft[key]}
        onChange={(event) => set(key, event.target.value)}
        aria-invalid={error(key) ? true : undefined}
        aria-describedby={described(key, Boolean(hint))}
      />
      {hint ? (
        <p className="field__hint" id={`${ids}-${key}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${ids}-${key}-error`} text={error(key)} />
    </div>
  );

  return (
    <>
      <fieldset
        className="choice-group"
        aria-invalid={error("category") ? true : undefined}
        aria-describedby={error("category") ? `${ids}-category-error` : undefined}
      >
        <legend className="field__label">{t("complaints.form.category")}</legend>
        <div className="category-cards">
          {complaintCategorySchema.options.map((value) => (
            <label key={value} className="category-card">
              <input
                type="radio"
                name={`${ids}-category`}
                value={value}
                checked={draft.category === value}
                onChange={() => set("category", value)}
              />
              <span className="category-card__text">
                <span className="category-card__name">{t(categoryLabels[value])}</span>
                <span className="category-card__hint">{t(categoryHints[value])}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${ids}-category-error`} text={error("category")} />
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor={`${ids}-subject`}>
          {t("complaints.form.subject")}
        </label>
        <input
          id={`${ids}-subject`}
          className="field__input"
          value={draft.subject}
          maxLength={200}
          onChange={(event) => set("subject", event.target.value)}
          aria-invalid={error("subject") ? true : undefined}
          aria-describedby={described("subject")}
        />
        <FieldError id={`${ids}-subject-error`} text={error("subject")} />
      </div>

      <div className="field">
        <label className="field__label" htmlFor={`${ids}-details`}>
          {t("complaints.form.details")}
        </label>
        <textarea
          id={`${ids}-details`}
          className="field__input field__input--area complaint-details"
          rows={6}
          value={draft.details}
          maxLength={detailsMax}
          onChange={(event) => set("details", event.target.value)}
          aria-invalid={error("details") ? true : undefined}
          aria-describedby={described("details", true)}
        />
        <p className="field__hint complaint-details__counter" id={`${ids}-details-hint`}>
          <span>{t("complaints.form.detailsHint")}</span>
          <span aria-live="polite">
            {t("complaints.form.detailsCount", {
              count: draft.details.length,
              max: detailsMax,
            })}
          </span>
        </p>
        <FieldError id={`${ids}-details-error`} text={error("details")} />
      </div>

      <fieldset className="choice-group complaint-contact">
        <legend className="field__label">
          {recordedByStaff ? t("complaints.form.complainant") : t("complaints.form.aboutYou")}
        </legend>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={draft.anonymous}
            checked={draft.anonymous}
            onChange={(event) => set("anonymous", event.target.checked)}
          />
          <span className="switch__track" aria-hidden="true" />
          <span>
            {recordedByStaff ? t("complaints.form.anonymousStaff") : t("complaints.form.anonymous")}
          </span>
        </label>
        {draft.anonymous ? (
          <p className="field__hint">
            {recordedByStaff ? t("complaints.form.anonymousStaffHint") : t("complaints.form.anonymousHint")}
          </p>
        ) : (
          <div className="complaint-contact__fields">
            {text("name", "complaints.form.name", { autoComplete: "name" })}
            {text(
              "phone",
              "complaints.form.phone",
              { type: "tel", inputMode: "tel", autoComplete: "tel", ltr: true },
              t("complaints.form.phoneHint"),
            )}
            {text("email", "complaints.form.email", {
              type: "email",
              inputMode: "email",
              autoComplete: "email",
              ltr: true,
            })}
            <fieldset className="choice-group">
              <legend className="field__label">
                {recordedByStaff ? t("complaints.form.notifyByStaff") : t("complaints.form.notifyBy")}
              </legend>
              <div className="choice-group__options">
                {(["sms", "email", "none"] as const).map((value) => (
                  <label key={value} className="choice">
                    <input
                      type="radio"
                      name={`${ids}-notifyBy`}
                      value={value}
                      checked={draft.notifyBy === value}
                      onChange={() => set("notifyBy", value)}
                    />
                    {t(notifyByLabels[value])}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        )}
      </fieldset>
    </>
  );
}
