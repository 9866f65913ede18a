/**
 * The column headers an import understands, as associations write them (Arabic or English), and
 * the field each fills. One list for the server, which judges every row, and the web page, which
 * says before sending which columns will be read.
 */
export type ImportField =
  | "fullName"
  | "nationalId"
  | "birthDate"
  | "gender"
  | "phone"
  | "city"
  | "district"
  | "categoryCode"
  | "email"
  | "nationality"
  | "latinName"
  | "notes";

export const importHeaderFields: Record<string, ImportField> = {
  الاسم: "fullName",
  "الاسم الكامل": "fullName",
  "الاسم الرباعي": "fullName",
  full_name: "fullName",
  name: "fullName",
  "رقم الهوية": "nationalId",
  الهوية: "nationalId",
  "رقم الهوية/الإقامة": "nationalId",
  national_id: "nationalId",
  "تاريخ الميلاد": "birthDate",
  birth_date: "birthDate",
  الجنس: "gender",
  gender: "gender",
  الجوال: "phone",
  "رقم الجوال": "phone",
  الهاتف: "phone",
  phone: "phone",
  المدينة: "city",
  city: "city",
  الحي: "district",
  district: "district",
  الفئة: "categoryCode",
  category: "categoryCode",
  "البريد الإلكتروني": "email",
  email: "email",
  الجنسية: "nationality",
  nationality: "nationality",
  "الاسم باللاتينية": "latinName",
  latin_name: "latinName",
  ملاحظات: "notes",
  notes: "notes",
};

/** The field a header names, ignoring case and surrounding spaces; undefined when unknown. */
export function importFieldOf(header: string): ImportField | undefined {
  const trimmed = header.trim();
  return importHeaderFields[trimmed] ?? importHeaderFields[trimmed.toLowerCase()];
}
