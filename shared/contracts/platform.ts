import { z } from "zod";
import { createAssociationInputSchema } from "./associations.js";

/**
 * The platform operator's view of the associations it serves (ADR 0024): who they are, whether
 * they are suspended, and how much they use — counts only, never a person's data.
 */
export const associationUsageSchema = z.object({
  staff: z.number().int(),
  beneficiaries: z.number().int(),
  requestsThisMonth: z.number().int(),
  storageBytes: z.number().int(),
  lastActivityAt: z.string().datetime().nullable(),
});
export type AssociationUsage = z.infer<typeof associationUsageSchema>;

export const platformAssociationSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  region: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  status: z.enum(["active", "suspended"]),
  suspendedAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  usage: associationUsageSchema,
});
export type PlatformAssociation = z.infer<typeof platformAssociationSchema>;

export const platformAssociationListSchema = z.object({ items: z.array(platformAssociationSchema) });

/** A new association with its first administrator, who receives a temporary password shown once. */
export const openAssociationRequestSchema = createAssociationInputSchema.extend({
  region: z.string().trim().max(100).optional(),
  administrator: z.strictObject({
    fullName: z.string().trim().min(3).max(200),
    email: z.string().trim().toLowerCase().email().max(254),
  }),
});
export type OpenAssociationRequest = z.infer<typeof openAssociationRequestSchema>;

export const openAssociationResponseSchema = z.object({
  association: platformAssociationSchema,
  administrator: z.object({ id: z.string().uuid(), fullName: z.string(), email: z.string() }),
  /** Shown once to the operator, who hands it over; the administrator replaces it at first sign-in. */
  temporaryPassword: z.string(),
});
export type OpenAssociationResponse = z.infer<typeof openAssociationResponseSchema>;

export const associationIdParamsSchema = z.strictObject({ associationId: z.string().uuid() });
