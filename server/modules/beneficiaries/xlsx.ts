import ExcelJS from "exceljs";
import { assertInflatesAsDeclared, inspectZipDirectory, workbookLimits } from "../../lib/zip-guard.js";

/**
 * The first worksheet of an Excel (.xlsx) file as rows of text, the way the CSV reader gives them,
 * read by exceljs. Runs in a worker thread (import.service.ts): the archive is measured and its
 * entries checked against their declared sizes before exceljs inflates anything.
 *
 * Numbers come back as written; a cell Excel formats as a date comes back as an ISO date, and a bare
 * day count stays a number, which the importer turns into a date for the columns that hold dates.
 */
export class SpreadsheetError extends Error {
  constructor(
    readonly code: "spreadsheet_unreadable" | "too_many_rows",
    message: string,
  ) {
    super(message);
    this.name = "SpreadsheetError";
  }
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== "object") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as { result?: CellValue }).result ?? null);
  if ("text" in value) return String(value.text);
  if ("error" in value) return "";
  return "";
}

/** In the worker thread: `file` is a copy of the upload's bytes. */
export async function readXlsxRows(file: Uint8Array, maxRows: number): Promise<string[][]> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  assertInflatesAsDeclared(bytes, inspectZipDirectory(bytes, workbookLimits));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SpreadsheetError(
      "spreadsheet_unreadable",
      error instanceof Error ? error.message : String(error),
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError("spreadsheet_unreadable", "no worksheet: not an Excel workbook");
  const rows: string[][] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (tooMany) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (c) => c ?? "");
    if (!filled.some((c) => c.trim() !== "")) return;
    // The header line plus `maxRows` rows of people.
    if (rows.length > maxRows) tooMany = true;
    else rows.push(filled);
  });
  if (tooMany) throw new SpreadsheetError("too_many_rows", `more than ${maxRows} rows`);
  return rows;
}
