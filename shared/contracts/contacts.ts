import { z } from "zod";
import { dateInputSchema } from "./beneficiaries.js";
import type { ResponsePeriodRule } from "../domain/response-period.js";
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

export const answerInquiryRequestSchema = z.strictObject({
  answer: z.string().trim().min(1).max(8000),
  /** The library document version the answer was taken from (H1, T1); its title and version go with the answer. */
  citedLibraryVersionId: z.string().uuid().optional(),
});
export type AnswerInquiryRequest = z.infer<typeof answerInquiryRequestSchema>;

/**
 * How long a liaison officer has to answer a routed inquiry (I1, S3): three working days from the day
 * it was received, on the association's working calendar. See ADR 0021.
 */
export const inquiryAnswerPeriod: ResponsePeriodRule = {
  value: 3,
  unit: "working_days",
  bound: "max",
  startsAt: "submission",
};

/** The library document an answer cites, as it stood: the version in force when the answer was given. */
export const citationSchema = z.object({
  documentId: z.string().uuid(),
  versionId: z.string().uuid(),
  titleAr: z.string(),
  versionLabel: z.string(),
  fileId: z.string().uuid(),
  fileName: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

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
  answeredBy: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  citation: citationSchema.nullable(),
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

// ——— The liaison officer's inbox and senior management's view of it (I1, H1, S3) ———

export const inquiryStatusSchema = z.enum(["open", "answered"]);
export const inboxQuerySchema = z.strictObject({
  status: inquiryStatusSchema.default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const inboxItemSchema = interactionViewSchema.extend({
  beneficiary: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  /** Working days since the day it was received, on the association's calendar; until answered, to today. */
  ageWorkingDays: z.number().int(),
  /** The last day of the answer period (`inquiryAnswerPeriod`), a Riyadh date. */
  dueDate: z.string(),
  /** Not answered by the end of its due date (or answered after it). */
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;
export const inboxResponseSchema = z.object({
  items: z.array(inboxItemSchema),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
});

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const liaisonLoadQuerySchema = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export const liaisonLoadRowSchema = z.object({
  liaison: z.object({ id: z.string().uuid(), fullName: z.string(), active: z.boolean() }),
  openCount: z.number().int(),
  overdueCount: z.number().int(),
  /** Answered between `from` and `to` (Riyadh dates, inclusive). */
  answeredCount: z.number().int(),
  answeredLateCount: z.number().int(),
  /** Mean working days from receipt to answer of those answered in the period; null when none was. */
  averageAnswerWorkingDays: z.number().nullable(),
  oldestOpenSince: z.string().datetime().nullable(),
});
export type LiaisonLoadRow = z.infer<typeof liaisonLoadRowSchema>;
export const liaisonLoadResponseSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  answerPeriodWorkingDays: z.number().int(),
  items: z.array(liaisonLoadRowSchema),
});

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
  /** The channel a contact, an inquiry or a letter came or went on; null for other events. */
  channel: contactChannelSchema.nullable(),
  /** Into the association (from the beneficiary) or out of it. */
  direction: directionSchema.nullable(),
  /** A registered letter's number in the register (رقم القيد). */
  referenceNumber: z.string().nullable(),
  /** A library document an answer cited. */
  citation: citationSchema.nullable(),
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
