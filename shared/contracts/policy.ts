import { z } from "zod";
import { responsePeriodRuleSchema } from "../domain/response-period.js";
import { type ContactChannel, contactChannels } from "./channels.js";
import { exportFormatSchema } from "./exports.js";
import { addFieldIssue } from "./field-rules.js";

// ——— The policy as configuration (SPEC P1–P4, T1) ———

/** The tools the policy puts in the officer's hands (SPEC T1, T2), as the importer reads them. */
export const officerToolCodes = [
  "bylaws",
  "social_research_guide",
  "support_policy_guide",
  "support_request_form",
  "aid_disbursement_policy",
  "charity_work_policies",
  "official_regulations",
  "partners_policy",
  "volunteer_policy",
  "service_request_form",
] as const;
export const officerToolSchema = z.enum(officerToolCodes);
export type OfficerToolCode = z.infer<typeof officerToolSchema>;

export const satisfactionMethodCodes = [
  "periodic_survey",
  "field_survey",
  "supervisory_visits",
  "interviews",
  "management_followup",
  "liaison_supervision",
] as const;
export const satisfactionMethodSchema = z.enum(satisfactionMethodCodes);
export type SatisfactionMethodCode = z.infer<typeof satisfactionMethodSchema>;

/** A channel code, refused with its own words when it is not one Silah knows (SPEC C1). */
const channelCodeSchema = z.string().superRefine((value, ctx) => {
  if (!(contactChannels as readonly string[]).includes(value)) {
    addFieldIssue(ctx, "channel_unknown", {
      ar: "قناة التواصل غير معروفة.",
      en: "Unknown contact channel.",
    });
  }
}) as unknown as z.ZodType<ContactChannel, string>;

const channelListSchema = z
  .array(channelCodeSchema)
  .max(contactChannels.length)
  .superRefine((codes, ctx) => {
    if (new Set(codes).size !== codes.length)
      addFieldIssue(ctx, "channel_repeated", {
        ar: "قناة التواصل مكررة.",
        en: "A contact channel is listed twice.",
      });
  });

const text = (max: number) => z.string().trim().max(max);
const list = (max: number) => z.array(text(2000).min(1)).max(max);

/** The policy's content: what the association configures and the board approves (SPEC P1). */
export const policyContentSchema = z.strictObject({
  preamble: text(20_000).default(""),
  generalGoal: text(5000).default(""),
  detailedGoals: list(50).default([]),
  /** Enabled channels, in the order the policy lists them. */
  channels: channelListSchema.default([]),
  officerTools: z.array(officerToolSchema).max(officerToolCodes.length).default([]),
  handlingSteps: list(50).default([]),
  /** Who the officer refers a beneficiary to when the procedure is unclear (SPEC H4), as the policy words it. */
  referralRole: text(200).nullable().default(null),
  responsePeriod: responsePeriodRuleSchema.nullable().default(null),
  committees: text(5000).default(""),
  compensation: text(20_000).nullable().default(null),
  complaints: text(20_000).nullable().default(null),
  privacy: text(20_000).nullable().default(null),
  liaisonOfficers: text(5000).default(""),
  satisfactionMethods: z.array(satisfactionMethodSchema).max(satisfactionMethodCodes.length).default([]),
  responsibilities: text(20_000).default(""),
});
export type PolicyContent = z.infer<typeof policyContentSchema>;

export const policyVersionStatusSchema = z.enum(["draft", "approved", "superseded"]);
export type PolicyVersionStatus = z.infer<typeof policyVersionStatusSchema>;

export const policyDraftRequestSchema = policyContentSchema;
/** A draft is edited a part at a time; what is not sent stays as it was. */
export const policyDraftPatchSchema = z.strictObject({
  preamble: text(20_000).optional(),
  generalGoal: text(5000).optional(),
  detailedGoals: list(50).optional(),
  channels: channelListSchema.optional(),
  officerTools: z.array(officerToolSchema).max(officerToolCodes.length).optional(),
  handlingSteps: list(50).optional(),
  referralRole: text(200).nullable().optional(),
  responsePeriod: responsePeriodRuleSchema.nullable().optional(),
  committees: text(5000).optional(),
  compensation: text(20_000).nullable().optional(),
  complaints: text(20_000).nullable().optional(),
  privacy: text(20_000).nullable().optional(),
  liaisonOfficers: text(5000).optional(),
  satisfactionMethods: z.array(satisfactionMethodSchema).max(satisfactionMethodCodes.length).optional(),
  responsibilities: text(20_000).optional(),
});
export type PolicyDraftPatch = z.infer<typeof policyDraftPatchSchema>;

export const boardSignatureSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("on_screen"), fileId: z.string().uuid() }),
  z.strictObject({ kind: z.literal("scanned"), fileId: z.string().uuid() }),
  /** Signed on paper in the meeting; the minutes hold it. */
  z.strictObject({ kind: z.literal("recorded") }),
]);
export type BoardSignature = z.infer<typeof boardSignatureSchema>;

export const boardMemberSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  position: z.string().trim().min(2).max(200),
  signature: boardSignatureSchema,
});
export type BoardMember = z.infer<typeof boardMemberSchema>;

/** The board's resolution that makes a draft the policy (SPEC P2). */
export const approvePolicyRequestSchema = z.strictObject({
  meetingNumber: z.string().trim().min(1).max(50),
  term: z.string().trim().min(1).max(50),
  /** As people write it: `2/3/1441هـ`, `1441-03-02`, `٢ ربيع الأول ١٤٤١`. */
  hijriDate: z.string().trim().min(1).max(60),
  chair: z.string().trim().min(2).max(200),
  members: z.array(boardMemberSchema).min(1).max(50),
  resolution: z.string().trim().min(3).max(10_000),
});
export type ApprovePolicyRequest = z.infer<typeof approvePolicyRequestSchema>;

export const boardApprovalViewSchema = z.object({
  meetingNumber: z.string(),
  term: z.string(),
  /** Umm al-Qura, `YYYY-MM-DD`. */
  hijriDate: z.string(),
  /** The same day in the Gregorian calendar, `YYYY-MM-DD`. */
  approvedOn: z.string(),
  chair: z.string(),
  members: z.array(boardMemberSchema),
  resolution: z.string(),
  recordedAt: z.string().datetime(),
});
export type BoardApprovalView = z.infer<typeof boardApprovalViewSchema>;

export const policyVersionViewSchema = z.object({
  id: z.string().uuid(),
  status: policyVersionStatusSchema,
  /** Numbered when approved: the first approved policy is 1. */
  versionNumber: z.number().int().nullable(),
  source: z.enum(["manual", "import"]),
  content: policyContentSchema,
  approval: boardApprovalViewSchema.nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  supersededAt: z.string().datetime().nullable(),
});
export type PolicyVersionView = z.infer<typeof policyVersionViewSchema>;

export const policyVersionSummarySchema = policyVersionViewSchema
  .omit({ content: true, approval: true })
  .extend({
    approvedOn: z.string().nullable(),
    hijriDate: z.string().nullable(),
  });
export const policyVersionListSchema = z.object({ items: z.array(policyVersionSummarySchema) });

export const policyVersionParamsSchema = z.strictObject({ versionId: z.string().uuid() });

/** What the importer found in the text, beside the draft it made (see `npx silah policy import --json`). */
export const importedPolicySchema = z.object({
  association: z.object({ name: z.string().nullable(), licenseNumber: z.string().nullable() }),
  channels: z.array(z.string()),
  officerTools: z.array(z.string()),
  handlingSteps: z.array(z.string()),
  referralRole: z.string().nullable(),
  responsePeriod: responsePeriodRuleSchema.nullable(),
  sections: z.object({
    compensation: z.boolean(),
    complaints: z.boolean(),
    privacy: z.boolean(),
    liaisonOfficer: z.boolean(),
    staffAcknowledgement: z.boolean(),
  }),
  satisfactionMethods: z.array(z.string()),
  boardApproval: z
    .object({
      hijriDate: z.string().nullable(),
      meeting: z.string().nullable(),
      term: z.string().nullable(),
      members: z.array(z.object({ name: z.string(), position: z.string() })),
    })
    .nullable(),
});
export const policyImportResponseSchema = z.object({
  draft: policyVersionViewSchema,
  found: importedPolicySchema,
});

// ——— Staff acknowledgement (SPEC P3) ———

export const acknowledgePolicyRequestSchema = z.strictObject({
  versionId: z.string().uuid(),
  /** The signer types their full name as the account holds it. */
  typedName: z.string().trim().min(2).max(200),
});

export const acknowledgementViewSchema = z.object({
  versionId: z.string().uuid(),
  versionNumber: z.number().int().nullable(),
  signedAt: z.string().datetime(),
  typedName: z.string(),
});

/** Whether the signed-in user still has to sign the current policy; asked at sign-in until they do. */
export const myAcknowledgementSchema = z.object({
  current: z.object({ id: z.string().uuid(), versionNumber: z.number().int().nullable() }).nullable(),
  mustSign: z.boolean(),
  signed: acknowledgementViewSchema.nullable(),
});

/** The HR report's on-screen choice, which its export follows. */
export const acknowledgementExportQuerySchema = z.strictObject({
  show: z.enum(["all", "pending", "signed"]).default("all"),
  format: exportFormatSchema,
});

export const acknowledgementReportSchema = z.object({
  version: z.object({ id: z.string().uuid(), versionNumber: z.number().int().nullable() }).nullable(),
  staff: z.array(
    z.object({
      userId: z.string().uuid(),
      fullName: z.string(),
      roles: z.array(z.string()),
      signed: z.boolean(),
      signedAt: z.string().datetime().nullable(),
    }),
  ),
  signedCount: z.number().int(),
  pendingCount: z.number().int(),
});

// ——— The officer's library (SPEC T1) ———

export const libraryDocumentKindSchema = z.enum([
  "bylaws",
  "social_research_guide",
  "support_policy_guide",
  "aid_disbursement_policy",
  "charity_work_policies",
  "official_regulations",
  "partners_policy",
  "volunteer_policy",
  "form",
  "other",
]);
export type LibraryDocumentKind = z.infer<typeof libraryDocumentKindSchema>;

const stepIndexesSchema = z.array(z.number().int().min(0).max(49)).max(50).default([]);

export const libraryVersionRequestSchema = z.strictObject({
  fileId: z.string().uuid(),
  versionLabel: z.string().trim().min(1).max(50),
});

export const createLibraryDocumentRequestSchema = z.strictObject({
  kind: libraryDocumentKindSchema,
  titleAr: z.string().trim().min(2).max(300),
  /** The handling steps (by their index in the current policy) where the officer needs it. */
  stepIndexes: stepIndexesSchema,
  version: libraryVersionRequestSchema,
});

export const libraryDocumentVersionViewSchema = z.object({
  id: z.string().uuid(),
  fileId: z.string().uuid(),
  fileName: z.string(),
  versionLabel: z.string(),
  uploadedAt: z.string().datetime(),
});

export const libraryDocumentViewSchema = z.object({
  id: z.string().uuid(),
  kind: libraryDocumentKindSchema,
  titleAr: z.string(),
  stepIndexes: z.array(z.number().int()),
  /** Newest first; the first is the one in force. */
  versions: z.array(libraryDocumentVersionViewSchema),
  updatedAt: z.string().datetime(),
});
export type LibraryDocumentView = z.infer<typeof libraryDocumentViewSchema>;

export const libraryListQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: libraryDocumentKindSchema.optional(),
  step: z.coerce.number().int().min(0).max(49).optional(),
});
export const libraryListResponseSchema = z.object({ items: z.array(libraryDocumentViewSchema) });
export const libraryDocumentParamsSchema = z.strictObject({ documentId: z.string().uuid() });

// ——— Words for the codes, Arabic first (the printed policy and the admin pages use them) ———

export const officerToolNames: Record<OfficerToolCode, { ar: string; en: string }> = {
  bylaws: { ar: "اللائحة الأساسية للجمعية", en: "The association's bylaws" },
  social_research_guide: { ar: "دليل خدمات البحث الاجتماعي", en: "Social research services guide" },
  support_policy_guide: { ar: "دليل سياسة الدعم للمستفيدين", en: "Beneficiary support policy guide" },
  support_request_form: { ar: "نموذج طلب دعم مستفيد", en: "Beneficiary support request form" },
  aid_disbursement_policy: { ar: "سياسة صرف المساعدات", en: "Aid disbursement policy" },
  charity_work_policies: { ar: "سياسات العمل الخيري", en: "Charity work policies" },
  official_regulations: {
    ar: "التعليمات والأنظمة الصادرة من الجهات الرسمية",
    en: "Instructions and regulations of the official authorities",
  },
  partners_policy: { ar: "سياسة التعامل مع الشركاء المنفذين", en: "Implementing partners policy" },
  volunteer_policy: { ar: "سياسة إدارة التطوع", en: "Volunteer management policy" },
  service_request_form: { ar: "نموذج طلب خدمة", en: "Service request form" },
};

export const satisfactionMethodNames: Record<SatisfactionMethodCode, { ar: string; en: string }> = {
  periodic_survey: { ar: "استبانة دورية لقياس رضا المستفيدين", en: "Periodic satisfaction survey" },
  field_survey: { ar: "المسح الميداني", en: "Field survey" },
  supervisory_visits: { ar: "الزيارات الإشرافية", en: "Supervisory visits" },
  interviews: { ar: "المقابلات", en: "Interviews" },
  management_followup: { ar: "متابعة الإدارة العليا", en: "Senior management follow-up" },
  liaison_supervision: { ar: "الإشراف على ضباط الاتصال", en: "Supervision of liaison officers" },
};

export const libraryKindNames: Record<LibraryDocumentKind, { ar: string; en: string }> = {
  bylaws: officerToolNames.bylaws,
  social_research_guide: officerToolNames.social_research_guide,
  support_policy_guide: officerToolNames.support_policy_guide,
  aid_disbursement_policy: officerToolNames.aid_disbursement_policy,
  charity_work_policies: officerToolNames.charity_work_policies,
  official_regulations: officerToolNames.official_regulations,
  partners_policy: officerToolNames.partners_policy,
  volunteer_policy: officerToolNames.volunteer_policy,
  form: { ar: "نموذج", en: "Form" },
  other: { ar: "أخرى", en: "Other" },
};

export const boardSignatureNames: Record<BoardSignature["kind"], { ar: string; en: string }> = {
  on_screen: { ar: "وقّع على الشاشة", en: "Signed on screen" },
  scanned: { ar: "توقيع ممسوح ضوئيًا", en: "Scanned signature" },
  recorded: { ar: "وقّع في محضر الاجتماع", en: "Signed in the meeting's minutes" },
};
