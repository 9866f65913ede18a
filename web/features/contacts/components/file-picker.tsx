import { useId, useRef } from "react";
import { Withheld } from "../../../components/ui/withheld.js";
import { useI18n } from "../../../i18n/i18n.js";
import { acceptedFileTypes } from "../attachments.js";

type FilePickerProps = {
  label: string;
  files: File[];
  onChange: (files: File[]) => void;
  multiple?: boolean;
  error?: string | null;
};

const fileKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

const sizeFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** Picks files to send with a form; they are uploaded only when the form is saved. */
export function FilePicker({ label, files, onChange, multiple = false, error }: FilePickerProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        <span className="field__optional"> ({t("beneficiaries.form.optional")})</span>
      </label>
      <input
        ref={input}
        id={id}
        className="field__input file-picker__input"
        type="file"
        accept={acceptedFileTypes}
        multiple={multiple}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const picked = Array.from(event.target.files ?? []);
          // The same file picked twice is attached once.
          const fresh = picked.filter((file) => !files.some((known) => fileKey(known) === fileKey(file)));
          onChange(multiple ? [...files, ...fresh] : picked);
          // The same file may be picked again after it is removed.
          event.target.value = "";
        }}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {t("files.hint")}
      </p>
      {files.length > 0 ? (
        <ul className="file-picker__list" aria-label={t("files.chosen")}>
          {files.map((file, index) => (
            <li key={fileKey(file)} className="file-picker__item">
              <bdi className="file-picker__name">{file.name}</bdi>
              <span className="muted" dir="ltr">
                {sizeFormat.format(file.size / 1024)} KB
              </span>
              <button
                type="button"
                className="button button--link"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                aria-label={t("files.removeNamed", { name: file.name })}
              >
                {t("files.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Links to stored files, named as they were uploaded. */
export function AttachmentLinks({
  files,
  href,
}: {
  files: readonly { id: string; name: string }[];
  /** Null when the reader's role may not open the file. */
  href: (fileId: string) => string | null;
}) {
  const { t } = useI18n();
  if (files.length === 0) return null;
  return (
    <ul className="attachment-links" aria-label={t("files.attachments")}>
      {files.map((file) => {
        const link = href(file.id);
        return (
          <li key={file.id}>
            {link ? (
              <a href={link} download={file.name}>
                <bdi>{file.name}</bdi>
              </a>
            ) : (
              <span>
                <bdi>{file.name}</bdi> — <Withheld />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
