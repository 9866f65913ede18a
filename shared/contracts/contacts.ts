import { z } from "zod";
import { dateInputSchema } from "./beneficiaries.js";
import { contactChannelSchema } from "./channels.js";

export const interactionKindSchema = z.enum(["contact", "inquiry"]);
export const directionSchema = z.enum(["inbound", "outbound"]);

export const recordInteractionRequestSchema = z
  .strictObject({
    beneficiaryId: z.string().uuid().optional(),
    kind: interactionKindSchema,
    channel: contactChannelSchema,
    direction: directionSchema,
    occurredAt: z.string().datetime({ offset: true }).optional(),
    subject: z.string().trim().min(2).max(300),
    summary: z.string().trim().max(8000).optional(),
    /** An inquiry answered on the spot (H1): the answer is recorded with it. */
    answer: z.string().trim().min(1).max(8000).optional(),
    supportRequestId: z.string().uuid().optional(),
    complaintId: z.string().uuid().optional(),
    /** Files uploaded first through POST /api/files. */
    fileIds: z.array(z.string().uuid()).max(20).default([]),
  })
  .refine((v) => v.kind === "inquiry" || v.answer === undefined, {
    path: ["answer"],
    message: "only an inquiry has an answer",
  });
export type RecordInteractionRequest = z.infer<typeof recordInteractionRequestSchema>;

export const answerInquiryRequestSchema = z.strictObject({ answer: z.string().trim().min(1).max(8000) });

export const interactionViewSchema = z.object({
  id: z.string().uuid(),
  beneficiaryId: z.string().uuid().nullable(),
  kind: interactionKindSchema,
  channel: contactChannelSchema,
  direction: directionSchema,
  occurredAt: z.string().datetime(),
  staff: z.object({ id: z.string().uuid(), fullName: z.string() }),
  subject: z.string(),
  summary: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().datetime().nullable(),
  routedTo: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  supportRequestId: z.string().uuid().nullable(),
  complaintId: z.string().uuid().nullable(),
  attachments: z.array(z.object({ id: z.string().uuid(), name: z.string(), mediaType: z.string() })),
});
export type InteractionView = z.infer<typeof interactionViewSchema>;

export const interactionListQuerySchema = z.strictObject({
  beneficiaryId: z.string().uuid().optional(),
  openInquiries: z.enum(["true", "false"]).optional(),
  routedToMe: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const interactionListResponseSchema = z.object({ items: z.array(interactionViewSchema) });
export const interactionIdParamsSchema = z.strictObject({ interactionId: z.string().uuid() });

export const liaisonRouteSchema = z.strictObject({
  categoryCode: z.string().trim().min(1).optional(),
  field: z.string().trim().min(1).max(120).optional(),
  liaisonUserId: z.string().uuid(),
});
export const setLiaisonRoutesRequestSchema = z.strictObject({ routes: z.array(liaisonRouteSchema).max(200) });
export const liaisonRouteViewSchema = z.object({
  id: z.string().uuid(),
  categoryCode: z.string().nullable(),
  field: z.string().nullable(),
  liaison: z.object({ id: z.string().uuid(), fullName: z.string() }),
});
export const liaisonRouteListResponseSchema = z.object({ items: z.array(liaisonRouteViewSchema) });

export const timelineItemSchema = z.object({
  at: z.string().datetime(),
  kind: z.string(),
  title: z.object({ ar: z.string(), en: z.string() }),
  detail: z.string().nullable(),
  actor: z.string().nullable(),
  ref: z.object({ type: z.string(), id: z.string() }).nullable(),
});
export const timelineResponseSchema = z.object({ items: z.array(timelineItemSchema) });
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const correspondenceDirectionSchema = z.enum(["incoming", "outgoing"]);
export const correspondenceMediumSchema = z.enum(["letter", "fax", "email"]);

export const registerCorrespondenceRequestSchema = z.strictObject({
  direction: correspondenceDirectionSchema,
  medium: correspondenceMediumSchema,
  counterpart: z.string().trim().min(2).max(300),
  subject: z.string().trim().min(2).max(500),
  externalReference: z.string().trim().max(100).optional(),
  /** Typed in either calendar (ADR 0018); stored as the ISO Gregorian day. */
  datedOn: dateInputSchema.optional(),
  beneficiaryId: z.string().uuid().optional(),
  fileId: z.string().uuid().optional(),
});

export const correspondenceViewSchema = z.object({
  id: z.string().uuid(),
  direction: correspondenceDirectionSchema,
  medium: correspondenceMediumSchema,
  referenceNumber: z.string(),
  externalReference: z.string().nullable(),
  counterpart: z.string(),
  subject: z.string(),
  datedOn: z.string().nullable(),
  registeredAt: z.string().datetime(),
  beneficiaryId: z.string().uuid().nullable(),
  file: z.object({ id: z.string().uuid(), name: z.string(), mediaType: z.string() }).nullable(),
  recordedBy: z.object({ id: z.string().uuid(), fullName: z.string() }),
});
export type CorrespondenceView = z.infer<typeof correspondenceViewSchema>;

export const correspondenceListQuerySchema = z.strictObject({
  beneficiaryId: z.string().uuid().optional(),
  direction: correspondenceDirectionSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const correspondenceListResponseSchema = z.object({ items: z.array(correspondenceViewSchema) });
