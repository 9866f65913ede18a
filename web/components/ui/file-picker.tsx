import { type ReactNode, useId, useRef } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { Interpolate, UserText } from "./user-text.js";

export type FilePickerProps = {
  label: ReactNode;
  /** The chosen files (none, one, or several with `multiple`); the picker shows them and nothing else. */
  files: readonly File[];
  onChange: (files: File[]) => void;
  /** The types the system file dialog offers, as `<input accept>` takes them. */
  accept: string;
  multiple?: boolean;
  optional?: boolean;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Removing a file from the list (several files); one file is replaced by picking again. */
  removable?: boolean;
};

const fileKey = (file: File) => `${file.name}:${file.size}:${file.lastModified}`;

/**
 * A file field in the page's language: the browser's own control («Choose File», «No file chosen»)
 * speaks the browser's language, so the input is visually hidden and an Arabic button opens it; the
 * chosen file's name (isolated: someone named it) and size are shown beside it. The label still
 * names the input, so it is found by its label and the label opens the dialog too.
 */
export function FilePicker({
  label,
  files,
  onChange,
  accept,
  multiple = false,
  optional = false,
  hint,
  error,
  removable = multiple,
}: FilePickerProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const size = (bytes: number) =>
    new Intl.NumberFormat(locale === "ar" ? "ar-SA" : "en-GB", {
      style: "unit",
      unit: bytes >= 1024 * 1024 ? "megabyte" : "kilobyte",
      unitDisplay: "short",
      maximumFractionDigits: 1,
    }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1));
  // The button keeps its own name («اختر ملفًا»); the field's label is read as its description, so
  // the label names one control only (the input, for whoever finds the field by its label).
  const described = [`${id}-label`, hint ? `${id}-hint` : null, `${id}-chosen`, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field file-picker">
      <label className="field__label" htmlFor={id} id={`${id}-label`}>
        {label}
        {optional ? <span className="field__optional"> ({t("beneficiaries.form.optional")})</span> : null}
      </label>
      <input
        ref={input}
        id={id}
        className="visually-hidden"
        type="file"
        tabIndex={-1}
        accept={accept}
        multiple={multiple}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const picked = Array.from(event.target.files ?? []);
          if (picked.length > 0) {
            // The same file picked twice is attached once.
            const fresh = picked.filter((file) => !files.some((known) => fileKey(known) === fileKey(file)));
            onChange(multiple ? [...files, ...fresh] : picked.slice(0, 1));
          }
          // The same file may be picked again after it is removed.
          event.target.value = "";
        }}
      />
      <div className="file-picker__row">
        <button
          type="button"
          className="button button--secondary file-picker__button"
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
          onClick={() => input.current?.click()}
        >
          {files.length > 0 && !multiple ? t("files.pickAnother") : t("files.pick")}
        </button>
        {files.length === 0 ? (
          <span className="muted" id={`${id}-chosen`}>
            {t("files.noneChosen")}
          </span>
        ) : (
          <ul className="file-picker__list" id={`${id}-chosen`} aria-label={t("files.chosen")}>
            {files.map((file, index) => (
              <li key={fileKey(file)} className="file-picker__item">
                <span id={`${id}-name-${index}`}>
                  <UserText className="file-picker__name">{file.name}</UserText>
                </span>
                <span className="muted">{size(file.size)}</span>
                {removable ? (
                  <button
                    type="button"
                    className="button button--link"
                    id={`${id}-remove-${index}`}
                    onClick={() => onChange(files.filter((_, i) => i !== index))}
                    aria-labelledby={`${id}-remove-${index} ${id}-name-${index}`}
                  >
                    {t("files.remove")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The types a document field takes, the format names isolated as the codes they are. */
export function DocumentTypesHint() {
  const { t } = useI18n();
  return <Interpolate message={t("files.hint")} values={{ pdf: "PDF", images: "JPEG · PNG · WebP" }} />;
}

/** What most fields here take: a PDF or a picture. */
export const documentTypes = "application/pdf,image/jpeg,image/png,image/webp";
