import { type FormEvent, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import {
  type CorrespondenceView,
  correspondenceDirectionSchema,
  correspondenceMediumSchema,
} from "../../../../shared/contracts/contacts.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useCorrespondence } from "../api/list-correspondence.js";
import { useRegisterCorrespondence } from "../api/register-correspondence.js";
import type { Attachments } from "../attachments.js";
import { correspondenceDirectionLabels, correspondenceMediumLabels } from "../labels.js";
import { CorrespondenceList } from "./correspondence-list.js";
import { FilePicker } from "./file-picker.js";
import "./contacts.css";
import { DateField, dateFieldValue } from "../../../components/ui/date-field.js";

type Direction = z.infer<typeof correspondenceDirectionSchema>;
type Medium = z.infer<typeof correspondenceMediumSchema>;

/** «سجل المراسلات»: letters, faxes and e-mails in and out, each with the register's reference number. */
export function CorrespondencePage({
  canRegister,
  attachments,
}: {
  canRegister: boolean;
  attachments: Attachments;
}) {
  const { t, errorText } = useI18n();
  const [filter, setFilter] = useState<Direction | "">("");
  const letters = useCorrespondence(filter ? { direction: filter } : {});
  const ids = useId();

  return (
    <section className="page" aria-labelledby="correspondence-title">
      <header className="page__header">
        <h1 id="correspondence-title" className="page__title">
          {t("correspondence.title")}
        </h1>
        <p className="page__lead">{t("correspondence.intro")}</p>
      </header>

      {canRegister ? <RegisterCorrespondenceForm attachments={attachments} /> : null}

      <section className="correspondence-register" aria-labelledby={`${ids}-list`}>
        <div className="card__head">
          <h2 id={`${ids}-list`} className="card__title">
            {t("correspondence.list.title")}
          </h2>
          <div className="field field--inline">
            <label className="field__label" htmlFor={`${ids}-filter`}>
              {t("correspondence.list.filter")}
            </label>
            <select
              id={`${ids}-filter`}
              className="field__input"
              value={filter}
              onChange={(event) => setFilter(event.target.value as Direction | "")}
            >
              <option value="">{t("correspondence.list.all")}</option>
              {correspondenceDirectionSchema.options.map((value) => (
                <option key={value} value={value}>
                  {t(correspondenceDirectionLabels[value])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <ExportButtons path="/api/correspondence/export" query={{ direction: filter || undefined }} />
        {letters.isPending ? <p className="muted">{t("common.loading")}</p> : null}
        {letters.isError ? (
          <div role="alert" className="alert alert--error">
            {errorText(letters.error)}{" "}
            <button type="button" className="button button--link" onClick={() => letters.refetch()}>
              {t("common.retry")}
            </button>
          </div>
        ) : null}
        {letters.isSuccess && letters.data.items.length === 0 ? (
          <p className="empty">{t("correspondence.list.empty")}</p>
        ) : null}
        {letters.isSuccess && letters.data.items.length > 0 ? (
          <CorrespondenceList
            items={letters.data.items}
            href={attachments.href}
            label={t("correspondence.list.title")}
          />
        ) : null}
      </section>
    </section>
  );
}

function RegisterCorrespondenceForm({ attachments }: { attachments: Attachments }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const beneficiaryId = searchParams.get("beneficiaryId") ?? undefined;
  const register = useRegisterCorrespondence();
  const [direction, setDirection] = useState<Direction>("incoming");
  const [medium, setMedium] = useState<Medium>("letter");
  const [counterpart, setCounterpart] = useState("");
  const [subject, setSubject] = useState("");
  const [externalReference, setExternalReference] = useState("");
  const [datedOn, setDatedOn] = useState("");
  const [scan, setScan] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [done, setDone] = useState<CorrespondenceView | null>(null);

  const fieldError = (path: string) =>
    isApiError(register.error) ? register.error.fieldMessage(path)?.[locale] : undefined;
  const errors = {
    counterpart: fieldError("counterpart"),
    subject: fieldError("subject"),
    externalReference: fieldError("externalReference"),
    datedOn: fieldError("datedOn"),
  };
  const marked = Object.values(errors).some(Boolean);
  const generalError = register.error && !marked ? errorText(register.error) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setUploadError(null);
    let fileId: string | undefined;
    const [file] = scan;
    if (file) {
      setUploading(true);
      try {
        fileId = (await attachments.upload(file)).id;
      } catch (failure) {
        setUploadError(errorText(failure));
        return;
      } finally {
        setUploading(false);
      }
    }
    register.mutate(
      {
        direction,
        medium,
        counterpart,
        subject,
        externalReference: externalReference.trim() || undefined,
        datedOn: dateFieldValue(datedOn),
        beneficiaryId,
        fileId,
      },
      {
        onSuccess: (letter) => {
          setDone(letter);
          setCounterpart("");
          setSubject("");
          setExternalReference("");
          setDatedOn("");
          setScan([]);
        },
      },
    );
  }

  const text = (
    key: "counterpart" | "subject" | "externalReference",
    label: string,
    value: string,
    set: (value: string) => void,
    optional = false,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={`${ids}-${key}`}>
        {label}
        {optional ? <span className="field__optional"> ({t("beneficiaries.form.optional")})</span> : null}
      </label>
      <input
        id={`${ids}-${key}`}
        className="field__input"
        value={value}
        onChange={(event) => set(event.target.value)}
        dir={key === "externalReference" ? "auto" : undefined}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={errors[key] ? `${ids}-${key}-error` : undefined}
      />
      {errors[key] ? (
        <p className="field__error" id={`${ids}-${key}-error`}>
          {errors[key]}
        </p>
      ) : null}
    </div>
  );

  return (
    <section className="card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="card__title">
        {t("correspondence.register.title")}
      </h2>
      {beneficiaryId ? (
        <p className="notice">
          {t("correspondence.register.linked")}{" "}
          <Link to={`/beneficiaries/${beneficiaryId}`}>{t("correspondence.openFile")}</Link>
          {" · "}
          <button
            type="button"
            className="button button--link"
            onClick={() => setSearchParams({}, { replace: true })}
          >
            {t("correspondence.register.unlink")}
          </button>
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="contact-form__row">
          <fieldset className="choice-group">
            <legend className="field__label">{t("correspondence.register.direction")}</legend>
            <div className="choice-group__options">
              {correspondenceDirectionSchema.options.map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`${ids}-direction`}
                    value={value}
                    checked={direction === value}
                    onChange={() => setDirection(value)}
                  />
                  {t(correspondenceDirectionLabels[value])}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-medium`}>
              {t("correspondence.register.medium")}
            </label>
            <select
              id={`${ids}-medium`}
              className="field__input"
              value={medium}
              onChange={(event) => setMedium(event.target.value as Medium)}
            >
              {correspondenceMediumSchema.options.map((value) => (
                <option key={value} value={value}>
                  {t(correspondenceMediumLabels[value])}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="contact-form__row">
          {text(
            "counterpart",
            direction === "incoming" ? t("correspondence.register.from") : t("correspondence.register.to"),
            counterpart,
            setCounterpart,
          )}
          {text("subject", t("correspondence.register.subject"), subject, setSubject)}
        </div>
        <div className="contact-form__row">
          {text(
            "externalReference",
            t("correspondence.register.externalReference"),
            externalReference,
            setExternalReference,
            true,
          )}
          <DateField
            id={`${ids}-datedOn`}
            label={t("correspondence.register.datedOn")}
            optionalLabel={t("beneficiaries.form.optional")}
            value={datedOn}
            onChange={(text) => setDatedOn(text)}
            error={errors.datedOn}
            notAfterToday
          />
        </div>
        <FilePicker
          label={t("correspondence.register.scan")}
          files={scan}
          onChange={setScan}
          error={uploadError}
        />

        <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
          {generalError}
        </div>
        <p className="success" aria-live="polite">
          {done ? (
            <>
              {t("correspondence.register.saved")}{" "}
              <bdi dir="ltr" className="reference-number">
                {done.referenceNumber}
              </bdi>
            </>
          ) : null}
        </p>
        <div>
          <button className="button button--primary" type="submit" disabled={register.isPending || uploading}>
            {uploading
              ? t("files.uploading")
              : register.isPending
                ? t("contacts.record.submitting")
                : t("correspondence.register.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
