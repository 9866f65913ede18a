import {
  createBeneficiaryRequestSchema,
  type ImportProgress,
  type ImportReport,
} from "../../../shared/contracts/beneficiaries.js";
import { importFieldOf } from "../../../shared/contracts/beneficiary-import.js";
import { readNeutralised } from "../../../shared/domain/spreadsheet-text.js";
import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { AppError, isAppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import { toFieldErrors } from "../../http/problem.js";
import type { AuditService } from "../audit/index.js";
import { measureArchive, OffThreadTaskError, readUntrusted } from "../files/index.js";
import { beneficiariesPolicy } from "./beneficiaries.policy.js";
import type { BeneficiariesRepository } from "./beneficiaries.repository.js";
import type { BeneficiariesService } from "./beneficiaries.service.js";
import { matchCategory } from "./category-names.js";

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

/** The row error for a category the association does not have, naming the value and what is accepted. */
function unknownCategory(
  value: string,
  categories: { nameAr: string; code: string }[],
): RowIssue["errors"][number] {
  const names = categories.map((c) => `«${c.nameAr}»`).join("، ");
  const codes = categories.map((c) => c.code).join(", ");
  return {
    field: "categoryCode",
    code: "category_unknown",
    message: {
      ar: `الفئة «${value}» غير معرّفة في الجمعية. الفئات المقبولة: ${names || "لا توجد فئات بعد"}.`,
      en: `The category «${value}» is not defined. Accepted: ${codes || "no categories yet"}.`,
    },
  };
}

type RowIssue = ImportReport["rejected"][number];

/** How often (in rows) the progress a page polls is written: about fifty steps for any file. */
const progressStep = (total: number) => Math.max(1, Math.ceil(total / 50));

export function createImportService(deps: {
  db: Database;
  repo: BeneficiariesRepository;
  beneficiaries: BeneficiariesService;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, beneficiaries, audit, clock } = deps;

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

    async importCsv(actor: Actor, text: string, progressId?: string): Promise<ImportReport> {
      authorize(actor, beneficiariesPolicy, "import");
      return importRows(actor, await readRows("csv", text), progressId);
    },

    async importXlsx(actor: Actor, file: Buffer, progressId?: string): Promise<ImportReport> {
      authorize(actor, beneficiariesPolicy, "import");
      measureArchive(file, "workbook");
      return importRows(actor, await readRows("xlsx", file), progressId);
    },

    async progress(actor: Actor, id: string): Promise<ImportProgress> {
      authorize(actor, beneficiariesPolicy, "import");
      const row = await db.tenant(actor.associationId, (tx) => repo.findImport(tx, id));
      if (!row || row.createdBy !== actor.userId) throw new AppError("not_found", "import not found");
      return {
        id: row.id,
        status: row.status as ImportProgress["status"],
        total: row.total,
        processed: row.processed,
        report: (row.report as ImportReport | null) ?? null,
      };
    },
  };

  async function track(
    actor: Actor,
    id: string | undefined,
    changes: Parameters<BeneficiariesRepository["updateImport"]>[2],
  ) {
    if (!id) return;
    await db.tenant(actor.associationId, (tx) =>
      repo.updateImport(tx, id, { ...changes, updatedAt: clock.now() }),
    );
  }

  async function startTracking(actor: Actor, id: string | undefined, total: number) {
    if (!id) return;
    await db
      .tenant(actor.associationId, (tx) =>
        repo.insertImport(tx, {
          id,
          associationId: actor.associationId,
          createdBy: actor.userId,
          status: "running",
          total,
          processed: 0,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        }),
      )
      .catch((error) => {
        if (isUniqueViolation(error)) throw new AppError("conflict", "progress id in use");
        throw error;
      });
  }

  /**
   * Validates every row, imports the good ones each in its own transaction (a row is imported
   * whole or not at all), and reports each refused row with its reasons.
   */
  async function importRows(actor: Actor, table: string[][], progressId?: string): Promise<ImportReport> {
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
    const categories = await beneficiaries.categories(actor);
    const accepted = categories.filter((c) => c.active);
    const report: ImportReport = {
      total: rows.length,
      imported: 0,
      header: header ?? [],
      duplicates: [],
      rejected: [],
    };
    await startTracking(actor, progressId, rows.length);
    try {
      for (const [index, cells] of rows.entries()) {
        await importRow(actor, cells, index + 2, columns, accepted, report); // numbered as a spreadsheet does
        if ((index + 1) % progressStep(rows.length) === 0)
          await track(actor, progressId, { processed: index + 1 });
        // Let other requests in between rows: on the embedded database one connection serves all,
        // and a page following this import would otherwise wait for its end.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      await track(actor, progressId, { status: "failed" });
      throw error;
    }
    await db.tenant(actor.associationId, (tx) =>
      audit.record(tx, actor, {
        type: "beneficiaries.imported",
        payload: {
          imported: report.imported,
          rejected: report.rejected.length,
          duplicates: report.duplicates.length,
        },
      }),
    );
    await track(actor, progressId, { status: "done", processed: rows.length, report });
    return report;
  }

  /** One row, imported whole in its own transaction or reported with its reasons. */
  async function importRow(
    actor: Actor,
    cells: string[],
    rowNumber: number,
    columns: ReturnType<typeof importFieldOf>[],
    categories: Awaited<ReturnType<BeneficiariesService["categories"]>>,
    report: ImportReport,
  ): Promise<void> {
    const rowCells = cells.map((c) => c ?? "");
    const refuse = (errors: RowIssue["errors"], into: RowIssue[] = report.rejected) =>
      into.push({ row: rowNumber, cells: rowCells, errors });
    {
      const raw: Record<string, unknown> = { phones: [] as string[] };
      const categoryErrors: RowIssue["errors"] = [];
      columns.forEach((column, i) => {
        // A file Silah wrote (the rows not imported, corrected) keeps formula-like text behind an apostrophe.
        const value = readNeutralised(cells[i]?.trim() ?? "");
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
        else if (column === "categoryCode") {
          // The category as people write it: its Arabic name in any spelling, its code, or an alias.
          const category = matchCategory(value, categories);
          if (category) raw.categoryCode = category.code;
          else categoryErrors.push(unknownCategory(value, categories));
        } else raw[column] = value;
      });
      // Records the association already holds and must keep (ADR 0022); consent is asked at the next visit.
      const parsed = createBeneficiaryRequestSchema.safeParse({
        ...raw,
        lawfulBasis: "legal_obligation",
        confirmNotDuplicate: true,
      });
      if (!parsed.success || categoryErrors.length) {
        const fieldErrors = parsed.success ? [] : toFieldErrors(parsed.error.issues);
        refuse([
          ...categoryErrors,
          ...fieldErrors.map((e) => ({ field: e.path, code: e.code, message: e.message })),
        ]);
        return;
      }
      try {
        await beneficiaries.register(actor, parsed.data, "import");
        report.imported++;
      } catch (error) {
        if (!isAppError(error)) throw error;
        const fieldErrors = error.details.fieldErrors ?? [];
        refuse(
          fieldErrors.length
            ? fieldErrors.map((e) => ({ field: e.path, code: e.code, message: e.message }))
            : [
                {
                  field: "",
                  code: error.code,
                  message: { ar: "تعذّر استيراد هذا السطر.", en: "This row could not be imported." },
                },
              ],
          error.code === "possible_duplicates" ? report.duplicates : report.rejected,
        );
      }
    }
  }
}
