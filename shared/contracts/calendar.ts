import { z } from "zod";

export const calendarDayKindSchema = z.enum(["holiday", "closure", "working_day"]);

export const calendarYearQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1937).max(2077),
});

export const calendarDayViewSchema = z.object({
  date: z.string(),
  hijri: z.string(),
  /** What the day is in the association's calendar after its edits. */
  status: z.enum(["holiday", "closure", "working_day"]),
  name: z.object({ ar: z.string(), en: z.string() }),
  /** generated: from the rules; edited: the administrator's correction or addition. */
  source: z.enum(["generated", "edited"]),
  generatedKind: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof calendarDayViewSchema>;

export const calendarYearResponseSchema = z.object({
  year: z.number().int(),
  weekend: z.array(z.number().int()),
  days: z.array(calendarDayViewSchema),
});

export const calendarDateParamsSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const setCalendarDayRequestSchema = z.strictObject({
  kind: calendarDayKindSchema,
  nameAr: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().max(120).optional(),
});
