import {
  createBeneficiaryRequestSchema,
  type ImportReport,
} from "../../../shared/contracts/beneficiaries.js";
import { importFieldOf } from "../../../shared/contracts/beneficiary-import.js";
import type { Database } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError, isAppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import { toFieldErrors } from "../../http/problem.js";
import type { AuditService } from "../audit/index.js";
import { measureArchive, OffThreadTaskError, readUntrusted } from "../files/index.js";
import { beneficiariesPolicy } from "./beneficiaries.policy.js";
import type { BeneficiariesService } from "./beneficiaries.service.js";

/** Rows of people one import may hold; a larger registry is imported in several files. */
export const maxImportRows = 10_000;

const genderWords: Record<string, "male" | "female"> = {
  ذكر: "male",
  أنثى: "female",
  انثى: "female",
  male: "male",
  female: "female",
  m: "male",
  f: "female",
};

const unreadableSpreadsheet = {
  path: "file",
  code: "spreadsheet_unreadable",
  message: {
    ar: "تعذّرت قراءة ملف Excel. احفظه بصيغة xlsx أو CSV وأعد المحاولة.",
    en: "The Excel file could not be read. Save it as .xlsx or CSV and try again.",
  },
};

const tooManyRows = {
  path: "file",
  code: "too_many_rows",
  message: {
    ar: `الملف يحوي أكثر من ${maxImportRows.toLocaleString("ar-SA")} سطر. قسّمه إلى ملفات أصغر واستورد كلًّا منها.`,
    en: `The file holds more than ${maxImportRows.toLocaleString("en")} rows. Split it into smaller files and import each.`,
  },
};

/** Excel's day count (1900 system, with its phantom 29 February 1900) to an ISO date. */
export function excelSerialToIsoDate(serial: number): string {
  const epoch = Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(deps: {
  db: Database;
  beneficiaries: BeneficiariesService;
  audit: AuditService;
}) {
  const { db, beneficiaries, audit } = deps;

  /** The file is read in a worker thread; its refusals become the problems a manager can act on. */
  async function readRows(task: "csv" | "xlsx", content: string | Buffer): Promise<string[][]> {
    try {
      return task === "csv"
        ? await readUntrusted(new URL("./csv.js", import.meta.url), "readCsvRows", [content, maxImportRows])
        : await readUntrusted(new URL("./xlsx.js", import.meta.url), "readXlsxRows", [
            content,
            maxImportRows,
          ]);
    } catch (error) {
      if (!(error instanceof OffThreadTaskError)) throw error;
      const fieldError = error.code === "too_many_rows" ? tooManyRows : unreadableSpreadsheet;
      throw new AppError("validation_failed", error.message, { fieldErrors: [fieldError] });
    }
  }

  return {
    /**
     * For the route, before the body is read: a person who may not import is answered 403 without
     * the server receiving, let alone parsing, 20 MiB first.
     */
    authorizeImport(actor: Actor): void {
      authorize(actor, beneficiariesPolicy, "import");
    },

    async importCsv(actor: Actor, text: string): Promise<ImportReport> {
      authorize(actor, beneficiariesPolicy, "import");
      return importRows(actor, await readRows("csv", text));
    },

    async importXlsx(actor: Actor, file: Buffer): Promise<ImportReport> {
      authorize(actor, beneficiariesPolicy, "import");
      measureArchive(file, "workbook");
      return importRows(actor, await readRows("xlsx", file));
    },
  };

  /**
   * Validates every row, imports the good ones each in its own transaction (a row is imported
   * whole or not at all), and reports each refused row with its reasons.
   */
  async function importRows(actor: Actor, table: string[][]): Promise<ImportReport> {
    authorize(actor, beneficiariesPolicy, "import");
    const [header, ...rows] = table;
    const columns = (header ?? []).map((h) => importFieldOf(h));
    if (!columns.includes("fullName")) {
      throw new AppError("validation_failed", "csv without a name column", {
        fieldErrors: [
          {
            path: "file",
            code: "csv_no_name_column",
            message: {
              ar: "لم نجد عمود الاسم في السطر الأول من الملف (مثل «الاسم» أو full_name).",
              en: "No name column in the file's first line (such as «الاسم» or full_name).",
            },
          },
        ],
      });
    }
    const report: ImportReport = { imported: 0, rejected: [] };
    for (const [index, cells] of rows.entries()) {
      const rowNumber = index + 2; // as a spreadsheet numbers it, after the header
      const raw: Record<string, unknown> = { phones: [] as string[] };
      columns.forEach((column, i) => {
        const value = cells[i]?.trim();
        if (!column || !value) return;
        if (column === "phone")
          (raw.phones as string[]).push(
            ...value
              .split(/[،,;/]/)
              .map((p) => p.trim())
              .filter(Boolean),
          );
        else if (column === "gender") raw.gender = genderWords[value.toLowerCase()] ?? value;
        // Excel keeps dates as day counts; a Hijri date typed as text stays text.
        else if (column === "birthDate" && /^\d{4,5}(\.\d+)?$/.test(value))
          raw.birthDate = excelSerialToIsoDate(Number(value));
        else raw[column] = value;
      });
      const parsed = createBeneficiaryRequestSchema.safeParse({ ...raw, confirmNotDuplicate: true });
      if (!parsed.success) {
        report.rejected.push({
          row: rowNumber,
          errors: toFieldErrors(parsed.error.issues).map((e) => ({
            field: e.path,
            code: e.code,
            message: e.message,
          })),
        });
        continue;
      }
      try {
        await beneficiaries.register(actor, parsed.data, "import");
        report.imported++;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const fieldErrors = error.details.fieldErrors ?? [];
        report.rejected.push({
          row: rowNumber,
          errors: fieldErrors.length
            ? fieldErrors.map((e) => ({ field: e.path, code: e.code, message: e.message }))
            : [
                {
                  field: "",
                  code: error.code,
                  message: { ar: "تعذّر استيراد هذا السطر.", en: "This row could not be imported." },
                },
              ],
        });
      }
    }
    await db.tenant(actor.associationId, (tx) =>
      audit.record(tx, actor, {
        type: "beneficiaries.imported",
        payload: { imported: report.imported, rejected: report.rejected.length },
      }),
    );
    return report;
  }
}
