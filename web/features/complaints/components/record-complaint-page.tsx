import { type FormEvent, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { z } from "zod";
import { type ContactChannel, channelNames } from "../../../../shared/contracts/channels.js";
import type { complaintReceiptSchema } from "../../../../shared/contracts/complaints.js";
import { CalendarDate } from "../../../components/ui/calendar-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useRecordComplaint } from "../api/record-complaint.js";
import { type ComplaintDraft, ComplaintFields, draftBody, emptyDraft } from "./complaint-fields.js";
import "./complaints.css";
import { DocumentTypesHint, FilePicker } from "../../../components/ui/file-picker.js";

type Receipt = z.infer<typeof complaintReceiptSchema>;

// The ways a complaint reaches staff; the website's own form files itself.
const staffChannels: readonly ContactChannel[] = [
  "phone",
  "fax",
  "letters",
  "interview",
  "email",
  "branch_representatives",
  "social_media",
];

/** What the server accepts; the picker offers only these, the server still reads the content. */
const acceptedFileTypes = "application/pdf,image/jpeg,image/png,image/webp";

/** «تسجيل شكوى»: a complaint received by phone, fax, letter or in person, with the channel (Q1). */
export function RecordComplaintPage({
  upload,
  canOpenList,
}: {
  /** Uploads one file and answers its id (the files feature, handed in by the app). */
  upload: (file: File) => Promise<{ id: string }>;
  canOpenList: boolean;
}) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const [searchParams] = useSearchParams();
  const beneficiaryId = searchParams.get("beneficiaryId") ?? undefined;
  const record = useRecordComplaint();
  const [channel, setChannel] = useState<ContactChannel>("phone");
  const [draft, setDraft] = useState<ComplaintDraft>(emptyDraft);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [done, setDone] = useState<Receipt | null>(null);

  const error = (path: string) =>
    isApiError(record.error) ? record.error.fieldMessage(path)?.[locale] : undefined;
  const marked = ["category", "subject", "details", "name", "phone", "email"].some((path) => error(path));
  const generalError = record.error && !marked ? errorText(record.error) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    setUploadError(null);
    const fileIds: string[] = [];
    if (files.length > 0) {
      setUploading(true);
      try {
        for (const file of files) fileIds.push((await upload(file)).id);
      } catch (failure) {
        setUploadError(errorText(failure));
        return;
      } finally {
        setUploading(false);
      }
    }
    // The staff form has no «anonymous» field: a complaint without a name simply has no contact.
    const { anonymous: _anonymous, ...body } = draftBody(draft);
    record.mutate(
      { ...body, channel, beneficiaryId, fileIds },
      {
        onSuccess: (receipt) => {
          setDone(receipt);
          setDraft(emptyDraft);
          setFiles([]);
        },
      },
    );
  }

  return (
    <section className="page" aria-labelledby={`${ids}-title`}>
      <header className="page__header">
        <h1 id={`${ids}-title`} className="page__title">
          {t("complaints.record.title")}
        </h1>
        <p className="page__lead">{t("complaints.record.intro")}</p>
      </header>

      <section className="card">
        <form className="form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-channel`}>
              {t("complaints.field.channel")}
            </label>
            <select
              id={`${ids}-channel`}
              className="field__input"
              value={channel}
              onChange={(event) => setChannel(event.target.value as ContactChannel)}
            >
              {staffChannels.map((value) => (
                <option key={value} value={value}>
                  {channelNames[value][locale]}
                </option>
              ))}
            </select>
          </div>

          <ComplaintFields draft={draft} onChange={setDraft} error={error} recordedByStaff />

          <FilePicker
            label={t("files.attachments")}
            files={files}
            onChange={setFiles}
            accept={acceptedFileTypes}
            multiple
            optional
            hint={<DocumentTypesHint />}
            error={uploadError}
          />

          <div role="alert" className={generalError ? "alert alert--error" : "alert"}>
            {generalError}
          </div>
          <div className="success" aria-live="polite">
            {done ? (
              <p>
                {t("complaints.record.saved")}{" "}
                <bdi dir="ltr" className="reference-number">
                  {done.referenceNumber}
                </bdi>{" "}
                · {t("complaints.receipt.due")} <CalendarDate value={done.dueDate} />
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button className="button button--primary" type="submit" disabled={record.isPending || uploading}>
              {uploading
                ? t("files.uploading")
                : record.isPending
                  ? t("contacts.record.submitting")
                  : t("complaints.record.submit")}
            </button>
            {canOpenList ? (
              <Link className="button button--quiet" to="/complaints">
                {t("complaints.list.title")}
              </Link>
            ) : null}
          </div>
        </form>
      </section>
    </section>
  );
}
