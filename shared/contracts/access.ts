import { z } from "zod";
import { associationRoles, type StaffRole } from "./roles.js";

/**
 * Who may read what is sensitive under the Personal Data Protection Law (SPEC R2: access by role
 * and need). The server asks this one table before it returns a sensitive field or serves a file,
 * and the web asks it before it offers a link: a role outside the list gets the field withheld
 * (null, and named in the response's `withheld`) or a 403 for the file. ADR 0013 explains each row.
 * `server/sensitive-access.test.ts` walks every role through every row on the real endpoints.
 */

// Those who assess need and decide: the social study, the committee that studies complete
// requests (H6), and senior management that schedules and supervises.
const assessors = ["social_researcher", "committee_member", "manager"] as const;
// Those who receive the beneficiary, check the documents before they leave (H3) and take the
// declaration (H5), plus the assessors.
const caseHandlers = ["officer", "branch_representative", ...assessors] as const;
// Those who record and answer contacts and letters (C1, H1, I1).
const contactHandlers = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "manager",
] as const;
// The follow-up committee handles complaints and compensation (Q2, K2); senior management follows them (S3).
const complaintHandlers = ["followup_committee_member", "manager"] as const;

export type SensitiveFieldRule = {
  /** The roles that read it. */
  roles: readonly StaffRole[];
  /**
   * Besides the roles, the one person the record names: the referral's owner reads the study they
   * wrote (the association may refer to any role, H4); the complaint's assignee reads what they handle.
   */
  also?: "referral_owner" | "assignee";
  /** The property names that carry it in responses (the test checks every response holding one is walked). */
  keys: readonly string[];
};

export const sensitiveFields = {
  "beneficiary.monthly_income": { roles: assessors, keys: ["monthlyIncome"] },
  "beneficiary.circumstances": { roles: assessors, keys: ["circumstances"] },
  "beneficiary.health_notes": { roles: assessors, keys: ["healthNotes"] },
  "beneficiary.disability": { roles: assessors, keys: ["disability"] },
  "request.social_study": {
    roles: assessors,
    also: "referral_owner",
    keys: ["findings", "recommendation"],
  },
  "committee.deliberations": { roles: ["committee_member", "manager"], keys: ["minutes", "votes"] },
  "complaint.details": { roles: complaintHandlers, also: "assignee", keys: ["details"] },
  "complaint.complainant": { roles: complaintHandlers, also: "assignee", keys: ["complainant"] },
  "compensation.harm": { roles: complaintHandlers, keys: ["description", "proof"] },
} as const satisfies Record<string, SensitiveFieldRule>;

export type SensitiveField = keyof typeof sensitiveFields;
export const sensitiveFieldNames = Object.keys(sensitiveFields) as SensitiveField[];
export const sensitiveFieldSchema = z.enum(sensitiveFieldNames as [SensitiveField, ...SensitiveField[]]);

/** What a response left out for the reader's roles, so the page says «محجوب لصلاحيتك» instead of showing a blank. */
export const withheldSchema = z.array(sensitiveFieldSchema);

/**
 * Kinds of stored file, by what they are attached to. A file's kinds come from every place that
 * holds it (the module that owns each place says which); a reader must be allowed every kind.
 */
export const fileKinds = {
  // Documents attached to a support request, by the kind its service's requirement declares.
  identity_document: caseHandlers,
  supporting_document: caseHandlers,
  income_proof: assessors,
  medical_report: assessors,
  // The declaration's signature image or the scanned signed form (H5).
  signed_declaration: caseHandlers,
  // What came with a recorded contact (a photo sent on WhatsApp) or a registered letter.
  contact_attachment: contactHandlers,
  correspondence_scan: contactHandlers,
  complaint_attachment: complaintHandlers,
  // Photos taken on a field visit or survey (S2): those who oversee the offices and branches.
  field_photo: ["manager", "administrator", "branch_representative"],
  // A judicial ruling proving a compensation claim (K1).
  judicial_ruling: complaintHandlers,
  // The governance assessment's evidence pack (G7): it lists compensation proofs and every
  // employee's signature, so senior management keeps it and hands it to the board (ADR 0028).
  evidence_pack: ["manager"],
  // The officer's library: bylaws, guides and forms every employee works by (T1); the platform
  // operator is no association's employee (ADR 0024).
  library_document: associationRoles,
} as const satisfies Record<string, readonly StaffRole[]>;

export type FileKind = keyof typeof fileKinds;
export const fileKindNames = Object.keys(fileKinds) as FileKind[];
export const fileKindSchema = z.enum(fileKindNames as [FileKind, ...FileKind[]]);

/** The kinds a service's document requirement may declare (T2): what the officer attaches to a request. */
export const requestDocumentKinds = [
  "identity_document",
  "supporting_document",
  "income_proof",
  "medical_report",
] as const satisfies readonly FileKind[];
export const requestDocumentKindSchema = z.enum(requestDocumentKinds);
export type RequestDocumentKind = z.infer<typeof requestDocumentKindSchema>;
/** A requirement written before kinds existed is an ordinary supporting document. */
export const defaultRequestDocumentKind: RequestDocumentKind = "supporting_document";

export function mayReadField(
  roles: readonly StaffRole[],
  field: SensitiveField,
  isNamedPerson = false,
): boolean {
  const rule: SensitiveFieldRule = sensitiveFields[field];
  return (rule.also !== undefined && isNamedPerson) || roles.some((role) => rule.roles.includes(role));
}

export function mayOpenFileKind(roles: readonly StaffRole[], kind: FileKind): boolean {
  const allowed: readonly StaffRole[] = fileKinds[kind];
  return roles.some((role) => allowed.includes(role));
}

/**
 * One response's disclosure: `reveal` gives the value when the reader may read the field and null
 * otherwise, noting the field as withheld. Presenters build the response through it, so a value
 * reaches a reader only by asking this table.
 */
export function disclosureFor(viewer: { roles: readonly StaffRole[] }) {
  const withheld = new Set<SensitiveField>();
  const disclosed = new Set<SensitiveField>();
  return {
    reveal<T>(field: SensitiveField, value: T, isNamedPerson = false): T | null {
      if (mayReadField(viewer.roles, field, isNamedPerson)) {
        if (value !== null && value !== undefined) disclosed.add(field);
        return value;
      }
      // Withheld even when empty: whether someone has health notes is itself not for every reader.
      withheld.add(field);
      return null;
    },
    /** The fields this response left out, in the table's order. */
    withheld: (): SensitiveField[] => sensitiveFieldNames.filter((f) => withheld.has(f)),
    /** The fields this response carried a value of: what its read is audited as. */
    disclosed: (): SensitiveField[] => sensitiveFieldNames.filter((f) => disclosed.has(f)),
  };
}
export type Disclosure = ReturnType<typeof disclosureFor>;
