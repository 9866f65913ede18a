import { createHash } from "node:crypto";
import type { z } from "zod";
import type { requirementStatusSchema } from "../../../shared/contracts/requests.js";
import { describeValidity, type Requirement } from "../../../shared/contracts/services.js";
import { quoteDayBoth } from "../../../shared/domain/date-input.js";

type RequirementStatus = z.infer<typeof requirementStatusSchema>;

export type AttachedDocument = {
  requirementCode: string;
  sha256: string;
  issuedOn: string | null;
  expiresOn: string | null;
};

type Check = { status: RequirementStatus["status"]; message: RequirementStatus["message"] };

/** `date` minus whole months, clamped to the month's end (31 May − 3 months = 28/29 February). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Whether a document meets its rule on `on` (a Riyadh date: the day of submission). An ID expiring
 * today is still valid today; a report issued exactly three months ago is still within three months.
 */
export function checkDocument(
  requirement: Extract<Requirement, { kind: "document" }>,
  document: Pick<AttachedDocument, "issuedOn" | "expiresOn">,
  on: string,
): Check {
  const rule = requirement.validity;
  if (rule.kind === "not_expired") {
    if (!document.expiresOn)
      return {
        status: "date_missing",
        message: { ar: "أدخل تاريخ انتهاء المستند.", en: "Enter the document's expiry date." },
      };
    if (document.expiresOn < on)
      return {
        status: "expired",
        message: {
          ar: `${requirement.labelAr}: انتهت صلاحيته في ${quoteDayBoth(document.expiresOn).ar}.`,
          en: `${requirement.labelEn ?? requirement.labelAr}: expired on ${quoteDayBoth(document.expiresOn).en}.`,
        },
      };
  }
  if (rule.kind === "issued_within") {
    if (!document.issuedOn)
      return {
        status: "date_missing",
        message: { ar: "أدخل تاريخ إصدار المستند.", en: "Enter the document's issue date." },
      };
    if (document.issuedOn > on)
      return {
        status: "date_missing",
        message: {
          ar: `تاريخ الإصدار ${quoteDayBoth(document.issuedOn).ar} لم يأتِ بعد؛ اليوم ${quoteDayBoth(on).ar}.`,
          en: `The issue date ${quoteDayBoth(document.issuedOn).en} has not come yet; today is ${quoteDayBoth(on).en}.`,
        },
      };
    if (document.issuedOn < monthsBefore(on, rule.months))
      return {
        status: "too_old",
        message: {
          ar: `${requirement.labelAr}: يجب أن يكون ${describeValidity(rule)!.ar}، وتاريخ إصداره ${quoteDayBoth(document.issuedOn).ar}.`,
          en: `${requirement.labelEn ?? requirement.labelAr}: must be ${describeValidity(rule)!.en.toLowerCase()}; issued ${quoteDayBoth(document.issuedOn).en}.`,
        },
      };
  }
  return { status: "present", message: null };
}

function fieldPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === "string" && value.trim() === "");
}

/** What is there, missing or no longer valid, requirement by requirement (H3). */
export function assessCompleteness(
  requirements: Requirement[],
  data: Record<string, unknown>,
  documents: AttachedDocument[],
  on: string,
): { complete: boolean; items: RequirementStatus[] } {
  const items = requirements.map((r): RequirementStatus => {
    const label = { ar: r.labelAr, en: r.labelEn ?? r.labelAr };
    const base = { code: r.code, kind: r.kind, label, required: r.required };
    if (r.kind === "field") {
      return fieldPresent(data[r.code])
        ? { ...base, status: "present", message: null }
        : {
            ...base,
            status: "missing",
            message: { ar: `لم يُدخل: ${r.labelAr}.`, en: `Not entered: ${label.en}.` },
          };
    }
    const document = documents.find((d) => d.requirementCode === r.code);
    if (!document)
      return {
        ...base,
        status: "missing",
        message: { ar: `لم يُرفق: ${r.labelAr}.`, en: `Not attached: ${label.en}.` },
      };
    return { ...base, ...checkDocument(r, document, on) };
  });
  return { complete: items.every((i) => !i.required || i.status === "present"), items };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What a declaration covers, readable: the data fields and each document's hash and dates. */
export type Covered = {
  data: Record<string, unknown>;
  documents: { requirement: string; sha256: string; issuedOn: string | null; expiresOn: string | null }[];
};

export function coveredBy(input: { data: Record<string, unknown>; documents: AttachedDocument[] }): Covered {
  const documents = [...input.documents]
    .map((d) => ({
      requirement: d.requirementCode,
      sha256: d.sha256,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
    }))
    .sort((a, b) => canonical(a).localeCompare(canonical(b)));
  return { data: input.data, documents };
}

/**
 * What a declaration binds (H5): the request's data fields and the content hashes of its current
 * documents with the dates read off them, as canonical JSON, hashed. Any later change alters it.
 */
export function declarationFingerprint(input: {
  requestId: string;
  data: Record<string, unknown>;
  documents: AttachedDocument[];
}): string {
  const { data, documents } = coveredBy(input);
  return createHash("sha256")
    .update(canonical({ request: input.requestId, data, documents }))
    .digest("hex");
}

/**
 * The requirements (by code) whose field value or document differs between what was declared and
 * what the request holds now, in the order of the service's requirements.
 */
export function changedSince(requirements: Requirement[], declared: Covered, now: Covered): string[] {
  const codes = new Set([
    ...Object.keys(declared.data),
    ...Object.keys(now.data),
    ...declared.documents.map((d) => d.requirement),
    ...now.documents.map((d) => d.requirement),
  ]);
  const docsOf = (covered: Covered, code: string) =>
    canonical(covered.documents.filter((d) => d.requirement === code));
  const changed = [...codes].filter(
    (code) =>
      canonical(declared.data[code]) !== canonical(now.data[code]) ||
      docsOf(declared, code) !== docsOf(now, code),
  );
  const order = requirements.map((r) => r.code);
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return changed.sort((a, b) => rank(a) - rank(b));
}
