import { useId, useState } from "react";
import type { ExportFormat } from "../../../shared/contracts/exports.js";
import { useI18n } from "../../i18n/i18n.js";
import { requestFile } from "../../lib/http.js";
import "./export-buttons.css";

/**
 * «تصدير»: the list as it stands on screen (its filters in `query`) saved as an Excel or CSV file.
 * The file is fetched first so a refusal (too many rows, no permission) is said in the page, in
 * Arabic, instead of downloading an error as a file.
 */
export function ExportButtons({
  path,
  query = {},
}: {
  /** The list's export route, e.g. `/api/requests/export`. */
  path: string;
  query?: Record<string, string | undefined>;
}) {
  const { t, errorText } = useI18n();
  const ids = useId();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    try {
      const { blob, fileName } = await requestFile(path, { query: { ...query, format } });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="export-buttons" aria-labelledby={`${ids}-label`} aria-describedby={`${ids}-hint`}>
      <span id={`${ids}-label`} className="export-buttons__label">
        {t("export.label")}
      </span>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy !== null}
        onClick={() => void download("xlsx")}
      >
        {busy === "xlsx" ? t("export.working") : t("export.excel")}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy !== null}
        onClick={() => void download("csv")}
      >
        {busy === "csv" ? (
          t("export.working")
        ) : (
          <>
            {t("export.csv")} <bdi dir="ltr">CSV</bdi>
          </>
        )}
      </button>
      <span id={`${ids}-hint`} className="muted">
        {t("export.hint")}
      </span>
      {error ? (
        <div role="alert" className="alert alert--error export-buttons__alert">
          {errorText(error)}
        </div>
      ) : null}
    </fieldset>
  );
}
