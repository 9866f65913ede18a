import { z } from "zod";
import { sensitiveFieldSchema } from "./access.js";
import { exportedListSchema, exportFormatSchema } from "./exports.js";
import { staffRoleSchema } from "./roles.js";

/**
 * The audit catalogue (CONVENTIONS §4): every event type with its typed payload. A payload never
 * carries personal data beyond ids; the actor and the subject are referenced, not copied.
 */
export const auditEventPayloads = {
  "auth.signed_in": z.object({}),
  "auth.sign_in_failed": z.object({ reason: z.enum(["bad_password", "locked", "unknown_user"]) }),
  "auth.account_locked": z.object({ until: z.string() }),
  "auth.signed_out": z.object({}),
  "auth.second_factor_enrolled": z.object({ recoveryCodes: z.number().int() }),
  "auth.second_factor_failed": z.object({ during: z.enum(["sign_in", "enrolment"]) }),
  "auth.recovery_code_used": z.object({ remaining: z.number().int() }),
  "auth.second_factor_reset": z.object({}),
  "user.created": z.object({ roles: z.array(staffRoleSchema) }),
  "user.roles_changed": z.object({
    roles: z.array(staffRoleSchema),
    previous: z.array(staffRoleSchema).optional(),
    sessionsEnded: z.number().int().optional(),
  }),
  "user.locale_changed": z.object({ locale: z.enum(["ar", "en"]) }),
  "user.deactivated": z.object({ sessionsEnded: z.number().int() }),
  "user.reactivated": z.object({}),
  // Never the password itself: only whether the administrator typed it or the system generated it.
  "user.password_reset": z.object({ generated: z.boolean(), sessionsEnded: z.number().int() }),
  "user.password_changed": z.object({ sessionsEnded: z.number().int() }),
  "user.unlocked": z.object({}),
  "user.sessions_ended": z.object({ sessionsEnded: z.number().int() }),
  "association.created": z.object({ slug: z.string() }),
  // The platform operator's acts (ADR 0024), recorded in the platform's own log and the association's.
  "association.opened_by_operator": z.object({ slug: z.string() }),
  "association.suspended": z.object({ slug: z.string(), sessionsEnded: z.number().int() }),
  "association.reactivated": z.object({ slug: z.string() }),
  /** The administrator confirmed what the approved policy's referral and committee wording means. */
  "policy_wording.confirmed": z.object({ referralRole: z.string().nullable(), committees: z.number().int() }),
  "beneficiary.viewed": z.object({ sensitive: z.boolean() }),
  /** A record read with sensitive fields in the answer (shared/contracts/access.ts): which ones. */
  "sensitive.read": z.object({ fields: z.array(sensitiveFieldSchema) }),
  "beneficiary.searched": z.object({ matchedBy: z.string(), results: z.number().int() }),
  "beneficiary.registered": z.object({
    fileNumber: z.number().int(),
    duplicatesOverridden: z.number().int(),
    /** The PDPL lawful basis the file was registered under (ADR 0022). */
    lawfulBasis: z.string().optional(),
  }),
  "beneficiary.updated": z.object({ fields: z.array(z.string()) }),
  "beneficiary.merged": z.object({
    duplicateId: z.string().uuid(),
    duplicateFileNumber: z.number().int(),
    /** Rows each table moved to the kept record (absent on merges made before it was recorded). */
    moved: z.record(z.string(), z.number().int()).optional(),
    /** Consents of the kept record withdrawn because the other record's withdrawal was later (ADR 0022). */
    consentsWithdrawn: z.number().int().optional(),
  }),
  "beneficiary.consent_recorded": z.object({
    consentId: z.string().uuid(),
    purpose: z.string(),
    noticeVersion: z.string(),
  }),
  "beneficiary.consent_withdrawn": z.object({
    consentId: z.string().uuid(),
    /** Every live consent to the same purpose is withdrawn with it (ADR 0022). */
    alsoWithdrawn: z.number().int().optional(),
  }),
  "beneficiary.category_created": z.object({ code: z.string() }),
  "beneficiary.category_aliases_changed": z.object({ code: z.string(), aliases: z.array(z.string()) }),
  "beneficiaries.imported": z.object({
    imported: z.number().int(),
    rejected: z.number().int(),
    duplicates: z.number().int().optional(),
  }),
  /** A list saved as a file: which list, the filters that chose its rows (never free text typed), how many. */
  "list.exported": z.object({
    list: exportedListSchema,
    format: exportFormatSchema,
    rows: z.number().int(),
    filters: z.record(z.string(), z.string()),
  }),
  "interaction.recorded": z.object({
    kind: z.string(),
    channel: z.string(),
    routedTo: z.string().uuid().nullable(),
  }),
  "interaction.answered": z.object({
    /** The liaison officer it was routed to, and the library document version the answer cites. */
    routedTo: z.string().uuid().nullable().optional(),
    citedLibraryVersionId: z.string().uuid().nullable().optional(),
  }),
  "file.uploaded": z.object({ mediaType: z.string(), size: z.number().int() }),
  "file.downloaded": z.object({}),
  "correspondence.registered": z.object({
    referenceNumber: z.string(),
    direction: z.string(),
    medium: z.string(),
  }),
  "notification.queued": z.object({
    channel: z.string(),
    status: z.string(),
    eventKey: z.string(),
    notificationId: z.string().optional(),
    reason: z.string().optional(),
  }),
  "notification.sent": z.object({ channel: z.string(), notificationId: z.string().optional() }),
  "notification.delivered": z.object({ channel: z.string(), notificationId: z.string() }),
  "notification.failed": z.object({ channel: z.string(), notificationId: z.string(), reason: z.string() }),
  "notification.retried": z.object({ channel: z.string(), notificationId: z.string() }),
  "notification.switched": z.object({
    from: z.string(),
    to: z.string(),
    notificationId: z.string(),
    newNotificationId: z.string(),
  }),
  "notification.done_by_hand": z.object({ channel: z.string(), notificationId: z.string() }),
  "complaint.received": z.object({ referenceNumber: z.string(), channel: z.string(), category: z.string() }),
  "complaint.assigned": z.object({ assigneeId: z.string().uuid() }),
  "complaint.noted": z.object({ kind: z.string() }),
  "complaint.directed": z.object({}),
  "complaint.closed": z.object({ outcome: z.string(), inTime: z.boolean() }),
  "complaint.deadline_warning": z.object({ referenceNumber: z.string() }),
  "complaint.escalated": z.object({ referenceNumber: z.string() }),
  "compensation.opened": z.object({ complaintId: z.string().uuid().nullable() }),
  "compensation.proof_recorded": z.object({ kind: z.string() }),
  "compensation.round_recorded": z.object({ offerAmount: z.number().int(), response: z.string() }),
  "compensation.settled": z.object({ amount: z.number().int() }),
  "compensation.approved": z.object({ amount: z.number().int() }),
  "compensation.paid": z.object({ amount: z.number().int(), paidTotal: z.number().int() }),
  "calendar.day_set": z.object({ date: z.string(), kind: z.string() }),
  "calendar.day_cleared": z.object({ date: z.string() }),
  // Field oversight (S2): what was recorded, never the findings' words.
  "field_checklist.saved": z.object({ version: z.number().int(), items: z.number().int() }),
  "field_visit.recorded": z.object({
    kind: z.string(),
    visitedOn: z.string(),
    checklistVersion: z.number().int().nullable(),
    photos: z.number().int(),
    actions: z.array(z.object({ id: z.string().uuid(), ownerId: z.string().uuid(), dueDate: z.string() })),
  }),
  "field_action.added": z.object({
    actionId: z.string().uuid(),
    ownerId: z.string().uuid(),
    dueDate: z.string(),
  }),
  "field_action.done": z.object({
    actionId: z.string().uuid(),
    ownerId: z.string().uuid(),
    dueDate: z.string(),
    late: z.boolean(),
  }),
  // Satisfaction surveys (S1; ADR 0027): never an answer, which would time it; follow-ups only by permission.
  "survey.saved": z.object({
    version: z.number().int(),
    questions: z.number().int(),
    newVersion: z.boolean(),
  }),
  "survey.status_changed": z.object({ from: z.string(), to: z.string() }),
  "survey_settings.updated": z.object({
    postServiceSurveyId: z.string().uuid().nullable(),
    triggers: z.array(z.string()),
  }),
  "survey_campaign.created": z.object({
    campaignId: z.string().uuid(),
    audienceSize: z.number().int(),
    invited: z.number().int(),
  }),
  "survey.preference_changed": z.object({ optedOut: z.boolean(), by: z.enum(["staff", "respondent"]) }),
  "survey_follow_up.created": z.object({
    followUpId: z.string().uuid(),
    surveyId: z.string().uuid(),
    lowScore: z.boolean(),
    text: z.boolean(),
  }),
  "survey_follow_up.complaint_made": z.object({
    followUpId: z.string().uuid(),
    complaintId: z.string().uuid(),
  }),
  "survey_follow_up.task_assigned": z.object({
    followUpId: z.string().uuid(),
    ownerId: z.string().uuid(),
    dueDate: z.string(),
  }),
  "survey_follow_up.task_done": z.object({ followUpId: z.string().uuid(), late: z.boolean() }),
  "survey_follow_up.closed": z.object({ followUpId: z.string().uuid(), from: z.string() }),
  "liaison.route_set": z.object({ categoryId: z.string().uuid().nullable(), field: z.string().nullable() }),
  "service.created": z.object({ code: z.string(), requirements: z.number().int() }),
  // What changed in words (a service holds no personal data): told to the people with open requests (I3).
  "service.updated": z.object({
    fields: z.array(z.string()),
    changes: z
      .array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
      .optional(),
  }),
  "request_settings.updated": z.object({ fields: z.array(z.string()) }),
  "support_request.opened": z.object({
    requestId: z.string().uuid(),
    referenceNumber: z.string(),
    serviceId: z.string().uuid(),
    channel: z.string(),
  }),
  "support_request.data_updated": z.object({ requestId: z.string().uuid(), fields: z.array(z.string()) }),
  "support_request.document_attached": z.object({
    requestId: z.string().uuid(),
    requirementCode: z.string(),
    fileId: z.string().uuid(),
  }),
  "support_request.completed": z.object({
    requestId: z.string().uuid(),
    dueDate: z.string().nullable(),
    /** The date the beneficiary had been told before, when completing again moved it (I3). */
    previousDueDate: z.string().optional(),
  }),
  "support_request.became_incomplete": z.object({ requestId: z.string().uuid() }),
  "support_request.referred": z.object({
    requestId: z.string().uuid(),
    referralId: z.string().uuid(),
    role: z.string(),
    ownerUserId: z.string().uuid(),
  }),
  "support_request.study_recorded": z.object({
    requestId: z.string().uuid(),
    referralId: z.string().uuid(),
    kind: z.string(),
  }),
  "support_request.referral_closed": z.object({
    requestId: z.string().uuid(),
    referralId: z.string().uuid(),
  }),
  "support_request.declaration_started": z.object({
    requestId: z.string().uuid(),
    declarationId: z.string().uuid(),
    method: z.string(),
  }),
  "support_request.declared": z.object({
    requestId: z.string().uuid(),
    declarationId: z.string().uuid(),
    method: z.string(),
    fingerprint: z.string(),
  }),
  "support_request.declaration_lapsed": z.object({
    requestId: z.string().uuid(),
    declarationId: z.string().uuid(),
    /** The requirements (by code) whose value or document changed since the beneficiary signed. */
    changed: z.array(z.string()),
  }),
  "support_request.declaration_failed": z.object({
    requestId: z.string().uuid(),
    declarationId: z.string().uuid(),
    reason: z.enum(["wrong_code", "expired", "too_many_tries"]),
  }),
  "support_request.scheduled": z.object({ requestId: z.string().uuid(), meetingId: z.string().uuid() }),
  "support_request.vote_recorded": z.object({
    requestId: z.string().uuid(),
    meetingId: z.string().uuid(),
    vote: z.string(),
  }),
  "support_request.accepted": z.object({
    requestId: z.string().uuid(),
    meetingId: z.string().uuid(),
    approvedAmount: z.number().int(),
  }),
  "support_request.rejected": z.object({ requestId: z.string().uuid(), meetingId: z.string().uuid() }),
  "support_request.returned": z.object({ requestId: z.string().uuid(), meetingId: z.string().uuid() }),
  "support_request.delivery_recorded": z.object({
    requestId: z.string().uuid(),
    deliveryId: z.string().uuid(),
    kind: z.string(),
    amount: z.number().int(),
  }),
  "support_request.closed": z.object({ requestId: z.string().uuid() }),
  "support_request.cancelled": z.object({ requestId: z.string().uuid(), reason: z.string().optional() }),
  "support_request.deadline_warning": z.object({ requestId: z.string().uuid(), dueDate: z.string() }),
  "support_request.deadline_breached": z.object({ requestId: z.string().uuid(), dueDate: z.string() }),
  "committee.created": z.object({ quorum: z.number().int(), members: z.number().int() }),
  "committee.meeting_created": z.object({ committeeId: z.string().uuid(), items: z.number().int() }),
  "committee.attendance_recorded": z.object({
    meetingId: z.string().uuid(),
    present: z.number().int(),
    absent: z.number().int(),
  }),
  "committee.minutes_generated": z.object({ meetingId: z.string().uuid() }),
  "committee.minutes_approved": z.object({ meetingId: z.string().uuid(), allApproved: z.boolean() }),
  "committee.conflict_declared": z.object({ beneficiaryId: z.string().uuid() }),
  "policy.draft_created": z.object({ source: z.enum(["manual", "import"]) }),
  "policy.draft_updated": z.object({ fields: z.array(z.string()) }),
  "policy.approved": z.object({
    versionNumber: z.number().int(),
    meetingNumber: z.string(),
    hijriDate: z.string(),
    supersededId: z.string().uuid().nullable(),
  }),
  "policy.acknowledged": z.object({
    versionId: z.string().uuid(),
    versionNumber: z.number().int().nullable(),
  }),
  "library.document_added": z.object({ kind: z.string(), fileId: z.string().uuid() }),
  "library.version_added": z.object({ fileId: z.string().uuid(), versionLabel: z.string() }),
} as const;

export type AuditEventType = keyof typeof auditEventPayloads;
export const auditEventTypes = Object.keys(auditEventPayloads) as [AuditEventType, ...AuditEventType[]];
export const auditEventTypeSchema = z.enum(auditEventTypes);
export type AuditPayload<T extends AuditEventType> = z.infer<(typeof auditEventPayloads)[T]>;

export const auditEventViewSchema = z.object({
  id: z.string(),
  type: auditEventTypeSchema,
  occurredAt: z.string().datetime(),
  actor: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /**
   * The record the event is about, as a reader knows it (a name, a reference, a version number),
   * named by the module that owns it: the support request the event names, else the subject.
   */
  about: z.object({ type: z.string(), label: z.string() }).nullable(),
  payload: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventViewSchema>;

export const auditListQuerySchema = z.strictObject({
  type: auditEventTypeSchema.optional(),
  // An event number is a PostgreSQL bigint: anything larger is not a cursor this API handed out.
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((value) => !/^\d{1,19}$/.test(value) || BigInt(value) <= 9_223_372_036_854_775_807n)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const auditListResponseSchema = z.object({
  items: z.array(auditEventViewSchema),
  nextBefore: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
