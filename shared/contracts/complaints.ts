import { z } from "zod";
import { withheldSchema } from "./access.js";
import { contactChannelSchema } from "./channels.js";

export const complaintCategorySchema = z.enum([
  "service",
  "staff_conduct",
  "delay",
  "data_privacy",
  "technical_support",
  "other",
]);
export type ComplaintCategory = z.infer<typeof complaintCategorySchema>;

export const complaintStatusSchema = z.enum(["received", "assigned", "investigating", "closed"]);
export const complaintOutcomeSchema = z.enum([
  "resolved",
  "amicable_settlement",
  "rejected",
  "referred_to_compensation",
]);

const contactFields = {
  name: z.string().trim().min(2).max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  /** How the complainant wants to hear of each step. */
  notifyBy: z.enum(["sms", "email", "none"]).default("none"),
};

const complaintFields = {
  category: complaintCategorySchema,
  subject: z.string().trim().min(3).max(200),
  details: z.string().trim().min(10).max(5000),
};

/** The public page: no account; a proof of work solved by the browser instead of a third-party CAPTCHA. */
export const publicComplaintRequestSchema = z.strictObject({
  ...contactFields,
  ...complaintFields,
  anonymous: z.boolean().default(false),
  /** ALTCHA's payload: base64 of the challenge as received and the solution the browser found. */
  altcha: z.string().min(1).max(4000),
  /** A field people never see; a form filled by a robot fills it. */
  website: z.string().max(0).optional(),
});
export type PublicComplaintRequest = z.infer<typeof publicComplaintRequestSchema>;

export const staffComplaintRequestSchema = z.strictObject({
  ...contactFields,
  ...complaintFields,
  channel: contactChannelSchema,
  beneficiaryId: z.string().uuid().optional(),
  fileIds: z.array(z.string().uuid()).max(10).default([]),
});
export type StaffComplaintRequest = z.infer<typeof staffComplaintRequestSchema>;

/**
 * An ALTCHA challenge (altcha-lib v2): every signed parameter is declared, since the browser must
 * send back exactly what was signed.
 */
export const complaintChallengeSchema = z.object({
  parameters: z.object({
    algorithm: z.string(),
    nonce: z.string(),
    salt: z.string(),
    cost: z.number().int(),
    keyLength: z.number().int(),
    keyPrefix: z.string(),
    keySignature: z.string(),
    /** The association the challenge is for and its expiry (Unix seconds), under the signature. */
    data: z.object({ association: z.string(), expires: z.number().int() }),
  }),
  signature: z.string(),
});
export type ComplaintChallenge = z.infer<typeof complaintChallengeSchema>;

export const challengeResponseSchema = z.object({
  /** Whom the complaint goes to, so the person sees the association's name before writing. */
  association: z.object({ nameAr: z.string(), nameEn: z.string().nullable() }),
  challenge: complaintChallengeSchema,
});

export const complaintReceiptSchema = z.object({
  referenceNumber: z.string(),
  trackingToken: z.string(),
  trackingPath: z.string(),
  dueDate: z.string(),
});

/** What the tracking link shows: the status and its steps, nothing about anyone. */
export const complaintTrackingSchema = z.object({
  referenceNumber: z.string(),
  status: complaintStatusSchema,
  outcome: complaintOutcomeSchema.nullable(),
  receivedAt: z.string().datetime(),
  dueDate: z.string(),
  steps: z.array(z.object({ at: z.string().datetime(), kind: z.string() })),
});
export type ComplaintTracking = z.infer<typeof complaintTrackingSchema>;

export const complaintViewSchema = z.object({
  id: z.string().uuid(),
  referenceNumber: z.string(),
  source: z.enum(["public", "staff"]),
  channel: z.string(),
  anonymous: z.boolean(),
  /** Null, like `details`, when withheld from the reader (`withheld` names it). */
  complainant: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    })
    .nullable(),
  beneficiaryId: z.string().uuid().nullable(),
  category: complaintCategorySchema,
  subject: z.string(),
  details: z.string().nullable(),
  status: complaintStatusSchema,
  outcome: complaintOutcomeSchema.nullable(),
  outcomeNote: z.string().nullable(),
  settlementTerms: z.string().nullable(),
  complainantAcceptedAt: z.string().datetime().nullable(),
  assignedTo: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  receivedAt: z.string().datetime(),
  dueAt: z.string().datetime(),
  dueDate: z.string(),
  overdue: z.boolean(),
  escalatedAt: z.string().datetime().nullable(),
  closedAt: z.string().datetime().nullable(),
  events: z.array(
    z.object({
      at: z.string().datetime(),
      kind: z.string(),
      note: z.string().nullable(),
      actor: z.string().nullable(),
    }),
  ),
  attachments: z.array(z.object({ id: z.string().uuid(), name: z.string(), mediaType: z.string() })),
  withheld: withheldSchema,
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

export const complaintListQuerySchema = z.strictObject({
  status: z.enum(["open", "closed", "all"]).default("open"),
  assignedToMe: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const complaintListResponseSchema = z.object({ items: z.array(complaintViewSchema) });
export const complaintIdParamsSchema = z.strictObject({ complaintId: z.string().uuid() });
export const associationSlugParamsSchema = z.strictObject({ slug: z.string().min(2).max(63) });
export const trackingParamsSchema = z.strictObject({ token: z.string().min(20).max(100) });

export const assignComplaintRequestSchema = z.strictObject({ assigneeId: z.string().uuid() });
export const complaintNoteRequestSchema = z.strictObject({
  kind: z.enum(["note", "contact"]),
  note: z.string().trim().min(2).max(4000),
});
/** Senior management follows complaints and directs their handling (S3); not shown to the complainant. */
export const complaintDirectionRequestSchema = z.strictObject({ note: z.string().trim().min(2).max(4000) });
export const closeComplaintRequestSchema = z
  .strictObject({
    outcome: complaintOutcomeSchema,
    note: z.string().trim().min(3).max(4000),
    settlementTerms: z.string().trim().min(3).max(4000).optional(),
    complainantAccepted: z.boolean().optional(),
  })
  .refine(
    (v) => v.outcome !== "amicable_settlement" || (v.settlementTerms && v.complainantAccepted === true),
    {
      path: ["settlementTerms"],
      message: "an amicable settlement records its terms and the complainant's acceptance",
    },
  );

export const complaintsDashboardSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  escalated: z.number().int(),
  openInquiries: z.number().int(),
  ageing: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
  byCategory: z.array(
    z.object({ category: complaintCategorySchema, open: z.number().int(), total: z.number().int() }),
  ),
  byMonth: z.array(z.object({ month: z.string(), received: z.number().int(), closed: z.number().int() })),
});

// ——— Compensation (K1, K2) ———

export const compensationStatusSchema = z.enum([
  "open",
  "negotiating",
  "settled",
  "approved",
  "paid",
  "refused",
]);

export const openClaimRequestSchema = z.strictObject({
  complaintId: z.string().uuid().optional(),
  beneficiaryId: z.string().uuid().optional(),
  claimantName: z.string().trim().min(2).max(200),
  description: z.string().trim().min(5).max(4000),
});

export const recordProofRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("investigation_minutes"),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    harm: z.string().trim().min(3).max(4000),
    harmSize: z.string().trim().min(1).max(500),
    causes: z.string().trim().min(3).max(4000),
    approvedBy: z.array(z.string().uuid()).min(1).max(20),
  }),
  z.strictObject({
    kind: z.literal("judicial_ruling"),
    number: z.string().trim().min(1).max(100),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    authority: z.string().trim().min(2).max(300),
    fileId: z.string().uuid(),
  }),
]);

export const negotiationRoundRequestSchema = z.strictObject({
  offerAmount: z.number().int().min(0),
  response: z.enum(["accepted", "rejected", "counter"]),
  counterAmount: z.number().int().min(0).optional(),
  note: z.string().trim().max(2000).optional(),
});

export const settlementRequestSchema = z.strictObject({
  terms: z.string().trim().min(5).max(4000),
  amount: z.number().int().min(1),
});
export const approveClaimRequestSchema = z.strictObject({ amount: z.number().int().min(1) });
export const paymentRequestSchema = z.strictObject({
  amount: z.number().int().min(1),
  reference: z.string().trim().min(1).max(100),
});

export const claimViewSchema = z.object({
  id: z.string().uuid(),
  complaintId: z.string().uuid().nullable(),
  beneficiaryId: z.string().uuid().nullable(),
  claimantName: z.string(),
  /** Null, like `proof`, when the harm is withheld from the reader. */
  description: z.string().nullable(),
  status: compensationStatusSchema,
  proof: z
    .discriminatedUnion("kind", [
      z.object({
        kind: z.literal("investigation_minutes"),
        date: z.string(),
        harm: z.string(),
        harmSize: z.string(),
        causes: z.string(),
        approvedBy: z.array(z.string().uuid()),
      }),
      z.object({
        kind: z.literal("judicial_ruling"),
        number: z.string(),
        date: z.string(),
        authority: z.string(),
        fileId: z.string().uuid().nullable(),
      }),
    ])
    .nullable(),
  settlementTerms: z.string().nullable(),
  settledAmount: z.number().int().nullable(),
  approvedAmount: z.number().int().nullable(),
  paidAmount: z.number().int(),
  events: z.array(
    z.object({
      kind: z.string(),
      at: z.string().datetime(),
      amount: z.number().int().nullable(),
      response: z.string().nullable(),
      note: z.string().nullable(),
      reference: z.string().nullable(),
    }),
  ),
  createdAt: z.string().datetime(),
  withheld: withheldSchema,
});
export type ClaimView = z.infer<typeof claimViewSchema>;
export const claimIdParamsSchema = z.strictObject({ claimId: z.string().uuid() });
export const claimListResponseSchema = z.object({ items: z.array(claimViewSchema) });
