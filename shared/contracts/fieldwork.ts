import { z } from "zod";
import { dateInputSchema } from "./beneficiaries.js";

/**
 * Field oversight (SPEC S2): field surveys, supervisory visits to offices, visits to branch
 * representatives and interviews, each with its checklist, observations, photos and follow-up actions
 * whose due dates fall on the association's working calendar.
 */
const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const fieldVisitKinds = [
  "field_survey",
  "supervisory_visit",
  "branch_representative_visit",
  "interview",
] as const;
export const fieldVisitKindSchema = z.enum(fieldVisitKinds);
export type FieldVisitKind = z.infer<typeof fieldVisitKindSchema>;

export const fieldAnswers = ["met", "not_met", "not_applicable"] as const;
export const fieldAnswerSchema = z.enum(fieldAnswers);

/** The most working days a follow-up action may be given from its visit. */
export const maxActionWorkingDays = 250;

export const checklistIdParamsSchema = z.strictObject({ checklistId: uuid });
export const fieldVisitIdParamsSchema = z.strictObject({ visitId: uuid });
export const fieldActionIdParamsSchema = z.strictObject({ actionId: uuid });

export const saveChecklistRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  items: z.array(z.string().trim().min(1).max(500)).min(1).max(100),
});
export type SaveChecklistRequest = z.infer<typeof saveChecklistRequestSchema>;

export const checklistViewSchema = z.object({
  id: uuid,
  name: z.string(),
  items: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string().datetime(),
});
export type ChecklistView = z.infer<typeof checklistViewSchema>;
export const checklistListResponseSchema = z.object({ items: z.array(checklistViewSchema) });

/** A follow-up action's due date: a day, or a number of working days after the visit. */
export const newActionSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(1000),
    ownerId: uuid,
    dueDate: dateInputSchema.optional(),
    dueInWorkingDays: z.number().int().min(1).max(maxActionWorkingDays).optional(),
  })
  .refine((a) => (a.dueDate === undefined) !== (a.dueInWorkingDays === undefined), {
    message: "give either dueDate or dueInWorkingDays",
    path: ["dueDate"],
  });
export type NewAction = z.infer<typeof newActionSchema>;

export const recordVisitRequestSchema = z.strictObject({
  kind: fieldVisitKindSchema,
  visitedOn: dateInputSchema,
  place: z.string().trim().min(1).max(300),
  participantIds: z.array(uuid).max(50).default([]),
  checklistId: uuid.optional(),
  /** One answer per item of the checklist, in its order. */
  answers: z
    .array(z.strictObject({ answer: fieldAnswerSchema, note: z.string().trim().max(1000).optional() }))
    .max(100)
    .default([]),
  observations: z.string().trim().min(1).max(10_000),
  photoFileIds: z.array(uuid).max(20).default([]),
  actions: z.array(newActionSchema).max(50).default([]),
});
export type RecordVisitRequest = z.input<typeof recordVisitRequestSchema>;

export const person = z.object({ id: uuid, fullName: z.string() });

export const fieldActionViewSchema = z.object({
  id: uuid,
  visitId: uuid,
  text: z.string(),
  owner: person,
  dueDate: isoDate,
  status: z.enum(["open", "done"]),
  overdue: z.boolean(),
  doneBy: person.nullable(),
  doneAt: z.string().datetime().nullable(),
});
export type FieldActionView = z.infer<typeof fieldActionViewSchema>;

export const fieldVisitSummarySchema = z.object({
  id: uuid,
  kind: fieldVisitKindSchema,
  visitedOn: isoDate,
  place: z.string(),
  recordedBy: person,
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  /** `follow_up` while an action is open, `closed` once every action is done (or none was set). */
  status: z.enum(["follow_up", "closed"]),
});
export type FieldVisitSummary = z.infer<typeof fieldVisitSummarySchema>;

export const fieldVisitViewSchema = fieldVisitSummarySchema.extend({
  participants: z.array(person),
  checklist: z.object({ id: uuid, name: z.string(), version: z.number().int() }).nullable(),
  answers: z.array(z.object({ item: z.string(), answer: fieldAnswerSchema, note: z.string().nullable() })),
  observations: z.string(),
  photos: z.array(z.object({ id: uuid, name: z.string(), mediaType: z.string() })),
  actions: z.array(fieldActionViewSchema),
  recordedAt: z.string().datetime(),
});
export type FieldVisitView = z.infer<typeof fieldVisitViewSchema>;

export const fieldVisitListQuerySchema = z.strictObject({
  kind: fieldVisitKindSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const fieldVisitListResponseSchema = z.object({ items: z.array(fieldVisitSummarySchema) });

export const fieldActionListQuerySchema = z.strictObject({
  /** `mine`: the reader's own open actions; `overdue`: every overdue one (managers). */
  scope: z.enum(["mine", "overdue"]).default("mine"),
});
export const fieldActionListResponseSchema = z.object({ items: z.array(fieldActionViewSchema) });

/** Staff who may take part in a visit or own an action. */
export const fieldPeopleResponseSchema = z.object({ items: z.array(person) });

/** For the dashboards: open and overdue actions, and visits per month (YYYY-MM), oldest first. */
export const fieldSummarySchema = z.object({
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  visitsByMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
});
export type FieldSummary = z.infer<typeof fieldSummarySchema>;
