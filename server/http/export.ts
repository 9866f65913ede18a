import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { mayReadField, type SensitiveField } from "../../shared/contracts/access.js";
import type { auditEventPayloads } from "../../shared/contracts/audit.js";
import { type ExportedList, type ExportFormat, exportRowLimit } from "../../shared/contracts/exports.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import {
  dayNumberFromIso,
  formatHijri,
  hijriFromDayNumber,
  riyadhDate,
  riyadhDayNumber,
  supportedDayRange,
  toIsoDate,
} from "../../shared/domain/index.js";
import { csvField, neutraliseFormula } from "../../shared/domain/spreadsheet-text.js";
import type { Actor } from "./actor.js";
import { AppError } from "./errors.js";

/**
 * One way every list leaves the system as a file a manager opens in Excel (issue 11): Arabic
 * headers, the same rows the screen shows, the same fields the reader may see.
 *
 * - CSV is UTF-8 with a byte-order mark (Excel otherwise reads Arabic as mojibake), CRLF, RFC 4180
 *   quoting, and text that a spreadsheet would run as a formula (= + - @ tab CR) gets a leading
 *   apostrophe (OWASP "CSV injection").
 * - Excel is written by exceljs' streaming writer: the sheet reads right to left, the header row is
 *   bold and frozen, a day is a real date cell (Riyadh's day) with its Hijri date in the next
 *   column, widths follow the content.
 */

export type ExportCell = string | number | boolean | null | undefined;

export type ExportColumn<R> = {
  header: string;
  /** `date` takes an ISO day (YYYY-MM-DD) or an instant, shown as Riyadh's day, followed by a Hijri column. */
  kind?: "text" | "number" | "date" | "datetime";
  value: (row: R) => ExportCell | Date;
  /** A column that carries a sensitive field is left out of the file for a reader who may not read it. */
  field?: SensitiveField;
  width?: number;
};

export type ExportFile<R> = {
  format: ExportFormat;
  /** The Arabic name the file is saved under, without the extension. */
  name: string;
  /** An ASCII name for clients that ignore `filename*`, without the extension. */
  asciiName: string;
  sheetName: string;
  columns: readonly ExportColumn<R>[];
  rows: readonly R[];
  reader: { roles: readonly StaffRole[] };
};

/** A list longer than the cap is refused before anything is written: narrow the filters instead. */
export function assertWithinExportLimit(count: number): void {
  if (count > exportRowLimit) {
    throw new AppError("export_too_large", `export of more than ${exportRowLimit} rows`);
  }
}

type FlatColumn<R> = {
  header: string;
  kind: "text" | "number" | "date" | "datetime" | "hijri";
  width?: number;
  value: (row: R) => ExportCell | Date;
};

/** The columns the reader may see, each date followed by its Hijri column. */
export function visibleColumns<R>(
  columns: readonly ExportColumn<R>[],
  roles: readonly StaffRole[],
): FlatColumn<R>[] {
  return columns
    .filter((c) => !c.field || mayReadField(roles, c.field))
    .flatMap((c): FlatColumn<R>[] => {
      const kind = c.kind ?? "text";
      const own: FlatColumn<R> = {
        header: c.header,
        kind,
        value: c.value,
        ...(c.width ? { width: c.width } : {}),
      };
      if (kind !== "date" && kind !== "datetime") return [own];
      return [own, { header: `${c.header} (هجري)`, kind: "hijri", value: (row) => hijriText(c.value(row)) }];
    });
}

function dayNumberOf(value: ExportCell | Date): number | null {
  if (value instanceof Date) return riyadhDayNumber(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    return value.length > 10 ? riyadhDayNumber(new Date(value)) : dayNumberFromIso(value);
  }
  return null;
}

function hijriText(value: ExportCell | Date): string {
  const n = dayNumberOf(value);
  if (n === null) return "";
  const range = supportedDayRange();
  if (n < range.first || n > range.last) return "";
  return formatHijri(hijriFromDayNumber(n));
}

function instantOf(value: ExportCell | Date): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "string" && value.length > 10 && !Number.isNaN(Date.parse(value)))
    return new Date(value);
  return null;
}

/** As text (CSV): a day as YYYY-MM-DD in Riyadh, an instant as YYYY-MM-DD HH:MM Riyadh time. */
function cellText(column: FlatColumn<unknown>, value: ExportCell | Date): string {
  if (value === null || value === undefined) return "";
  if (column.kind === "date") {
    const n = dayNumberOf(value);
    return n === null
      ? ""
      : typeof value === "string" && value.length === 10
        ? value
        : toIsoDate(riyadhDate(instantOf(value)!));
  }
  if (column.kind === "datetime") {
    const at = instantOf(value);
    return at ? riyadhWallClock(at).toISOString().slice(0, 16).replace("T", " ") : "";
  }
  if (typeof value === "boolean") return value ? "نعم" : "لا";
  if (typeof value === "number") return String(value);
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(value);
}

/** Riyadh is UTC+3 all year (no daylight saving): a spreadsheet date has no zone, so it gets Riyadh's wall clock. */
function riyadhWallClock(at: Date): Date {
  return new Date(at.getTime() + 3 * 60 * 60 * 1000);
}

function xlsxValue(column: FlatColumn<unknown>, value: ExportCell | Date): ExcelJS.CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (column.kind === "date") {
    const n = dayNumberOf(value);
    if (n === null) return null;
    const iso =
      typeof value === "string" && value.length === 10 ? value : toIsoDate(riyadhDate(instantOf(value)!));
    return new Date(`${iso}T00:00:00Z`);
  }
  if (column.kind === "datetime") {
    const at = instantOf(value);
    return at ? riyadhWallClock(at) : null;
  }
  if (typeof value === "boolean") return value ? "نعم" : "لا";
  if (typeof value === "number") return value;
  if (value instanceof Date) return value;
  // exceljs writes a string as text, never as a formula; the apostrophe keeps it text if saved again as CSV.
  return neutraliseFormula(value);
}

export function csvLines<R>(columns: FlatColumn<R>[], rows: readonly R[]): Iterable<string> {
  return (function* () {
    yield `\uFEFF${columns.map((c) => csvField(c.header)).join(",")}\r\n`;
    for (const row of rows) {
      yield `${columns.map((c) => csvField(cellText(c as FlatColumn<unknown>, c.value(row)))).join(",")}\r\n`;
    }
  })();
}

function columnWidth<R>(column: FlatColumn<R>, rows: readonly R[]): number {
  if (column.width) return column.width;
  if (column.kind === "date") return 12;
  if (column.kind === "datetime") return 17;
  if (column.kind === "hijri") return 14;
  let longest = [...column.header].length;
  for (const row of rows.slice(0, 200)) {
    const v = column.value(row);
    if (v !== null && v !== undefined) longest = Math.max(longest, [...String(v)].length);
  }
  return Math.min(Math.max(longest + 2, 8), 60);
}

async function writeXlsx<R>(
  out: PassThrough,
  sheetName: string,
  columns: FlatColumn<R>[],
  rows: readonly R[],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: columnWidth(c, rows),
    ...(c.kind === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
    ...(c.kind === "datetime" ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    sheet.addRow(columns.map((c) => xlsxValue(c as FlatColumn<unknown>, c.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

/**
 * One sheet of a workbook built in memory (the evidence pack's, one sheet per section): the same
 * right-to-left sheet, frozen bold header, real date cells with their Hijri column and neutralised
 * text as a streamed export, for the columns the reader may see.
 */
export function addSheet<R>(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly ExportColumn<R>[],
  rows: readonly R[],
  reader: { roles: readonly StaffRole[] },
): ExcelJS.Worksheet {
  const flat = visibleColumns(columns, reader.roles);
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }],
  });
  sheet.columns = flat.map((c) => ({
    header: c.header,
    width: columnWidth(c, rows),
    ...(c.kind === "date" ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
    ...(c.kind === "datetime" ? { style: { numFmt: "yyyy-mm-dd hh:mm" } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(flat.map((c) => xlsxValue(c as FlatColumn<unknown>, c.value(row))));
  return sheet;
}

/** RFC 6266 with the Arabic name in `filename*` (RFC 5987) and an ASCII fallback. */
export function exportDisposition(name: string, asciiName: string, extension: string): string {
  const fallback = `${asciiName.replace(/[^A-Za-z0-9._-]/g, "_")}.${extension}`;
  const encoded = encodeURIComponent(`${name}.${extension}`).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const exportMediaTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Streams the file as the answer. Call after the rows were counted against the cap and the export audited. */
export function sendExport<R>(reply: FastifyReply, file: ExportFile<R>): FastifyReply {
  const columns = visibleColumns(file.columns, file.reader.roles);
  reply
    .header("content-type", exportMediaTypes[file.format])
    .header("content-disposition", exportDisposition(file.name, file.asciiName, file.format))
    .header("x-content-type-options", "nosniff");
  if (file.format === "csv") return reply.send(Readable.from(csvLines(columns, file.rows)));
  const out = new PassThrough();
  writeXlsx(out, file.sheetName, columns, file.rows).catch((error: unknown) => out.destroy(error as Error));
  return reply.send(out);
}

type ListExported = {
  type: "list.exported";
  payload: z.infer<(typeof auditEventPayloads)["list.exported"]>;
};

/**
 * The one way a list route answers with a file: refused past the cap (`export_too_large`, nothing
 * recorded), then recorded as `list.exported` — which list, the format, the rows, the filters (never
 * the typed text named in `freeText`) — then written. The caller's audit service records it, so this
 * cross-cutting helper depends on no module.
 */
export async function sendAuditedExport<R>(
  reply: FastifyReply,
  file: ExportFile<R> & {
    reader: Actor;
    audit: { recordAlone(actor: Actor, event: ListExported): Promise<void> };
    list: ExportedList;
    /** The route's query as sent (format and filters). */
    query: Record<string, unknown>;
    freeText?: readonly string[];
    /** How many rows the list found, when that differs from the rows written (a paged list). */
    found?: number;
  },
): Promise<FastifyReply> {
  assertWithinExportLimit(file.found ?? file.rows.length);
  await file.audit.recordAlone(file.reader, {
    type: "list.exported",
    payload: {
      list: file.list,
      format: file.format,
      rows: file.rows.length,
      filters: exportFilters(file.query, file.freeText),
    },
  });
  return sendExport(reply, file);
}

/** The filters an export was made with, for its audit event: each named value, never a typed text. */
export function exportFilters(
  query: Record<string, unknown>,
  freeText: readonly string[] = [],
): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === "format" || key === "limit" || value === undefined || value === null || value === "")
      continue;
    filters[key] = freeText.includes(key) ? "…" : String(value);
  }
  return filters;
}

/** What an export route answers, for the OpenAPI document. */
export const exportProduces = ["text/csv", exportMediaTypes.xlsx];
