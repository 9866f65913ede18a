import { z } from "zod";
import { currentUserSchema, localeSchema } from "./auth.js";
import { staffRoleSchema } from "./roles.js";

export const updatePreferencesRequestSchema = z.strictObject({ locale: localeSchema });
export type UpdatePreferencesRequest = z.infer<typeof updatePreferencesRequestSchema>;

export const userViewSchema = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(staffRoleSchema),
  locale: localeSchema,
  active: z.boolean(),
  createdAt: z.string().datetime(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const createUserRequestSchema = z.strictObject({
  fullName: z.string().trim().min(3).max(200),
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(10).max(512),
  roles: z.array(staffRoleSchema).min(1),
  locale: localeSchema.default("ar"),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userListResponseSchema = z.object({ items: z.array(userViewSchema) });

export const userIdParamsSchema = z.strictObject({ userId: z.string().uuid() });

export { currentUserSchema };
