import { z } from "zod";

export const associationViewSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  licenseNumber: z.string().nullable(),
  supervisingAuthority: z.string().nullable(),
});
export type AssociationView = z.infer<typeof associationViewSchema>;

export const createAssociationInputSchema = z.strictObject({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  nameAr: z.string().trim().min(3).max(300),
  nameEn: z.string().trim().max(300).optional(),
  licenseNumber: z.string().trim().max(50).optional(),
  supervisingAuthority: z.string().trim().max(300).optional(),
});
export type CreateAssociationInput = z.infer<typeof createAssociationInputSchema>;
