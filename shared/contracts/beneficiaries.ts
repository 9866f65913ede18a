import { z } from "zod";
import { parseDateInput } from "../domain/date-input.js";
import { validateNationalId } from "../domain/national-id.js";
import { parseSaudiPhone } from "../domain/phone.js";
import { withheldSchema } from "./access.js";
import { notificationChannelSchema } from "./channels.js";
import { addFieldIssue } from "./field-rules.js";

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

export const phoneInputSchema = z.string().transform((text, ctx) => {
  const result = parseSaudiPhone(text);
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
  monthlyIncome: z.number().int().min(0).max(10_000_000).optional(),
  circumstances: optionalText(4000),
  healthNotes: optionalText(4000),
  disability: optionalText(1000),
  notes: optionalText(4000),
  household: z.array(householdMemberInputSchema).max(30),
});

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
  matchedBy: z.enum(["national_id", "phone", "file_number", "name"]),
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
});
export const categoryListResponseSchema = z.object({ items: z.array(categoryViewSchema) });

export const importReportSchema = z.object({
  imported: z.number().int(),
  rejected: z.array(
    z.object({
      row: z.number().int(),
      errors: z.array(
        z.object({
          field: z.string(),
          code: z.string(),
          message: z.object({ ar: z.string(), en: z.string() }),
        }),
      ),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;
