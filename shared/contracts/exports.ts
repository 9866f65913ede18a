import { z } from "zod";

/**
 * Every list a manager works from leaves as CSV or Excel (issue 11): `GET <list>/export?format=…`
 * with the list's own filters. A file is capped so an export is an answer, not a dump.
 */
export const exportFormats = ["csv", "xlsx"] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportRowLimit = 10_000;

/** The lists that export; the audit event names which one a file came from. */
export const exportedLists = [
  "beneficiaries",
  "requests",
  "complaints",
  "compensation_claims",
  "interactions",
  "correspondence",
  "audit_events",
  "policy_acknowledgements",
  "response_compliance",
  "management_dashboard",
] as const;
export const exportedListSchema = z.enum(exportedLists);
export type ExportedList = z.infer<typeof exportedListSchema>;

/**
 * A list's query and the format. The file holds every row the filters select, up to the cap: a page
 * size the list takes is accepted (the screen's link carries it) and not applied.
 */
export function exportQuerySchema<S extends z.ZodRawShape>(list: z.ZodObject<S>) {
  return list.extend({ format: exportFormatSchema });
}
