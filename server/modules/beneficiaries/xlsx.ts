import { decodeXml, readZipEntry } from "../../lib/zip.js";

/**
 * The first worksheet of an Excel (.xlsx) file as rows of text, the way the CSV reader gives them:
 * shared and inline strings, numbers as written, empty cells kept in their column. Dates stay
 * Excel serial numbers; the importer turns them into dates for the columns that hold dates.
 */
export class SpreadsheetError extends Error {}

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference.replace(/\d+$/, "")) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => decodeXml(m[1] ?? "")).join("");
}

export function readXlsxRows(file: Buffer): string[][] {
  let sheet: Buffer | null;
  let shared: Buffer | null;
  try {
    sheet = readZipEntry(file, "xl/worksheets/sheet1.xml");
    shared = readZipEntry(file, "xl/sharedStrings.xml");
  } catch (error) {
    throw new SpreadsheetError(error instanceof Error ? error.message : String(error));
  }
  if (!sheet) throw new SpreadsheetError("no first worksheet: not an Excel workbook");
  const strings = shared
    ? [...shared.toString("utf8").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1] ?? ""))
    : [];
  const rows: string[][] = [];
  for (const rowMatch of sheet.toString("utf8").matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const row: string[] = [];
    for (const cell of (rowMatch[1] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1] ?? "";
      const body = cell[2] ?? "";
      const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
      const type = /\bt="(\w+)"/.exec(attributes)?.[1];
      const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      const text =
        type === "s"
          ? (strings[Number(value)] ?? "")
          : type === "inlineStr"
            ? texts(body)
            : decodeXml(value ?? "");
      const at = reference ? columnIndex(reference) : row.length;
      while (row.length < at) row.push("");
      row[at] = text;
    }
    if (row.some((c) => c.trim() !== "")) rows.push(row);
  }
  return rows;
}

/** Excel's day count (1900 system, with its phantom 29 February 1900) to an ISO date. */
export function excelSerialToIsoDate(serial: number): string {
  const epoch = Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}
