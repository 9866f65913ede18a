import { type FormEvent, useId, useState } from "react";
import type { ImportReport } from "../../../../shared/contracts/beneficiaries.js";
import { csvField, neutraliseFormula } from "../../../../shared/domain/spreadsheet-text.js";
import { useI18n } from "../../../i18n/i18n.js";
import { isApiError } from "../../../lib/http.js";
import { useImportBeneficiaries, useImportProgress } from "../api/import-beneficiaries.js";
import {
  fieldOfPath,
  type HeaderColumn,
  importFieldLabels,
  readHeader,
  templateHref,
} from "../import-columns.js";
import "./beneficiaries.css";
import { FilePicker } from "../../../components/ui/file-picker.js";
import { Interpolate } from "../../../components/ui/user-text.js";

type Picked =
  | { kind: "csv"; name: string; text: string; columns: HeaderColumn[]; rows: number }
  | { kind: "workbook"; name: string; file: Blob };

/** File formats named in the page's words: codes, isolated left to right. */
const formatNames = { csv: "CSV", xlsx: "xlsx", utf8: "UTF-8" };

const workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The person's own values, kept as text where a spreadsheet would run them (read back as typed on import). */
const csvCell = (value: string) => csvField(neutraliseFormula(value));

/**
 * The rows not imported (refused and duplicates) as a CSV with the file's own header and a reason
 * column, to correct and import again.
 */
function refusedRowsHref(report: ImportReport, reasonHeader: string): string {
  const rows = [...report.rejected, ...report.duplicates].sort((a, b) => a.row - b.row);
  const width = Math.max(report.header.length, ...rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? "");
  const lines = [
    [...pad(report.header), reasonHeader],
    ...rows.map((r) => [...pad(r.cells), r.errors.map((e) => e.message.ar).join("؛ ")]),
  ].map((cells) => cells.map(csvCell).join(","));
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${lines.join("\r\n")}\r\n`)}`;
}

/** «استيراد المستفيدين»: a spreadsheet saved as CSV, checked row by row; the good rows come in. */
export function ImportBeneficiariesPage() {
  const { t, locale, errorText } = useI18n();
  const ids = useId();
  const importer = useImportBeneficiaries();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [readError, setReadError] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const [progressId, setProgressId] = useState<string | null>(null);
  const progress = useImportProgress(progressId, importer.isPending);

  async function onPick(files: File[]) {
    importer.reset();
    setReadError(false);
    const file = files[0];
    setChosen(file ?? null);
    if (!file) {
      setPicked(null);
      return;
    }
    if (file.name.toLowerCase().endsWith(".xlsx")) {
      // The server reads the workbook; its columns are reported with the rows.
      setPicked({ kind: "workbook", name: file.name, file });
      return;
    }
    try {
      // Blob.text() decodes UTF-8, as the template is saved.
      const text = await file.text();
      setPicked({ kind: "csv", name: file.name, text, ...readHeader(text) });
    } catch {
      setPicked(null);
      setReadError(true);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!picked) return;
    const id = crypto.randomUUID();
    setProgressId(id);
    importer.mutate(
      picked.kind === "csv"
        ? { content: picked.text, type: "text/csv; charset=utf-8", progressId: id }
        : { content: picked.file, type: workbookType, progressId: id },
    );
  }

  const hasName =
    picked?.kind === "workbook" || (picked?.columns.some((column) => column.field === "fullName") ?? false);
  const report = importer.data;
  const fileError = isApiError(importer.error) ? importer.error.fieldMessage("file")?.[locale] : undefined;
  const failure = importer.error ? (fileError ?? errorText(importer.error)) : null;

  return (
    <section className="page" aria-labelledby="import-title">
      <header className="page__header page__header--with-action">
        <div className="page__header">
          <h1 id="import-title" className="page__title">
            {t("import.title")}
          </h1>
          <p className="page__lead">
            <Interpolate message={t("import.intro")} values={formatNames} />
          </p>
        </div>
        <a
          className="button button--secondary"
          href={templateHref}
          download="silah-beneficiaries-template.csv"
        >
          {t("import.template")}
        </a>
      </header>

      <form className="card form" onSubmit={onSubmit} noValidate>
        <FilePicker
          label={<Interpolate message={t("import.file")} values={formatNames} />}
          files={chosen ? [chosen] : []}
          onChange={onPick}
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hint={<Interpolate message={t("import.fileHint")} values={formatNames} />}
          error={readError ? t("import.readError") : null}
        />

        {picked?.kind === "workbook" ? <p className="field__hint">{t("import.workbookPicked")}</p> : null}
        {picked?.kind === "csv" ? (
          <section className="import-columns" aria-labelledby={`${ids}-columns`}>
            <h2 id={`${ids}-columns`} className="card__label">
              {t("import.columns", { rows: picked.rows })}
            </h2>
            <ul className="import-columns__list">
              {picked.columns.map((column) => (
                <li
                  key={column.header}
                  className={column.field ? "import-column" : "import-column import-column--ignored"}
                >
                  <bdi className="import-column__header">{column.header}</bdi>
                  <span className="import-column__meaning">
                    {column.field ? t(importFieldLabels[column.field]) : t("import.columnIgnored")}
                  </span>
                </li>
              ))}
            </ul>
            {hasName ? null : <p className="field__error">{t("import.noNameColumn")}</p>}
          </section>
        ) : null}

        <div role="alert" className={failure ? "alert alert--error" : "alert"}>
          {failure}
        </div>

        {importer.isPending ? (
          <div className="import-progress" aria-live="polite">
            <progress
              className="import-progress__bar"
              max={progress.data?.total || 1}
              value={progress.data?.processed ?? 0}
              aria-label={t("import.progress.label")}
            />
            <p className="field__hint">
              {progress.data
                ? t("import.progress.rows", {
                    processed: progress.data.processed,
                    total: progress.data.total,
                  })
                : t("import.progress.reading")}
            </p>
          </div>
        ) : null}

        <div>
          <button
            type="submit"
            className="button button--primary"
            disabled={!picked || !hasName || importer.isPending}
          >
            {importer.isPending ? t("import.importing") : t("import.submit")}
          </button>
        </div>
      </form>

      {report ? (
        <section className="card import-report" aria-labelledby={`${ids}-report`}>
          <h2 id={`${ids}-report`} className="card__title">
            {t("import.report.title")}
          </h2>
          <dl className="facts import-report__counts" aria-live="polite">
            <div className="facts__item">
              <dt>{t("import.report.total")}</dt>
              <dd className="import-report__count" data-count="total">
                {report.total}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t("import.report.imported")}</dt>
              <dd className="import-report__count" data-count="imported">
                {report.imported}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t("import.report.duplicates")}</dt>
              <dd className="import-report__count" data-count="duplicates">
                {report.duplicates.length}
              </dd>
            </div>
            <div className="facts__item">
              <dt>{t("import.report.rejected")}</dt>
              <dd className="import-report__count" data-count="rejected">
                {report.rejected.length}
              </dd>
            </div>
          </dl>
          <p>
            {t("import.report.summary", {
              imported: report.imported,
              duplicates: report.duplicates.length,
              rejected: report.rejected.length,
            })}
          </p>
          {report.rejected.length + report.duplicates.length > 0 ? (
            <a
              className="button button--secondary"
              href={refusedRowsHref(report, t("import.report.reasonColumn"))}
              download="silah-refused-rows.csv"
            >
              {t("import.report.download")}
            </a>
          ) : null}
          {report.rejected.length + report.duplicates.length === 0 ? (
            <p className="success">{t("import.report.allImported")}</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">{t("import.report.rejectedRows")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("import.report.row")}</th>
                    <th scope="col">{t("import.report.column")}</th>
                    <th scope="col">{t("import.report.reason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...report.rejected, ...report.duplicates]
                    .sort((a, b) => a.row - b.row)
                    .flatMap((rejected) =>
                      rejected.errors.map((error, index) => {
                        const field = fieldOfPath(error.field);
                        return (
                          <tr key={`${rejected.row}-${error.field}-${error.code}`} data-row={rejected.row}>
                            {index === 0 ? (
                              <th scope="row" rowSpan={rejected.errors.length}>
                                {rejected.row}
                              </th>
                            ) : null}
                            <td>{field ? t(importFieldLabels[field]) : "—"}</td>
                            <td>{error.message[locale]}</td>
                          </tr>
                        );
                      }),
                    )}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </section>
  );
}
