import { z } from "zod";
import { responsePeriodRuleSchema } from "../domain/response-period.js";
import { requestDocumentKindSchema, withheldSchema } from "./access.js";
import { dateInputSchema } from "./beneficiaries.js";
import { contactChannelSchema } from "./channels.js";
import { localizedTextSchema } from "./errors.js";
import { associationRoleSchema, staffRoleSchema } from "./roles.js";
import { requirementSchema, serviceKindSchema } from "./services.js";

/** A support request's states (طلب دعم); the allowed moves live in server/modules/requests/requests.machine.ts. */
export const requestStates = [
  "draft",
  "incomplete",
  "complete",
  "referred",
  "declared",
  "in_committee",
  "accepted",
  "rejected",
  "delivering",
  "closed",
  "cancelled",
] as const;
export const requestStateSchema = z.enum(requestStates);
export type RequestState = z.infer<typeof requestStateSchema>;

const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);
/** Halalas, as integers: 1 riyal = 100. */
// Stored as a PostgreSQL integer: up to about 21 million riyals per request.
const halalas = z.number().int().min(0).max(2_000_000_000);

export const requestIdParamsSchema = z.strictObject({ requestId: uuid });
export const referralIdParamsSchema = z.strictObject({ referralId: uuid });
export const committeeIdParamsSchema = z.strictObject({ committeeId: uuid });
export const meetingIdParamsSchema = z.strictObject({ meetingId: uuid });
export const agendaItemParamsSchema = z.strictObject({ meetingId: uuid, requestId: uuid });

const fieldValueSchema = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const openRequestSchema = z.strictObject({
  beneficiaryId: uuid,
  serviceId: uuid,
  channel: contactChannelSchema,
  data: z.record(z.string(), fieldValueSchema).default({}),
});
export type OpenRequest = z.infer<typeof openRequestSchema>;

export const updateRequestDataSchema = z.strictObject({
  data: z.record(z.string(), fieldValueSchema.nullable()),
});

export const attachDocumentSchema = z.strictObject({
  requirementCode: z.string().min(1).max(60),
  fileId: uuid,
  issuedOn: dateInputSchema.optional(),
  expiresOn: dateInputSchema.optional(),
});

export const referRequestSchema = z.strictObject({
  ownerUserId: uuid,
  reason: text(2000),
  dueDate: dateInputSchema.optional(),
});

export const recordStudySchema = z.strictObject({
  kind: z.enum(["social_study", "home_visit"]),
  on: dateInputSchema,
  findings: text(8000),
  recommendation: text(4000),
});

export const closeReferralSchema = z.strictObject({ outcome: text(4000) });

export const declarationMethodSchema = z.enum(["on_screen", "otp", "scanned"]);
export const startDeclarationSchema = z.strictObject({
  method: declarationMethodSchema,
  /** The signature image (on screen) or the scanned signed form. */
  fileId: uuid.optional(),
});
export const verifyDeclarationSchema = z.strictObject({ code: z.string().regex(/^\d{6}$/) });

export const cancelRequestSchema = z.strictObject({ reason: text(2000) });

export const deliveryItemSchema = z.strictObject({
  name: text(200),
  quantity: z.number().int().min(1).max(100_000),
  unitValue: halalas.default(0),
});
export const recordDeliverySchema = z.strictObject({
  kind: z.enum(["cash", "in_kind", "session"]),
  amount: halalas.optional(),
  items: z.array(deliveryItemSchema).max(50).default([]),
  deliveredOn: dateInputSchema.optional(),
  note: z.string().trim().max(2000).optional(),
});

export const requestListQuerySchema = z.strictObject({
  beneficiaryId: uuid.optional(),
  state: requestStateSchema.optional(),
  mine: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const dueSchema = z.object({
  dueDate: isoDate,
  dueHijri: z.string(),
  dueHijriText: z.string(),
  dueAt: z.string().datetime(),
  workingDaysLeft: z.number().int(),
  status: z.enum(["on_track", "warning", "breached", "met", "missed"]),
});
export type Due = z.infer<typeof dueSchema>;

export const requestSummarySchema = z.object({
  id: uuid,
  referenceNumber: z.string(),
  state: requestStateSchema,
  beneficiary: z.object({ id: uuid, fullName: z.string(), fileNumber: z.number().int() }),
  service: z.object({ id: uuid, code: z.string(), nameAr: z.string(), kind: serviceKindSchema }),
  channel: contactChannelSchema,
  openedAt: z.string().datetime(),
  openedBy: z.object({ id: uuid, fullName: z.string() }),
  completedAt: z.string().datetime().nullable(),
  decidedAt: z.string().datetime().nullable(),
  due: dueSchema.nullable(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export const requirementStatusSchema = z.object({
  code: z.string(),
  kind: z.enum(["field", "document"]),
  label: localizedTextSchema,
  required: z.boolean(),
  status: z.enum(["present", "missing", "expired", "too_old", "date_missing"]),
  message: localizedTextSchema.nullable(),
});

export const requestViewSchema = requestSummarySchema.extend({
  data: z.record(z.string(), fieldValueSchema),
  requirements: z.array(requirementSchema),
  completeness: z.object({ complete: z.boolean(), items: z.array(requirementStatusSchema) }),
  documents: z.array(
    z.object({
      id: uuid,
      requirementCode: z.string(),
      /** `kind` is what the requirement declares; the web offers the file to the roles that may open it. */
      file: z.object({ id: uuid, name: z.string(), mediaType: z.string(), kind: requestDocumentKindSchema }),
      issuedOn: isoDate.nullable(),
      expiresOn: isoDate.nullable(),
      attachedAt: z.string().datetime(),
    }),
  ),
  referrals: z.array(
    z.object({
      id: uuid,
      role: staffRoleSchema,
      owner: z.object({ id: uuid, fullName: z.string() }),
      reason: z.string(),
      dueDate: isoDate,
      study: z
        .object({
          kind: z.enum(["social_study", "home_visit"]),
          on: isoDate,
          /** Null when withheld from the reader (`withheld` then names `request.social_study`). */
          findings: z.string().nullable(),
          recommendation: z.string().nullable(),
        })
        .nullable(),
      outcome: z.string().nullable(),
      closedAt: z.string().datetime().nullable(),
    }),
  ),
  declaration: z
    .object({
      id: uuid,
      method: declarationMethodSchema,
      status: z.enum(["pending", "signed", "failed"]),
      signedAt: z.string().datetime().nullable(),
      /** Whether the declaration still covers the request's current data and documents (H5). */
      covering: z.boolean(),
      /** When it no longer covers them: the requirements (by code) changed since it was signed. */
      changed: z.array(z.string()),
    })
    .nullable(),
  /** Why and when the request was cancelled; null unless it was. */
  cancellation: z.object({ reason: z.string(), at: z.string().datetime() }).nullable(),
  decision: z
    .object({
      outcome: z.enum(["accept", "reject", "return"]),
      reasons: z.string(),
      approvedAmount: z.number().int().nullable(),
      decidedAt: z.string().datetime(),
    })
    .nullable(),
  deliveredAmount: z.number().int(),
  deliveries: z.array(
    z.object({
      id: uuid,
      kind: z.enum(["cash", "in_kind", "session"]),
      amount: z.number().int(),
      items: z.array(z.object({ name: z.string(), quantity: z.number().int(), unitValue: z.number().int() })),
      deliveredOn: isoDate,
      note: z.string().nullable(),
      recordedAt: z.string().datetime(),
    }),
  ),
  withheld: withheldSchema,
});
export type RequestView = z.infer<typeof requestViewSchema>;

export const requestListResponseSchema = z.object({ items: z.array(requestSummarySchema) });

export const declarationStartedSchema = z.object({
  request: requestViewSchema,
  /** For a one-time code: where it was sent, masked. */
  sentTo: z.object({ channel: z.string(), status: z.string() }).nullable(),
});

// ——— Settings ———

export const requestSettingsSchema = z.object({
  responsePeriod: responsePeriodRuleSchema,
  /** Where the period in force comes from: the approved policy wins over the settings (P1). */
  responsePeriodSource: z.enum(["policy", "settings", "default"]),
  referralRole: staffRoleSchema,
  /** `policy`: the administrator confirmed what the approved policy's referral wording means. */
  referralRoleSource: z.enum(["policy", "settings", "default"]),
  /** Who holds the referral role now: whom an officer can refer a request to, by name. */
  referralStaff: z.array(z.object({ id: uuid, fullName: z.string() })),
});
export const updateRequestSettingsSchema = z.strictObject({
  responsePeriod: responsePeriodRuleSchema.optional(),
  referralRole: associationRoleSchema.optional(),
});

// ——— The policy's wording, mapped (ADR 0024) ———

/** What the approved policy's referral and committee wording means here: suggested, then confirmed. */
export const policyWordingMappingSchema = z.object({
  policyVersion: z.object({ id: uuid, versionNumber: z.number().int().nullable() }).nullable(),
  referral: z
    .object({
      wording: z.string(),
      suggestedRole: associationRoleSchema.nullable(),
      role: associationRoleSchema.nullable(),
      confirmed: z.boolean(),
    })
    .nullable(),
  committees: z.array(
    z.object({
      wording: z.string(),
      suggestedCommitteeId: uuid.nullable(),
      committeeId: uuid.nullable(),
      confirmed: z.boolean(),
    }),
  ),
  committeesAvailable: z.array(z.object({ id: uuid, nameAr: z.string() })),
  confirmedAt: z.string().datetime().nullable(),
});
export type PolicyWordingMapping = z.infer<typeof policyWordingMappingSchema>;

export const confirmPolicyWordingSchema = z.strictObject({
  referralRole: associationRoleSchema.optional(),
  /** Each wording the policy's committees text names, and the committee it means (none: no committee). */
  committees: z
    .array(z.strictObject({ wording: text(200), committeeId: uuid.nullable() }))
    .max(20)
    .default([]),
});

// ——— Committees (H6) ———

export const createCommitteeSchema = z.strictObject({
  nameAr: text(200),
  nameEn: z.string().trim().max(200).optional(),
  quorum: z.number().int().min(1).max(50),
  memberIds: z.array(uuid).min(1).max(50),
});

export const committeeViewSchema = z.object({
  id: uuid,
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  quorum: z.number().int(),
  members: z.array(z.object({ id: uuid, fullName: z.string() })),
});
export const committeeListResponseSchema = z.object({ items: z.array(committeeViewSchema) });

export const createMeetingSchema = z.strictObject({
  committeeId: uuid,
  heldOn: dateInputSchema,
  requestIds: z.array(uuid).min(1).max(100),
});

export const voteSchema = z.strictObject({
  vote: z.enum(["accept", "reject", "return"]),
  note: z.string().trim().max(2000).optional(),
});

export const decideSchema = z.strictObject({
  outcome: z.enum(["accept", "reject", "return"]),
  reasons: text(4000),
  approvedAmount: halalas.optional(),
});

export const declareConflictSchema = z.strictObject({ beneficiaryId: uuid, reason: text(1000) });
export const conflictViewSchema = z.object({
  id: uuid,
  beneficiaryId: uuid,
  declaredAt: z.string().datetime(),
});

const memberSchema = z.object({ id: uuid, fullName: z.string() });

/** Who attended: each committee member present, absent, or not yet recorded (null). */
export const recordAttendanceSchema = z.strictObject({
  presentMemberIds: z.array(uuid).max(50),
});

export const meetingListResponseSchema = z.object({
  items: z.array(
    z.object({
      id: uuid,
      committee: z.object({ id: uuid, nameAr: z.string() }),
      heldOn: isoDate,
      heldOnHijri: z.string(),
      requests: z.number().int(),
      decided: z.number().int(),
      status: z.enum(["open", "decided", "minutes_drafted", "minutes_approved"]),
    }),
  ),
});
export type MeetingList = z.infer<typeof meetingListResponseSchema>;

export const meetingViewSchema = z.object({
  id: uuid,
  committee: z.object({
    id: uuid,
    nameAr: z.string(),
    quorum: z.number().int(),
    members: z.array(memberSchema),
  }),
  heldOn: isoDate,
  heldOnHijri: z.string(),
  attendance: z.array(z.object({ member: memberSchema, present: z.boolean().nullable() })),
  items: z.array(
    z.object({
      request: requestSummarySchema,
      /**
       * Members who take no part in this request: they declared a conflict of interest with the
       * beneficiary, or opened the request themselves. `reason` is null when withheld.
       */
      recusals: z.array(
        z.object({
          member: memberSchema,
          kind: z.enum(["conflict_declared", "opened_request"]),
          reason: z.string().nullable(),
        }),
      ),
      /** Null when the committee's deliberation is withheld from the reader. */
      votes: z
        .array(
          z.object({
            member: z.object({ id: uuid, fullName: z.string() }),
            vote: z.enum(["accept", "reject", "return"]),
            note: z.string().nullable(),
          }),
        )
        .nullable(),
      decision: z.enum(["accept", "reject", "return"]).nullable(),
      reasons: z.string().nullable(),
      approvedAmount: z.number().int().nullable(),
      decidedAt: z.string().datetime().nullable(),
    }),
  ),
  minutes: z
    .object({
      text: z.string(),
      generatedAt: z.string().datetime(),
      approvedBy: z.array(z.object({ id: uuid, fullName: z.string(), approvedAt: z.string().datetime() })),
      approvedAt: z.string().datetime().nullable(),
    })
    .nullable(),
  withheld: withheldSchema,
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

// ——— Work lists and reports ———

export const workItemSchema = z.object({
  kind: z.enum([
    "incomplete_request",
    "undeclared_request",
    "manual_notification",
    "referral",
    "vote",
    "deadline_warning",
    "deadline_breach",
    "routed_inquiry",
    "overdue_inquiry",
    "field_action",
    "overdue_field_action",
    "survey_follow_up",
  ]),
  title: localizedTextSchema,
  requestId: uuid.nullable(),
  referenceNumber: z.string().nullable(),
  beneficiary: z.object({ id: uuid, fullName: z.string() }).nullable(),
  since: z.string().datetime(),
  dueDate: isoDate.nullable(),
  dueHijri: z.string().nullable(),
  meetingId: uuid.nullable(),
  ref: z.string().nullable(),
});
export type WorkItem = z.infer<typeof workItemSchema>;
export const myWorkResponseSchema = z.object({ items: z.array(workItemSchema) });

export const complianceQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const complianceReportSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  answeredInTime: z.number().int(),
  answeredLate: z.number().int(),
  overdue: z.number().int(),
  pending: z.number().int(),
  /** answeredInTime / (answeredInTime + answeredLate + overdue); null when nothing was due. */
  shareInTime: z.number().nullable(),
});
