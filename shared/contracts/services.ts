import { z } from "zod";
import { icuText } from "../domain/messages.js";
import { requestDocumentKindSchema } from "./access.js";

/** The association's service catalogue (SPEC H2, T2, G7): what it offers and what each needs. */
export const serviceKinds = [
  "financial",
  "in_kind",
  "medical",
  "housing",
  "education",
  "membership",
  "other",
] as const;
export const serviceKindSchema = z.enum(serviceKinds);
export type ServiceKind = z.infer<typeof serviceKindSchema>;

/**
 * When a document counts as valid at submission (H3): any document, one not yet expired (the officer
 * enters its expiry date), or one issued within the last months (a salary certificate: 3, a medical
 * report: 6; the officer enters its issue date).
 */
export const documentValiditySchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("not_expired") }),
  z.strictObject({ kind: z.literal("issued_within"), months: z.number().int().min(1).max(120) }),
]);
export type DocumentValidity = z.infer<typeof documentValiditySchema>;

const requirementCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, "lower-case letters, digits and _");

export const fieldRequirementSchema = z.strictObject({
  kind: z.literal("field"),
  code: requirementCodeSchema,
  labelAr: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().max(200).optional(),
  fieldType: z.enum(["text", "number", "date", "boolean"]),
  required: z.boolean().default(true),
});

export const documentRequirementSchema = z.strictObject({
  kind: z.literal("document"),
  code: requirementCodeSchema,
  labelAr: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().max(200).optional(),
  /** What the document is (an ID scan, an income proof, a medical report…): decides who may open it. */
  fileKind: requestDocumentKindSchema.optional(),
  validity: documentValiditySchema.default({ kind: "none" }),
  required: z.boolean().default(true),
});

export const requirementSchema = z.discriminatedUnion("kind", [
  fieldRequirementSchema,
  documentRequirementSchema,
]);
export type Requirement = z.infer<typeof requirementSchema>;

const requirementsSchema = z
  .array(requirementSchema)
  .max(60)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    for (const [i, r] of list.entries()) {
      if (seen.has(r.code))
        ctx.addIssue({ code: "custom", path: [i, "code"], message: `duplicate requirement ${r.code}` });
      seen.add(r.code);
    }
  });

export const createServiceRequestSchema = z.strictObject({
  code: requirementCodeSchema,
  nameAr: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).optional(),
  kind: serviceKindSchema,
  eligibilityAr: z.string().trim().max(4000).default(""),
  requirements: requirementsSchema.default([]),
  active: z.boolean().default(true),
});
export type CreateServiceRequest = z.infer<typeof createServiceRequestSchema>;

export const updateServiceRequestSchema = z.strictObject({
  nameAr: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().max(200).optional(),
  kind: serviceKindSchema.optional(),
  eligibilityAr: z.string().trim().max(4000).optional(),
  requirements: requirementsSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateServiceRequest = z.infer<typeof updateServiceRequestSchema>;

export const serviceViewSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  kind: serviceKindSchema,
  eligibilityAr: z.string(),
  requirements: z.array(requirementSchema),
  active: z.boolean(),
  updatedAt: z.string().datetime(),
});
export type ServiceView = z.infer<typeof serviceViewSchema>;

export const serviceIdParamsSchema = z.strictObject({ serviceId: z.string().uuid() });
export const serviceListQuerySchema = z.strictObject({ active: z.enum(["true", "false"]).optional() });
export const serviceListResponseSchema = z.object({ items: z.array(serviceViewSchema) });

/** The list the officer prints or sends before the beneficiary applies (H2). */
export const serviceRequirementsSheetSchema = z.object({
  service: z.object({
    id: z.string().uuid(),
    code: z.string(),
    nameAr: z.string(),
    nameEn: z.string().nullable(),
  }),
  eligibilityAr: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(["field", "document"]),
      required: z.boolean(),
      label: z.object({ ar: z.string(), en: z.string() }),
      rule: z.object({ ar: z.string(), en: z.string() }).nullable(),
    }),
  ),
  /** The same, as plain Arabic text ready to print or send. */
  textAr: z.string(),
});
export type ServiceRequirementsSheet = z.infer<typeof serviceRequirementsSheetSchema>;

/** Words for a validity rule, as the sheet and the request page say them. */
export function describeValidity(rule: DocumentValidity): { ar: string; en: string } | null {
  switch (rule.kind) {
    case "none":
      return null;
    case "not_expired":
      return { ar: "سارية المفعول وقت التقديم", en: "Not expired at submission" };
    case "issued_within":
      return icuText(
        {
          ar: "صادرة خلال {months, plural, zero {# شهر} one {الشهر الأخير} two {آخر شهرين} few {آخر # أشهر} many {آخر # شهرًا} other {آخر # شهر}}",
          en: "Issued within the last {months, plural, one {month} other {# months}}",
        },
        { months: rule.months },
      );
  }
}
