import { DocumentTypesHint, FilePicker as SharedFilePicker } from "../../../components/ui/file-picker.js";
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

/** Picks files to send with a form; they are uploaded only when the form is saved. */
export function FilePicker({ label, files, onChange, multiple = false, error }: FilePickerProps) {
  return (
    <SharedFilePicker
      label={label}
      files={files}
      onChange={onChange}
      accept={acceptedFileTypes}
      multiple={multiple}
      removable
      optional
      hint={<DocumentTypesHint />}
      error={error}
    />
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
