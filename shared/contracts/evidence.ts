import { z } from "zod";
import { dateInputSchema } from "./beneficiaries.js";

/**
 * The evidence pack for the annual governance assessment (SPEC G7, P2, P3; issue 12): for a period
 * the manager picks, one printable Arabic PDF and the same data as an Excel workbook, made by a
 * background job and kept as the association's files. ADR 0028.
 */
const uuid = z.string().uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const evidencePackStatuses = ["queued", "running", "done", "failed"] as const;
export type EvidencePackStatus = (typeof evidencePackStatuses)[number];

/** The sections in the order they are gathered and printed; the pack's progress names the one in hand. */
export const evidenceSections = [
  "policy",
  "acknowledgements",
  "compliance",
  "complaints",
  "compensation",
  "satisfaction",
  "fieldwork",
] as const;
export type EvidenceSection = (typeof evidenceSections)[number];
/** Each section, then writing the PDF, the workbook, and keeping both. */
export const evidenceSteps = [...evidenceSections, "document", "workbook", "storing"] as const;
export type EvidenceStep = (typeof evidenceSteps)[number];

/** Why a pack failed, as a code the page words in Arabic. */
export const evidenceFailureCodes = ["pdf_unavailable", "busy", "gathering_failed", "internal"] as const;
export type EvidenceFailureCode = (typeof evidenceFailureCodes)[number];

/** The longest period one pack covers: five years (an assessment looks at one). */
export const maxEvidenceDays = 5 * 366;

export const createEvidencePackRequestSchema = z.strictObject({
  from: dateInputSchema,
  to: dateInputSchema,
});
export type CreateEvidencePackRequest = z.infer<typeof createEvidencePackRequestSchema>;

export const evidencePackViewSchema = z.object({
  id: uuid,
  from: isoDate,
  to: isoDate,
  status: z.enum(evidencePackStatuses),
  progress: z.object({ percent: z.number().int().min(0).max(100), step: z.enum(evidenceSteps).nullable() }),
  requestedBy: z.object({ id: uuid, fullName: z.string() }),
  requestedAt: z.string().datetime(),
  finishedAt: z.string().datetime().nullable(),
  pdf: z.object({ id: uuid, name: z.string(), size: z.number().int() }).nullable(),
  workbook: z.object({ id: uuid, name: z.string(), size: z.number().int() }).nullable(),
  failure: z.enum(evidenceFailureCodes).nullable(),
});
export type EvidencePackView = z.infer<typeof evidencePackViewSchema>;
export const evidencePackListResponseSchema = z.object({ items: z.array(evidencePackViewSchema) });
export const evidencePackIdParamsSchema = z.strictObject({ packId: uuid });
