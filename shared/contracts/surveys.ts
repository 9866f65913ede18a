import { z } from "zod";
import { dateInputSchema } from "./beneficiaries.js";
import type { StaffRole } from "./roles.js";

/**
 * Satisfaction measurement (SPEC S1, G6; issue 12): surveys the association builds and versions,
 * invitations after a service or in a campaign, answers kept apart from the invitation that let them
 * in (nobody can join a rating back to a person), and follow-ups only where the respondent allowed it.
 */
const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

/** CSAT 1–5, NPS 0–10, a five-point agreement scale, choices, and free text. */
export const questionKinds = ["csat", "nps", "likert", "single_choice", "multiple_choice", "text"] as const;
export const questionKindSchema = z.enum(questionKinds);
export type QuestionKind = z.infer<typeof questionKindSchema>;

/** A key written by the builder, stable across versions: lower-case Latin, digits and `_`. */
const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** Wording in Arabic, with an optional English translation. */
export const wordingSchema = z.strictObject({ ar: text(500), en: z.string().trim().max(500).optional() });
export type Wording = z.infer<typeof wordingSchema>;

export const questionSchema = z.strictObject({
  key: keySchema,
  kind: questionKindSchema,
  text: wordingSchema,
  required: z.boolean().default(false),
  /** Choices, for the two choice kinds only (2–12). */
  options: z
    .array(z.strictObject({ key: keySchema, text: wordingSchema }))
    .max(12)
    .default([]),
  /**
   * Shown only when an earlier question's answer is one of these values (a score as its digits,
   * a choice by its key): a conditional question.
   */
  showIf: z
    .strictObject({ questionKey: keySchema, anyOf: z.array(z.string().max(40)).min(1).max(12) })
    .optional(),
  /** Rates the employee who served the person: shown only in aggregate over at least five answers. */
  aboutStaff: z.boolean().default(false),
});
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const surveyPurposes = ["post_service", "periodic"] as const;
export const surveyPurposeSchema = z.enum(surveyPurposes);
export type SurveyPurpose = z.infer<typeof surveyPurposeSchema>;

/** Creates a survey, or a new version of one when its current version has answers. */
export const saveSurveyRequestSchema = z.strictObject({
  name: text(200),
  purpose: surveyPurposeSchema,
  intro: wordingSchema.optional(),
  questions: z.array(questionSchema).min(1).max(40),
});
export type SaveSurveyRequest = z.input<typeof saveSurveyRequestSchema>;

export const surveyIdParamsSchema = z.strictObject({ surveyId: uuid });

export const surveyStatuses = ["draft", "active", "archived"] as const;
export const surveyStatusSchema = z.enum(surveyStatuses);

export const surveyVersionSchema = z.object({
  version: z.number().int(),
  intro: wordingSchema.nullable(),
  questions: z.array(questionSchema),
  createdAt: z.string().datetime(),
  answers: z.number().int(),
});

export const surveySummarySchema = z.object({
  id: uuid,
  name: z.string(),
  purpose: surveyPurposeSchema,
  status: surveyStatusSchema,
  currentVersion: z.number().int(),
  invitations: z.number().int(),
  answers: z.number().int(),
  updatedAt: z.string().datetime(),
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;
export const surveyListResponseSchema = z.object({ items: z.array(surveySummarySchema) });

export const surveyViewSchema = surveySummarySchema.extend({
  current: surveyVersionSchema,
  /** Earlier versions, newest first; each keeps the questions its answers were given to. */
  history: z.array(surveyVersionSchema.pick({ version: true, createdAt: true, answers: true })),
});
export type SurveyView = z.infer<typeof surveyViewSchema>;

export const setSurveyStatusRequestSchema = z.strictObject({ status: surveyStatusSchema });

/** Starting points taken from the satisfaction methods the approved policy lists. */
export const surveyTemplateSchema = z.object({
  code: z.string(),
  name: z.string(),
  purpose: surveyPurposeSchema,
  /** The policy's method it serves (`periodic_survey`…), when the policy lists it. */
  method: z.string().nullable(),
  survey: saveSurveyRequestSchema,
});
export const surveyTemplateListResponseSchema = z.object({ items: z.array(surveyTemplateSchema) });

/** After which events a post-service invitation goes, and the rules that hold one back. */
export const surveySettingsSchema = z.strictObject({
  /** The survey sent after a service; null: no post-service survey. */
  postServiceSurveyId: uuid.nullable(),
  afterDelivery: z.boolean(),
  afterRequestClosed: z.boolean(),
  afterComplaintClosed: z.boolean(),
  /** No invitation to a person invited in the last N days. */
  quietDays: z.number().int().min(0).max(730),
  /** Days a personal link stays valid. */
  linkValidDays: z.number().int().min(1).max(90),
  /** Days after the invitation the one reminder goes, to those who have not answered. */
  reminderAfterDays: z.number().int().min(1).max(60),
});
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

/** A periodic campaign's audience: a service category, a service, or everyone; optionally a random sample. */
export const campaignAudienceSchema = z.strictObject({
  kind: z.enum(["everyone", "category", "service"]),
  categoryId: uuid.optional(),
  serviceId: uuid.optional(),
  /** A random sample of this many people among the audience; all of them when absent. */
  sampleSize: z.number().int().min(1).max(100_000).optional(),
});
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

export const createCampaignRequestSchema = z.strictObject({
  surveyId: uuid,
  name: text(200),
  audience: campaignAudienceSchema,
  /** The last day its links are valid. */
  closesOn: dateInputSchema,
});
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

export const campaignViewSchema = z.object({
  id: uuid,
  name: z.string(),
  survey: z.object({ id: uuid, name: z.string() }),
  audience: campaignAudienceSchema,
  closesOn: isoDate,
  createdBy: z.object({ id: uuid, fullName: z.string() }),
  createdAt: z.string().datetime(),
  /** People in the audience, invited, held back (by reason), reminded, answered. */
  audienceSize: z.number().int(),
  invited: z.number().int(),
  heldBack: z.object({
    optedOut: z.number().int(),
    recentlySurveyed: z.number().int(),
    unreachable: z.number().int(),
  }),
  reminded: z.number().int(),
  answered: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;
export const campaignListResponseSchema = z.object({ items: z.array(campaignViewSchema) });

/** The person does not want satisfaction surveys (from their file, or the link in a survey). */
export const surveyOptOutRequestSchema = z.strictObject({ optedOut: z.boolean() });
export const surveyPreferenceViewSchema = z.object({
  optedOut: z.boolean(),
  since: z.string().datetime().nullable(),
});

// ── The public survey (no account: the personal link's token is the only key) ──

export const surveyTokenParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,80}$/) });

export const publicSurveySchema = z.object({
  associationName: z.string(),
  name: z.string(),
  intro: wordingSchema.nullable(),
  questions: z.array(questionSchema),
  expiresAt: z.string().datetime(),
});

/** One answer per question key: a score, a choice key, several choice keys, or text. */
export const answerValueSchema = z.union([
  z.number().int().min(0).max(10),
  z.string().max(2000),
  z.array(z.string().max(40)).max(12),
]);
export const submitSurveyRequestSchema = z.strictObject({
  answers: z.record(keySchema, answerValueSchema),
  /** The respondent allows staff to contact them about this answer (a complaint or a follow-up). */
  allowContact: z.boolean().default(false),
});
export type SubmitSurveyRequest = z.input<typeof submitSurveyRequestSchema>;
export const submitSurveyResponseSchema = z.object({ received: z.literal(true) });

// ── Results: aggregates only ──

export const surveyResultsQuerySchema = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const questionResultSchema = z.object({
  key: z.string(),
  kind: questionKindSchema,
  text: wordingSchema,
  answers: z.number().int(),
  /** CSAT and Likert: the mean (1–5) and the count per score; NPS: the score (−100…100) and its three groups. */
  mean: z.number().nullable(),
  distribution: z.array(z.object({ value: z.string(), count: z.number().int() })),
  nps: z
    .object({
      score: z.number(),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    })
    .nullable(),
  /** Free text, grouped by theme (waiting, treatment, documents…), newest first; only when shown. */
  themes: z.array(z.object({ theme: z.string(), count: z.number().int(), examples: z.array(z.string()) })),
  /** A staff question below five answers shows nothing but that it is withheld. */
  withheld: z.boolean(),
});
export const surveyResultsSchema = z.object({
  survey: z.object({ id: uuid, name: z.string() }),
  invited: z.number().int(),
  answered: z.number().int(),
  questions: z.array(questionResultSchema),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

/** The least number of answers a rating about staff is shown over. */
export const staffRatingThreshold = 5;

/** For the dashboards: CSAT and NPS per month (YYYY-MM) and free-text themes, over the period. */
export const satisfactionSummarySchema = z.object({
  answers: z.number().int(),
  invited: z.number().int(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      answers: z.number().int(),
      csat: z.number().nullable(),
      nps: z.number().nullable(),
    }),
  ),
  themes: z.array(z.object({ theme: z.string(), count: z.number().int() })),
  /** Staff ratings over all staff (only when at least five answers). */
  staffCsat: z.number().nullable(),
});
export type SatisfactionSummary = z.infer<typeof satisfactionSummarySchema>;

/** The signed-in employee's own rating, shown only over at least five answers (for improvement). */
export const myRatingSchema = z.object({
  answers: z.number().int(),
  csat: z.number().nullable(),
  withheld: z.boolean(),
});

// ── Follow-ups: only answers whose respondent allowed contact, with a low score or written text ──

export const followUpStatuses = ["open", "complaint", "task", "closed"] as const;
export const followUpViewSchema = z.object({
  id: uuid,
  survey: z.object({ id: uuid, name: z.string() }),
  /** Who allowed the contact: the person's file (the one link the respondent chose to give). */
  beneficiary: z.object({ id: uuid, fullName: z.string() }).nullable(),
  lowestScore: z.object({ kind: questionKindSchema, value: z.number().int() }).nullable(),
  text: z.string().nullable(),
  status: z.enum(followUpStatuses),
  complaintId: uuid.nullable(),
  task: z
    .object({
      owner: z.object({ id: uuid, fullName: z.string() }),
      dueDate: isoDate,
      doneAt: z.string().datetime().nullable(),
    })
    .nullable(),
  createdAt: z.string().datetime(),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;
export const followUpListResponseSchema = z.object({ items: z.array(followUpViewSchema) });
export const followUpIdParamsSchema = z.strictObject({ followUpId: uuid });
export const followUpActionRequestSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("complaint") }),
  z.strictObject({ action: z.literal("task"), ownerId: uuid, dueDate: dateInputSchema }),
  z.strictObject({ action: z.literal("close"), note: text(1000) }),
  z.strictObject({ action: z.literal("task_done") }),
]);
export type FollowUpActionRequest = z.infer<typeof followUpActionRequestSchema>;

// ── Added with the server module ──

/**
 * Who does what with surveys, read by the server's policy and by the web's menu: management and
 * the administrator build them; management and the board read the results; management and the
 * follow-up committee act on follow-ups the respondents allowed.
 */
export const surveyRoles = {
  build: ["manager", "administrator"],
  results: ["manager", "board_member"],
  followUps: ["manager", "followup_committee_member"],
} as const satisfies Record<string, readonly StaffRole[]>;

/** The themes free text is grouped by (a small keyword table; anything else is `other`). */
export const surveyThemes = [
  "waiting",
  "staff",
  "documents",
  "communication",
  "support_value",
  "other",
] as const;
export const surveyThemeSchema = z.enum(surveyThemes);
export type SurveyTheme = z.infer<typeof surveyThemeSchema>;
export const surveyThemeNames: Record<SurveyTheme, { ar: string; en: string }> = {
  waiting: { ar: "الانتظار والمواعيد", en: "Waiting and appointments" },
  staff: { ar: "تعامل الموظفين", en: "How staff treated people" },
  documents: { ar: "المستندات", en: "Documents" },
  communication: { ar: "التواصل", en: "Communication" },
  support_value: { ar: "قيمة الدعم", en: "Value of the support" },
  other: { ar: "أخرى", en: "Other" },
};

/** Post-service invitations: sent, held back by reason, reminded and answered (counts only). */
export const postServiceCountsSchema = z.object({
  invited: z.number().int(),
  heldBack: z.object({
    optedOut: z.number().int(),
    recentlySurveyed: z.number().int(),
    unreachable: z.number().int(),
  }),
  reminded: z.number().int(),
  answered: z.number().int(),
});
export type PostServiceCounts = z.infer<typeof postServiceCountsSchema>;
