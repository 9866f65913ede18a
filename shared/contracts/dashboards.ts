import { z } from "zod";
import { liaisonLoadResponseSchema } from "./contacts.js";
import { fieldSummarySchema } from "./fieldwork.js";
import { satisfactionSummarySchema } from "./surveys.js";

/**
 * Senior management's dashboard (SPEC S3, G7; issue 12): every figure counted in SQL over the
 * period chosen (Riyadh days, inclusive). The association has no branches in the schema, so there
 * is no branch filter; satisfaction and field actions come from their own modules' summaries.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const dashboardQuerySchema = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const dashboardSections = [
  "requests_by_status",
  "requests_by_channel",
  "requests_by_service",
  "requests_by_category",
  "response_compliance",
  "response_times",
  "owners",
  "complaints_by_status",
  "complaints_by_outcome",
  "inquiries_by_month",
  "inquiries_by_channel",
  "liaison_load",
  "satisfaction_by_month",
  "satisfaction_themes",
] as const;
export const dashboardSectionSchema = z.enum(dashboardSections);
export type DashboardSection = z.infer<typeof dashboardSectionSchema>;

export const dashboardExportQuerySchema = dashboardQuerySchema.extend({
  section: dashboardSectionSchema,
  format: z.enum(["csv", "xlsx"]),
});

/** One bar or slice: a coded key (state, channel, kind…) or an id with its name, and its count. */
const countSchema = z.object({ key: z.string(), label: z.string().nullable(), count: z.number().int() });
export type DashboardCount = z.infer<typeof countSchema>;

/** Working days from opening to decision, Sunday to Thursday (the calendar's holidays are not subtracted). */
export const responseBuckets = ["0-1", "2-5", "6-10", "11-20", "21+"] as const;

export const dashboardSchema = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  requests: z.object({
    total: z.number().int(),
    byStatus: z.array(countSchema),
    byChannel: z.array(countSchema),
    byService: z.array(countSchema),
    /** By the service's kind (the catalogue's category). */
    byCategory: z.array(countSchema),
  }),
  response: z.object({
    decidedInTime: z.number().int(),
    decidedLate: z.number().int(),
    overdue: z.number().int(),
    pending: z.number().int(),
    /** Decided in time over those judged (decided, or past due undecided); null when none is. */
    shareInTime: z.number().nullable(),
    distribution: z.array(z.object({ bucket: z.enum(responseBuckets), count: z.number().int() })),
  }),
  /** What is open now, whatever the period: requests by who opened them, complaints by who holds them. */
  owners: z.array(
    z.object({
      owner: z.object({ id: z.string().uuid(), fullName: z.string() }).nullable(),
      openRequests: z.number().int(),
      breachedRequests: z.number().int(),
      openComplaints: z.number().int(),
      breachedComplaints: z.number().int(),
    }),
  ),
  complaints: z.object({
    total: z.number().int(),
    byStatus: z.array(countSchema),
    byOutcome: z.array(countSchema),
  }),
  inquiries: z.object({
    total: z.number().int(),
    /** `key` is the Gregorian month of receipt in Riyadh, YYYY-MM. */
    byMonth: z.array(countSchema),
    byChannel: z.array(countSchema),
  }),
  liaison: liaisonLoadResponseSchema,
  /** Satisfaction surveys over the period (by month): CSAT, NPS, free-text themes; the surveys module's summary. */
  satisfaction: satisfactionSummarySchema,
  /** Field oversight's follow-up actions now (open, past due) and visits per month: the fieldwork module's summary. */
  fieldActions: fieldSummarySchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
