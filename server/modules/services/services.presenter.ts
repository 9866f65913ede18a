import {
  describeValidity,
  type Requirement,
  type ServiceRequirementsSheet,
  type ServiceView,
} from "../../../shared/contracts/services.js";
import type { ServiceRow } from "./services.repository.js";

export function presentService(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    code: row.code,
    nameAr: row.nameAr,
    nameEn: row.nameEn,
    kind: row.kind as ServiceView["kind"],
    eligibilityAr: row.eligibilityAr,
    requirements: row.requirements as Requirement[],
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The printable list of what to bring (H2): the same data as the service, in words. */
export function presentRequirementsSheet(row: ServiceRow): ServiceRequirementsSheet {
  const requirements = row.requirements as Requirement[];
  const items = requirements.map((r) => ({
    code: r.code,
    kind: r.kind,
    required: r.required,
    label: { ar: r.labelAr, en: r.labelEn ?? r.labelAr },
    rule: r.kind === "document" ? describeValidity(r.validity) : null,
  }));
  const line = (i: (typeof items)[number], n: number) =>
    `${n}. ${i.label.ar}${i.rule ? ` (${i.rule.ar})` : ""}${i.required ? "" : " — اختياري"}`;
  const fields = items.filter((i) => i.kind === "field");
  const documents = items.filter((i) => i.kind === "document");
  const textAr = [
    `متطلبات خدمة: ${row.nameAr}`,
    ...(row.eligibilityAr ? ["", "شروط الاستحقاق:", row.eligibilityAr] : []),
    ...(fields.length ? ["", "البيانات المطلوبة:", ...fields.map((i, n) => line(i, n + 1))] : []),
    ...(documents.length ? ["", "المستندات المطلوبة:", ...documents.map((i, n) => line(i, n + 1))] : []),
    "",
    "يُرجى إحضار المستندات كاملة وسارية عند تقديم الطلب.",
  ].join("\n");
  return {
    service: { id: row.id, code: row.code, nameAr: row.nameAr, nameEn: row.nameEn },
    eligibilityAr: row.eligibilityAr,
    items,
    textAr,
  };
}
