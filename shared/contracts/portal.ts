import { z } from "zod";
import { normalizeDigits } from "../domain/digits.js";
import { householdRelationSchema, nationalIdInputSchema } from "./beneficiaries.js";
import { notificationChannelSchema } from "./channels.js";
import { addFieldIssue } from "./field-rules.js";
import { dueSchema, requestStateSchema } from "./requests.js";

/**
 * The beneficiary portal (ADR 0029): sign-in by national ID or Iqama and a one-time code, the
 * person and the household they act for, their requests and the notices they were sent.
 */

const uuid = z.string().uuid();

export { portalCookie, portalCookiePath, portalCsrfHeader } from "./portal-http.js";

export const portalSlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(80) });

export const portalCodeRequestSchema = z.strictObject({ nationalId: nationalIdInputSchema });
export type PortalCodeRequest = z.infer<typeof portalCodeRequestSchema>;

/** One answer for every ID, registered or not: it says nothing about who is registered. */
export const portalCodeAnswerSchema = z.object({
  message: z.object({ ar: z.string(), en: z.string() }),
  expiresInMinutes: z.number().int(),
});
export type PortalCodeAnswer = z.infer<typeof portalCodeAnswerSchema>;

/** Six digits, typed in Latin or Arabic-Indic digits, spaces allowed. */
export const portalCodeSchema = z.string().transform((text, ctx) => {
  const digits = normalizeDigits(text).replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) {
    addFieldIssue(ctx, "code_format", {
      ar: "الرمز ستة أرقام كما وصلك في الرسالة.",
      en: "The code is the six digits in the message you received.",
    });
    return z.NEVER;
  }
  return digits;
});

export const portalVerifyRequestSchema = z.strictObject({
  nationalId: nationalIdInputSchema,
  code: portalCodeSchema,
});
export type PortalVerifyRequest = z.infer<typeof portalVerifyRequestSchema>;

export const portalHouseholdMemberSchema = z.object({
  id: uuid,
  fullName: z.string(),
  relation: householdRelationSchema,
  /** Whether the member has a file of their own here, whose requests the head follows for them. */
  hasOwnFile: z.boolean(),
});

export const portalMeSchema = z.object({
  association: z.object({ slug: z.string(), nameAr: z.string() }),
  person: z.object({ fullName: z.string(), fileNumber: z.number().int() }),
  /** The household members the association recorded as depending on this person. */
  household: z.array(portalHouseholdMemberSchema),
  csrfToken: z.string(),
  expiresAt: z.string().datetime(),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

/** Something the request waits for from the person: a document, a value, their declaration. */
export const portalAwaitedSchema = z.object({ label: z.string(), detail: z.string().nullable() });

export const portalRequestSummarySchema = z.object({
  id: uuid,
  referenceNumber: z.string(),
  serviceName: z.string(),
  /** Whose request it is: the signed-in person, or a household member they act for. */
  forName: z.string(),
  forSelf: z.boolean(),
  state: requestStateSchema,
  /** The state in plain Arabic for the person. */
  stateAr: z.string(),
  openedAt: z.string().datetime(),
  awaited: z.array(portalAwaitedSchema),
  due: dueSchema.nullable(),
  decision: z
    .object({
      outcome: z.enum(["accept", "reject", "return"]),
      outcomeAr: z.string(),
      reasons: z.string(),
      approvedAmount: z.number().int().nullable(),
      decidedAt: z.string().datetime(),
    })
    .nullable(),
  cancellation: z.object({ reason: z.string(), at: z.string().datetime() }).nullable(),
});
export type PortalRequestSummary = z.infer<typeof portalRequestSummarySchema>;

export const portalRequestListSchema = z.object({ items: z.array(portalRequestSummarySchema) });
export type PortalRequestList = z.infer<typeof portalRequestListSchema>;

export const portalRequestViewSchema = portalRequestSummarySchema.extend({
  /** What the service requires, each with whether it is in hand. */
  requirements: z.array(
    z.object({
      label: z.string(),
      kind: z.enum(["field", "document"]),
      required: z.boolean(),
      present: z.boolean(),
      detail: z.string().nullable(),
    }),
  ),
  /** In halalas, what has been handed over so far. */
  deliveredAmount: z.number().int(),
});
export type PortalRequestView = z.infer<typeof portalRequestViewSchema>;

export const portalRequestParamsSchema = z.strictObject({ requestId: uuid });

export const portalNoticeSchema = z.object({
  id: uuid,
  channel: notificationChannelSchema,
  subject: z.string().nullable(),
  body: z.string(),
  /** When it was sent, or written while it waits its turn. */
  at: z.string().datetime(),
});
export const portalNoticeListSchema = z.object({ items: z.array(portalNoticeSchema) });
export type PortalNoticeList = z.infer<typeof portalNoticeListSchema>;
