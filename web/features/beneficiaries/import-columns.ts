import { type ImportField, importFieldOf } from "../../../shared/contracts/beneficiary-import.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const importFieldLabels: Record<ImportField, MessageKey> = {
  fullName: "beneficiaries.form.fullName",
  nationalId: "beneficiaries.form.nationalId",
  birthDate: "beneficiaries.form.birthDate",
  gender: "beneficiaries.form.gender",
  phone: "beneficiaries.form.phone",
  city: "beneficiaries.form.city",
  district: "beneficiaries.form.district",
  categoryCode: "beneficiaries.form.category",
  email: "beneficiaries.form.email",
  nationality: "beneficiaries.file.nationality",
  latinName: "import.field.latinName",
  notes: "beneficiaries.file.notes",
};

/** The template's header line, in the order a desk officer fills a row. */
export const templateHeaders = [
  "الاسم",
  "رقم الهوية",
  "تاريخ الميلاد",
  "الجنس",
  "الجوال",
  "المدينة",
  "الحي",
  "الفئة",
  "البريد الإلكتروني",
] as const;

/** A CSV with the Arabic headers and a byte-order mark, so Excel opens it as UTF-8. */
export const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateHeaders.join(",")}\r\n`)}`;

export type HeaderColumn = { header: string; field: ImportField | null };

/** The file's first line read as the server reads it: a BOM dropped, `,` `;` or tab as separator. */
export function readHeader(text: string): { columns: HeaderColumn[]; rows: number } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r?\n/).filter((line) => line.trim() !== "");
  const first = lines[0] ?? "";
  const separator = [",", ";", "\t"].reduce((best, candidate) =>
    first.split(candidate).length > first.split(best).length ? candidate : best,
  );
  const columns = first
    .split(separator)
    .map((cell) =>
      cell
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    )
    .filter((header) => header !== "")
    .map((header) => ({ header, field: importFieldOf(header) ?? null }));
  return { columns, rows: Math.max(lines.length - 1, 0) };
}

/** The column a reported error belongs to (`phones.0` is the phone column). */
export function fieldOfPath(path: string): ImportField | null {
  const head = path.split(".")[0] ?? "";
  if (head === "phones") return "phone";
  return head in importFieldLabels ? (head as ImportField) : null;
}
