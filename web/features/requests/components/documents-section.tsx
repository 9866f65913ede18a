import { type FormEvent, useId, useState } from "react";
import type { FileKind } from "../../../../shared/contracts/access.js";
import type { RequestView } from "../../../../shared/contracts/requests.js";
import { describeValidity, type Requirement } from "../../../../shared/contracts/services.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";
import { UserText } from "../../../components/ui/user-text.js";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useAttachDocument } from "../api/attach-document.js";
import { useUpdateRequestData } from "../api/update-request-data.js";
import { editableStates, requirementStatusLabels } from "../labels.js";
import { Refusal } from "./feedback.js";

type FieldRequirement = Extract<Requirement, { kind: "field" }>;
type DocumentRequirement = Extract<Requirement, { kind: "document" }>;

/** What the person's words say: a label in the interface language, Arabic when no English was given. */
function useLabel() {
  const { locale } = useI18n();
  return (requirement: Requirement) =>
    locale === "en" && requirement.labelEn ? requirement.labelEn : requirement.labelAr;
}

function statusOf(request: RequestView, code: string) {
  return request.completeness.items.find((item) => item.code === code);
}

/** The service's data fields, typed as the service declares them. */
export function DataSection({ request, canEdit }: { request: RequestView; canEdit: boolean }) {
  const { t } = useI18n();
  const ids = useId();
  const label = useLabel();
  const fields = request.requirements.filter((r): r is FieldRequirement => r.kind === "field");
  const editable = canEdit && editableStates.includes(request.state);
  const save = useUpdateRequestData(request.id);
  const initial = () =>
    Object.fromEntries(fields.map((field) => [field.code, String(request.data[field.code] ?? "")]));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  if (fields.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data: Record<string, string | number | boolean | null> = {};
    for (const field of fields) {
      const text = (values[field.code] ?? "").trim();
      if (field.fieldType === "boolean") data[field.code] = text === "true";
      else if (text === "") data[field.code] = null;
      else if (field.fieldType === "date") data[field.code] = dateFieldValue(text) ?? null;
      else if (field.fieldType === "number")
        data[field.code] = Number(text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
      else data[field.code] = text;
    }
    setSaved(false);
    save.mutate({ data }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.data.title")}
      </h2>
      <form noValidate className="form request-grid" onSubmit={submit}>
        {fields.map((field) => {
          const status = statusOf(request, field.code);
          const inputId = `${ids}-${field.code}`;
          if (field.fieldType === "date" && editable)
            return (
              <DateField
                key={field.code}
                id={inputId}
                label={label(field)}
                optionalLabel={field.required ? undefined : t("requests.optional")}
                value={values[field.code] ?? ""}
                onChange={(text) => setValues({ ...values, [field.code]: text })}
                error={
                  status && status.status !== "present" ? t(requirementStatusLabels[status.status]) : null
                }
              />
            );
          return field.fieldType === "boolean" ? (
            <label key={field.code} className="choice">
              <input
                type="checkbox"
                disabled={!editable}
                checked={values[field.code] === "true"}
                onChange={(event) => setValues({ ...values, [field.code]: String(event.target.checked) })}
              />
              {label(field)}
            </label>
          ) : (
            <div key={field.code} className="field">
              <label className="field__label" htmlFor={inputId}>
                {label(field)}
                {field.required ? null : <span className="field__optional"> {t("requests.optional")}</span>}
              </label>
              <input
                id={inputId}
                className="field__input"
                inputMode={field.fieldType === "number" ? "decimal" : undefined}
                readOnly={!editable}
                value={values[field.code] ?? ""}
                onChange={(event) => setValues({ ...values, [field.code]: event.target.value })}
              />
              {status && status.status !== "present" ? (
                <p className="field__error">{t(requirementStatusLabels[status.status])}</p>
              ) : null}
            </div>
          );
        })}
        <Refusal error={save.error} />
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="button button--secondary" disabled={save.isPending}>
              {t("requests.data.save")}
            </button>
            {saved ? (
              <span className="success" role="status">
                {t("requests.data.saved")}
              </span>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}

type DocumentsProps = {
  request: RequestView;
  canEdit: boolean;
  upload: (file: File) => Promise<{ id: string; name: string }>;
  /** Where to download a file, or null when the reader's role may not open this kind (shared/contracts/access.ts). */
  href: (fileId: string, kind: FileKind) => string | null;
};

/** The documents checklist: each requirement, its rule, its status and the file attached to it. */
export function DocumentsSection({ request, canEdit, upload, href }: DocumentsProps) {
  const { t } = useI18n();
  const ids = useId();
  const documents = request.requirements.filter((r): r is DocumentRequirement => r.kind === "document");
  if (documents.length === 0) return null;
  const editable = canEdit && editableStates.includes(request.state);
  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("requests.documents.title")}
      </h2>
      <ul className="checklist" aria-label={t("requests.documents.title")}>
        {documents.map((requirement) => (
          <DocumentItem
            key={requirement.code}
            request={request}
            requirement={requirement}
            editable={editable}
            upload={upload}
            href={href}
          />
        ))}
      </ul>
    </section>
  );
}

function DocumentItem({
  request,
  requirement,
  editable,
  upload,
  href,
}: Omit<DocumentsProps, "canEdit"> & { requirement: DocumentRequirement; editable: boolean }) {
  const { t, locale } = useI18n();
  const ids = useId();
  const label = useLabel();
  const attach = useAttachDocument(request.id);
  const [file, setFile] = useState<File | null>(null);
  const [date, setDate] = useState("");
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const status = statusOf(request, requirement.code);
  const attached = request.documents.filter((d) => d.requirementCode === requirement.code).at(-1);
  const rule = describeValidity(requirement.validity);
  const dateField =
    requirement.validity.kind === "not_expired"
      ? "expiresOn"
      : requirement.validity.kind === "issued_within"
        ? "issuedOn"
        : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setUploadError(null);
    setBusy(true);
    try {
      const stored = await upload(file);
      await attach.mutateAsync({
        requirementCode: requirement.code,
        fileId: stored.id,
        ...(dateField && date.trim() ? { [dateField]: dateFieldValue(date) } : {}),
      });
      setFile(null);
      setDate("");
      (event.target as HTMLFormElement).reset();
    } catch (error) {
      setUploadError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="checklist__item" data-status={status?.status ?? "present"}>
      <div className="checklist__head">
        <span className="checklist__name">{label(requirement)}</span>
        <span className="req-status" data-status={status?.status ?? "present"}>
          {t(requirementStatusLabels[status?.status ?? "present"])}
        </span>
      </div>
      {rule ? <p className="muted">{rule[locale]}</p> : null}
      {status?.message ? <p className="field__error">{status.message[locale]}</p> : null}
      {attached ? (
        <p className="checklist__file">
          {(() => {
            const link = href(attached.file.id, attached.file.kind);
            return link ? (
              <a href={link}>
                <UserText>{attached.file.name}</UserText>
              </a>
            ) : (
              <span>
                <UserText>{attached.file.name}</UserText> — <Withheld />
              </span>
            );
          })()}
          {attached.issuedOn ? (
            <span>
              {t("requests.documents.issuedOn")}: <CalendarDate value={attached.issuedOn} />
            </span>
          ) : null}
          {attached.expiresOn ? (
            <span>
              {t("requests.documents.expiresOn")}: <CalendarDate value={attached.expiresOn} />
            </span>
          ) : null}
        </p>
      ) : null}
      {editable ? (
        <form
          noValidate
          className="inline-form"
          onSubmit={submit}
          aria-label={t("requests.documents.attachFor", { name: label(requirement) })}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-file`}>
              {t("requests.documents.file", { name: label(requirement) })}
            </label>
            <input
              id={`${ids}-file`}
              className="field__input"
              type="file"
              accept="application/pdf,image/jpeg,image/png,image/webp"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          {dateField ? (
            <DateField
              id={`${ids}-date`}
              label={
                dateField === "expiresOn"
                  ? t("requests.documents.expiresOnOf", { name: label(requirement) })
                  : t("requests.documents.issuedOnOf", { name: label(requirement) })
              }
              value={date}
              onChange={(text) => setDate(text)}
              notAfterToday={dateField === "issuedOn"}
            />
          ) : null}
          <button type="submit" className="button button--secondary" disabled={!file || busy}>
            {t("requests.documents.attach")}
          </button>
        </form>
      ) : null}
      <Refusal error={uploadError} />
    </li>
  );
}
