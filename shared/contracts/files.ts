import { z } from "zod";

export const fileViewSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string().datetime(),
});
export type FileView = z.infer<typeof fileViewSchema>;

export const uploadFileQuerySchema = z.strictObject({ name: z.string().trim().min(1).max(400) });
export const fileIdParamsSchema = z.strictObject({ fileId: z.string().uuid() });
