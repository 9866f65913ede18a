import { type FormEvent, useId, useState } from "react";
import { useSearchParams } from "react-router";
import {
  type LibraryDocumentKind,
  type LibraryDocumentView,
  libraryDocumentKindSchema,
  libraryKindNames,
} from "../../../../shared/contracts/policy.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useAddLibraryVersion } from "../api/add-library-version.js";
import { useCreateLibraryDocument } from "../api/create-library-document.js";
import { useLibrary } from "../api/list-library.js";
import type { LibraryUploads } from "../uploads.js";
import "./library.css";
import { DocumentTypesHint, documentTypes, FilePicker } from "../../../components/ui/file-picker.js";
import { UserText } from "../../../components/ui/user-text.js";

type LibraryPageProps = {
  /** The administrator adds documents and their new versions. */
  canEdit: boolean;
  uploads: LibraryUploads;
  /** The handling steps of the policy in force, to link a document to the step where it is needed. */
  steps: readonly string[];
};

const kinds = libraryDocumentKindSchema.options;

/** «المكتبة»: the bylaws, guides and forms the policy lists, searched in Arabic, with their versions (T1). */
export function LibraryPage({ canEdit, uploads, steps }: LibraryPageProps) {
  const { t, locale, errorText } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kindParam = params.get("kind");
  const kind = kinds.find((candidate) => candidate === kindParam);
  const stepParam = params.get("step");
  const step = stepParam !== null && /^\d+$/.test(stepParam) ? Number(stepParam) : undefined;
  const [query, setQuery] = useState(q);
  const library = useLibrary({ q: q || undefined, kind, step });

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (query.trim()) next.set("q", query.trim());
    else next.delete("q");
    setParams(next, { replace: true });
  }
  function onKind(value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set("kind", value);
    else next.delete("kind");
    setParams(next, { replace: true });
  }

  const items = library.data?.items ?? [];
  const groups = kinds
    .map((code) => ({ code, items: items.filter((item) => item.kind === code) }))
    .filter((group) => group.items.length > 0);

  return (
    <section className="page" aria-labelledby="library-title">
      <header className="page__header">
        <h1 id="library-title" className="page__title">
          {t("library.title")}
        </h1>
        <p className="page__lead">{t("library.intro")}</p>
      </header>

      <form noValidate className="card library-search" onSubmit={onSearch}>
        <div className="field">
          <label className="field__label" htmlFor="library-q">
            {t("library.search")}
          </label>
          <input
            id="library-q"
            className="field__input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t("library.searchPlaceholder")}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="library-kind">
            {t("library.kind")}
          </label>
          <select
            id="library-kind"
            className="field__input"
            value={kind ?? ""}
            onChange={(event) => onKind(event.target.value)}
          >
            <option value="">{t("library.allKinds")}</option>
            {kinds.map((code) => (
              <option key={code} value={code}>
                {libraryKindNames[code][locale]}
              </option>
            ))}
          </select>
        </div>
        <div className="library-search__submit">
          <button type="submit" className="button button--primary">
            {t("library.searchSubmit")}
          </button>
        </div>
      </form>

      {step !== undefined ? (
        <p className="notice">
          {t("library.forStep", { step: steps[step] ?? String(step + 1) })}{" "}
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete("step");
              setParams(next, { replace: true });
            }}
          >
            {t("library.allSteps")}
          </button>
        </p>
      ) : null}

      {canEdit ? <AddDocumentForm uploads={uploads} steps={steps} /> : null}

      {library.isPending ? <p className="muted">{t("common.loading")}</p> : null}
      {library.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(library.error)}
        </div>
      ) : null}
      {library.isSuccess && items.length === 0 ? (
        <p className="empty">{q ? t("library.noResults", { q }) : t("library.empty")}</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.code} className="library-group" aria-labelledby={`library-kind-${group.code}`}>
          <h2 id={`library-kind-${group.code}`} className="library-group__title">
            {libraryKindNames[group.code][locale]}
          </h2>
          <ul className="library-list">
            {group.items.map((document) => (
              <LibraryDocument
                key={document.id}
                document={document}
                canEdit={canEdit}
                uploads={uploads}
                steps={steps}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function LibraryDocument({
  document,
  canEdit,
  uploads,
  steps,
}: {
  document: LibraryDocumentView;
  canEdit: boolean;
  uploads: LibraryUploads;
  steps: readonly string[];
}) {
  const { t } = useI18n();
  const [current, ...older] = document.versions;
  return (
    <li className="card library-document" data-document={document.id}>
      <h3 className="library-document__title">
        <UserText>{document.titleAr}</UserText>
      </h3>
      {current ? (
        <p className="library-document__current">
          <a href={uploads.href(current.fileId)} download={current.fileName}>
            {t("library.download", { label: current.versionLabel })}
          </a>{" "}
          <span className="muted">
            <DualDate value={current.uploadedAt} />
          </span>
        </p>
      ) : null}
      {document.stepIndexes.length > 0 ? (
        <p className="muted">
          {t("library.usedIn")}{" "}
          {document.stepIndexes.map((index) => steps[index] ?? String(index + 1)).join(t("library.listJoin"))}
        </p>
      ) : null}
      {older.length > 0 ? (
        <details className="library-document__older">
          <summary>{t("library.olderVersions", { count: older.length })}</summary>
          <ul>
            {older.map((version) => (
              <li key={version.id}>
                <a href={uploads.href(version.fileId)} download={version.fileName}>
                  <UserText>{version.versionLabel}</UserText>
                </a>{" "}
                <span className="muted">
                  <DualDate value={version.uploadedAt} />
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canEdit ? <AddVersionForm document={document} uploads={uploads} /> : null}
    </li>
  );
}

function useUploadThen<Result>(uploads: LibraryUploads) {
  const { errorText } = useI18n();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(file: File, then: (fileId: string) => Promise<Result>): Promise<Result | undefined> {
    setError(null);
    setUploading(true);
    let fileId: string;
    try {
      fileId = (await uploads.upload(file)).id;
    } catch (cause) {
      setError(errorText(cause));
      return undefined;
    } finally {
      setUploading(false);
    }
    try {
      return await then(fileId);
    } catch {
      // The mutation keeps its own error; the form shows it from there.
      return undefined;
    }
  }
  return { run, uploading, error };
}

function AddDocumentForm({ uploads, steps }: { uploads: LibraryUploads; steps: readonly string[] }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const create = useCreateLibraryDocument();
  const upload = useUploadThen<unknown>(uploads);
  const [kind, setKind] = useState<LibraryDocumentKind>("bylaws");
  const [title, setTitle] = useState("");
  const [label, setLabel] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [stepIndexes, setStepIndexes] = useState<number[]>([]);

  const fieldError = (path: string) =>
    isApiError(create.error) ? create.error.fieldMessage(path)?.[locale] : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    create.reset();
    const done = await upload.run(file, (fileId) =>
      create.mutateAsync({
        kind,
        titleAr: title,
        stepIndexes,
        version: { fileId, versionLabel: label },
      }),
    );
    if (done) {
      setTitle("");
      setLabel("");
      setFile(null);
      setStepIndexes([]);
    }
  }

  const fieldShown = fieldError("titleAr") ?? fieldError("version.versionLabel");
  const error = upload.error ?? (create.error && !fieldShown ? errorText(create.error) : null);
  return (
    <details className="card library-add">
      <summary className="card__title">{t("library.add.title")}</summary>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="library-add__row">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-kind`}>
              {t("library.kind")}
            </label>
            <select
              id={`${ids}-kind`}
              className="field__input"
              value={kind}
              onChange={(event) => setKind(event.target.value as LibraryDocumentKind)}
            >
              {kinds.map((code) => (
                <option key={code} value={code}>
                  {libraryKindNames[code][locale]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-title`}>
              {t("library.add.docTitle")}
            </label>
            <input
              id={`${ids}-title`}
              className="field__input"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            {fieldError("titleAr") ? <p className="field__error">{fieldError("titleAr")}</p> : null}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-label`}>
              {t("library.add.versionLabel")}
            </label>
            <input
              id={`${ids}-label`}
              className="field__input"
              value={label}
              placeholder={t("library.add.versionPlaceholder")}
              onChange={(event) => setLabel(event.target.value)}
            />
            {fieldError("version.versionLabel") ? (
              <p className="field__error">{fieldError("version.versionLabel")}</p>
            ) : null}
          </div>
          <FilePicker
            label={t("library.add.file")}
            files={file ? [file] : []}
            onChange={(picked) => setFile(picked[0] ?? null)}
            accept={documentTypes}
            hint={<DocumentTypesHint />}
          />
        </div>
        {steps.length > 0 ? (
          <fieldset className="choice-group">
            <legend className="field__label">{t("library.add.steps")}</legend>
            <div className="library-add__steps">
              {steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in which the same words may appear twice
                <label key={`${index}-${step}`} className="choice">
                  <input
                    type="checkbox"
                    checked={stepIndexes.includes(index)}
                    onChange={(event) =>
                      setStepIndexes((old) =>
                        event.target.checked
                          ? [...old, index].sort((a, b) => a - b)
                          : old.filter((i) => i !== index),
                      )
                    }
                  />
                  {step}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        <div role="alert" className={error ? "alert alert--error" : "alert"}>
          {error}
        </div>
        <p className="success" aria-live="polite">
          {create.isSuccess ? t("library.add.saved", { title: create.data.titleAr }) : null}
        </p>
        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={!file || upload.uploading || create.isPending}
          >
            {upload.uploading || create.isPending ? t("library.add.saving") : t("library.add.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}

function AddVersionForm({ document, uploads }: { document: LibraryDocumentView; uploads: LibraryUploads }) {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const add = useAddLibraryVersion();
  const upload = useUploadThen<unknown>(uploads);
  const [label, setLabel] = useState("");
  const [file, setFile] = useState<File | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const done = await upload.run(file, (fileId) =>
      add.mutateAsync({ id: document.id, version: { fileId, versionLabel: label } }),
    );
    if (done) {
      setLabel("");
      setFile(null);
    }
  }
  const labelError = isApiError(add.error) ? add.error.fieldMessage("versionLabel")?.[locale] : undefined;
  const error = upload.error ?? (add.error && !labelError ? errorText(add.error) : null);
  return (
    <details className="library-document__add">
      <summary>{t("library.addVersion.title")}</summary>
      <form className="form library-add__row" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-label`}>
            {t("library.add.versionLabel")}
          </label>
          <input
            id={`${ids}-label`}
            className="field__input"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          {labelError ? <p className="field__error">{labelError}</p> : null}
        </div>
        <FilePicker
          label={t("library.add.file")}
          files={file ? [file] : []}
          onChange={(picked) => setFile(picked[0] ?? null)}
          accept={documentTypes}
          hint={<DocumentTypesHint />}
        />
        <div role="alert" className={error ? "alert alert--error" : "alert"}>
          {error}
        </div>
        <div>
          <button
            type="submit"
            className="button button--secondary"
            disabled={!file || upload.uploading || add.isPending}
          >
            {t("library.addVersion.submit")}
          </button>
        </div>
      </form>
    </details>
  );
}
