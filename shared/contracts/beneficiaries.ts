import { z } from "zod";
import { parseDateInput } from "../domain/date-input.js";
import { validateNationalId } from "../domain/national-id.js";
import { parseSaudiMobile } from "../domain/phone.js";
import { withheldSchema } from "./access.js";
import { notificationChannelSchema } from "./channels.js";
import { addFieldIssue, typedNumberSchema } from "./field-rules.js";

/**
 * A date as people type it, Gregorian (`1990-05-14`, `14/5/1990م`) or Hijri (`1410/10/19هـ`,
 * `١٩ شوال ١٤١٠`), read by the same parser as the web's date field (ADR 0018) and stored as the
 * ISO Gregorian date. Whether it may lie in the future is the service's call.
 */
export const dateInputSchema = z.string().transform((text, ctx) => {
  const result = parseDateInput(text);
  if (!result.ok) {
    addFieldIssue(ctx, result.code, result.message);
    return z.NEVER;
  }
  return result.value.iso;
});

export const nationalIdInputSchema = z.string().transform((text, ctx) => {
  const result = validateNationalId(text);
  if (!result.ok) {
    addFieldIssue(ctx, result.code, result.message);
    return z.NEVER;
  }
  return result.value;
});

/** A beneficiary's «الجوال»: a mobile in any usual form; a landline is refused (it takes no text message). */
export const phoneInputSchema = z.string().transform((text, ctx) => {
  const result = parseSaudiMobile(text);
  if (!result.ok) {
    addFieldIssue(ctx, result.code, result.message);
    return z.NEVER;
  }
  return result.value;
});

export const fullNameSchema = z
  .string()
  .transform((text) => text.replace(/\s+/g, " ").trim())
  .superRefine((text, ctx) => {
    if (text === "") {
      addFieldIssue(ctx, "name_empty", { ar: "الاسم مطلوب.", en: "The name is required." });
    } else if (text.split(" ").length < 2) {
      addFieldIssue(ctx, "name_incomplete", {
        ar: "اكتب الاسم كاملًا: الاسم الأول واسم الأب على الأقل، والأفضل الرباعي.",
        en: "Write the full name: at least the given name and the father's name, ideally all four parts.",
      });
    } else if (text.length > 200) {
      addFieldIssue(ctx, "name_too_long", { ar: "الاسم أطول من المسموح.", en: "The name is too long." });
    }
  });

export const genderSchema = z.enum(["male", "female"]);
export const maritalStatusSchema = z.enum(["single", "married", "divorced", "widowed"]);
export const householdRelationSchema = z.enum([
  "spouse",
  "son",
  "daughter",
  "father",
  "mother",
  "brother",
  "sister",
  "grandparent",
  "grandchild",
  "other",
]);

export const householdMemberInputSchema = z.strictObject({
  relation: householdRelationSchema,
  fullName: fullNameSchema,
  nationalId: nationalIdInputSchema.optional(),
  birthDate: dateInputSchema.optional(),
  gender: genderSchema.optional(),
});

const optionalText = (max: number) => z.string().trim().max(max).optional();

const beneficiaryFieldsSchema = z.strictObject({
  fullName: fullNameSchema,
  latinName: optionalText(200),
  nationalId: nationalIdInputSchema.optional(),
  birthDate: dateInputSchema.optional(),
  gender: genderSchema,
  nationality: optionalText(80),
  city: optionalText(80),
  district: optionalText(80),
  phones: z.array(phoneInputSchema).max(5),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  preferredChannel: notificationChannelSchema.optional(),
  categoryCode: optionalText(60),
  maritalStatus: maritalStatusSchema.optional(),
  monthlyIncome: typedNumberSchema(
    { ar: "الدخل الشهري", en: "Monthly income" },
    { min: 0, max: 10_000_000 },
  ).optional(),
  circumstances: optionalText(4000),
  healthNotes: optionalText(4000),
  disability: optionalText(1000),
  notes: optionalText(4000),
  household: z.array(householdMemberInputSchema).max(30),
});

/**
 * The PDPL lawful basis a file is registered under (ADR 0022): the person's consent (its notice
 * version and date recorded), the person applying for the association's service (processing needed
 * for what they asked for), or a record the association must keep by law (its aid registers).
 */
export const lawfulBasisSchema = z.enum(["consent", "service_request", "legal_obligation"]);
export type LawfulBasis = z.infer<typeof lawfulBasisSchema>;

/** Set after the officer has seen the possible duplicates and decided this is another person. */
const confirmNotDuplicate = z.boolean().default(false);

export const createBeneficiaryRequestSchema = beneficiaryFieldsSchema.extend({
  phones: beneficiaryFieldsSchema.shape.phones.default([]),
  household: beneficiaryFieldsSchema.shape.household.default([]),
  consent: z
    .strictObject({
      purpose: z.string().trim().min(2).max(300),
      noticeVersion: z.string().trim().min(1).max(40),
    })
    .optional(),
  /** Required unless `consent` is given (then it is "consent"); the server refuses neither. */
  lawfulBasis: lawfulBasisSchema.optional(),
  confirmNotDuplicate,
});
export type CreateBeneficiaryRequest = z.infer<typeof createBeneficiaryRequestSchema>;

/** Only the fields sent change; `household`, when sent, replaces the list. */
export const updateBeneficiaryRequestSchema = beneficiaryFieldsSchema
  .partial()
  .extend({ confirmNotDuplicate });
export type UpdateBeneficiaryRequest = z.infer<typeof updateBeneficiaryRequestSchema>;

export const duplicateCheckRequestSchema = z.strictObject({
  fullName: fullNameSchema,
  nationalId: nationalIdInputSchema.optional(),
  birthDate: dateInputSchema.optional(),
  phones: z.array(phoneInputSchema).max(5).default([]),
  householdIds: z.array(nationalIdInputSchema).max(30).default([]),
  /** When editing: the record itself is not its own duplicate. */
  excludeId: z.string().uuid().optional(),
});
export type DuplicateCheckRequest = z.infer<typeof duplicateCheckRequestSchema>;

export const duplicateReasonSchema = z.enum([
  "same_national_id",
  "name_and_birth_date",
  "name_and_phone",
  "household_member_elsewhere",
  "registered_as_household_member",
]);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

export const beneficiarySummarySchema = z.object({
  id: z.string().uuid(),
  fileNumber: z.number().int(),
  fullName: z.string(),
  nationalId: z.string().nullable(),
  birthDate: z.string().nullable(),
  phones: z.array(z.string()),
  city: z.string().nullable(),
  categoryCode: z.string().nullable(),
});
export type BeneficiarySummary = z.infer<typeof beneficiarySummarySchema>;

export const duplicateCandidateSchema = z.object({
  beneficiary: beneficiarySummarySchema,
  reasons: z.array(duplicateReasonSchema),
  nameScore: z.number(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

export const duplicateCheckResponseSchema = z.object({ candidates: z.array(duplicateCandidateSchema) });

export const householdMemberViewSchema = z.object({
  id: z.string().uuid(),
  relation: householdRelationSchema,
  fullName: z.string(),
  nationalId: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: genderSchema.nullable(),
});

export const consentViewSchema = z.object({
  id: z.string().uuid(),
  purpose: z.string(),
  noticeVersion: z.string(),
  givenAt: z.string().datetime(),
  withdrawnAt: z.string().datetime().nullable(),
});

/** Sensitive fields are null for roles that may not see them (shared/contracts/access.ts), and `withheld` names them. */
export const beneficiaryViewSchema = beneficiarySummarySchema.extend({
  latinName: z.string().nullable(),
  nationalIdKind: z.enum(["citizen", "resident"]).nullable(),
  gender: genderSchema.nullable(),
  nationality: z.string().nullable(),
  district: z.string().nullable(),
  email: z.string().nullable(),
  preferredChannel: notificationChannelSchema.nullable(),
  maritalStatus: maritalStatusSchema.nullable(),
  monthlyIncome: z.number().nullable(),
  circumstances: z.string().nullable(),
  healthNotes: z.string().nullable(),
  disability: z.string().nullable(),
  notes: z.string().nullable(),
  household: z.array(householdMemberViewSchema),
  consents: z.array(consentViewSchema),
  mergedIntoId: z.string().uuid().nullable(),
  lawfulBasis: lawfulBasisSchema.nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  withheld: withheldSchema,
});
export type BeneficiaryView = z.infer<typeof beneficiaryViewSchema>;

export const beneficiarySearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const beneficiarySearchHitSchema = beneficiarySummarySchema.extend({
  matchedBy: z.enum(["national_id", "phone", "file_number", "name", "household_member"]),
  /** When a household member's name matched: which member of this file. */
  matchedMember: z.object({ fullName: z.string(), relation: householdRelationSchema }).nullable(),
  score: z.number(),
});
export const beneficiarySearchResponseSchema = z.object({ items: z.array(beneficiarySearchHitSchema) });

export const beneficiaryIdParamsSchema = z.strictObject({ beneficiaryId: z.string().uuid() });

export const mergeBeneficiaryRequestSchema = z.strictObject({
  /** The record that is folded into the one in the path; it keeps existing, marked as merged. */
  duplicateId: z.string().uuid(),
});

export const recordConsentRequestSchema = z.strictObject({
  purpose: z.string().trim().min(2).max(300),
  noticeVersion: z.string().trim().min(1).max(40),
});
export const consentIdParamsSchema = z.strictObject({
  beneficiaryId: z.string().uuid(),
  consentId: z.string().uuid(),
});

export const categoryViewSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  aliases: z.array(z.string()),
  active: z.boolean(),
});
export const createCategoryRequestSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,59}$/),
  nameAr: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().max(120).optional(),
  /** Other names an import accepts for it (a singular, a plural, a common spelling). */
  aliases: z.array(z.string().trim().min(2).max(120)).max(20).default([]),
});
/** The other names a category answers to in imports, replaced whole. */
export const updateCategoryAliasesRequestSchema = z.strictObject({
  aliases: z.array(z.string().trim().min(2).max(120)).max(20),
});
export const categoryIdParamsSchema = z.strictObject({ categoryId: z.string().uuid() });
export const categoryListResponseSchema = z.object({ items: z.array(categoryViewSchema) });

const importRowIssueSchema = z.object({
  row: z.number().int(),
  /** The row as it was in the file, so the refused rows can be downloaded, corrected and imported again. */
  cells: z.array(z.string()),
  errors: z.array(
    z.object({
      field: z.string(),
      code: z.string(),
      message: z.object({ ar: z.string(), en: z.string() }),
    }),
  ),
});

export const importReportSchema = z.object({
  /** Rows of people in the file (the header excluded). */
  total: z.number().int(),
  imported: z.number().int(),
  /** The file's first line, to head a file of the refused rows. */
  header: z.array(z.string()),
  /** Rows skipped because the person is already registered (same ID number). */
  duplicates: z.array(importRowIssueSchema),
  rejected: z.array(importRowIssueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importQuerySchema = z.strictObject({
  /** Chosen by the page before sending, so it can follow `GET /api/beneficiary-imports/{id}`. */
  progressId: z.string().uuid().optional(),
});

export const importProgressSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(["running", "done", "failed"]),
  total: z.number().int(),
  processed: z.number().int(),
  report: importReportSchema.nullable(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;
export const importIdParamsSchema = z.strictObject({ importId: z.string().uuid() });
