import { z } from "zod";
import { notificationChannelSchema } from "./channels.js";
import type { StaffRole } from "./roles.js";

/** Who reads the notices sent to people, and who does the ones no machine carries (the server's policy and the pages). */
export const noticeReaderRoles: readonly StaffRole[] = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "followup_committee_member",
  "manager",
];
/** Calling, writing, retrying or choosing another channel: the front line and who follows complaints. */
export const noticeActorRoles: readonly StaffRole[] = [
  "officer",
  "branch_representative",
  "liaison_officer",
  "followup_committee_member",
  "manager",
];

/**
 * A notice's life (ADR 0020): queued for a machine, sent, delivered when the gateway reports it,
 * failed with a reason, a task for staff (`manual`) until someone marks it done, or superseded by
 * a newer notice of the same subject and purpose (a newer one-time code, another channel).
 */
export const noticeStatuses = [
  "queued",
  "sent",
  "delivered",
  "failed",
  "manual",
  "done",
  "superseded",
] as const;
export const noticeStatusSchema = z.enum(noticeStatuses);
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

/** Why a notice could not arrive: the web says it in the reader's language. */
export const noticeFailureReasons = [
  "no_transport",
  "no_recipient",
  "gateway_error",
  "gateway_reported",
] as const;
export const noticeFailureReasonSchema = z.enum(noticeFailureReasons);
export type NoticeFailureReason = z.infer<typeof noticeFailureReasonSchema>;

export const noticeSubjectTypes = ["support_request", "complaint", "beneficiary"] as const;

export const noticeViewSchema = z.object({
  id: z.string().uuid(),
  channel: notificationChannelSchema,
  recipient: z.string(),
  subject: z.string().nullable(),
  /** The whole message: a phone call or a letter says exactly this (the code, the decision). */
  body: z.string(),
  status: noticeStatusSchema,
  failureReason: noticeFailureReasonSchema.nullable(),
  /** The provider's own words when it refused (kept short), for the technical reader. */
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  purpose: z.string().nullable(),
  about: z.object({ type: z.string(), id: z.string().uuid(), reference: z.string().nullable() }).nullable(),
  beneficiary: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  createdAt: z.string().datetime(),
  sentAt: z.string().datetime().nullable(),
  deliveredAt: z.string().datetime().nullable(),
  handledAt: z.string().datetime().nullable(),
  handledBy: z.string().nullable(),
  /** Channels this notice may be switched to: those the person can be reached on and a machine or a person can carry. */
  switchTo: z.array(notificationChannelSchema),
  retryable: z.boolean(),
});
export type NoticeView = z.infer<typeof noticeViewSchema>;
export const noticeListResponseSchema = z.object({ items: z.array(noticeViewSchema) });

export const noticeListQuerySchema = z.strictObject({
  subjectType: z.enum(noticeSubjectTypes).optional(),
  subjectId: z.string().uuid().optional(),
  beneficiaryId: z.string().uuid().optional(),
  /** Only the open tasks for staff (phone calls and letters to make). */
  open: z.enum(["true"]).optional(),
});
export const noticeIdParamsSchema = z.strictObject({ noticeId: z.string().uuid() });
export const switchNoticeRequestSchema = z.strictObject({ channel: notificationChannelSchema });
export const markNoticeDoneRequestSchema = z.strictObject({
  note: z.string().trim().max(500).optional(),
});

/** What the SMS/WhatsApp gateway reports about a message it took: by our key or its own id. */
export const deliveryReportSchema = z
  .strictObject({
    idempotencyKey: z.string().uuid().optional(),
    id: z.string().min(1).max(200).optional(),
    status: z.enum(["delivered", "failed"]),
    reason: z.string().max(500).optional(),
  })
  .refine((r) => r.idempotencyKey || r.id, { message: "idempotencyKey or id is required" });
export const deliveryReportResponseSchema = z.object({ accepted: z.boolean() });
