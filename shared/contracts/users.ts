import { z } from "zod";
import { currentUserSchema, localeSchema } from "./auth.js";
import { associationRoleSchema, staffRoleSchema } from "./roles.js";

export const updatePreferencesRequestSchema = z.strictObject({ locale: localeSchema });
export type UpdatePreferencesRequest = z.infer<typeof updatePreferencesRequestSchema>;

export const userViewSchema = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(staffRoleSchema),
  locale: localeSchema,
  active: z.boolean(),
  /** Failed sign-ins currently slow the account, until `lockedUntil` or an administrator unlocks it. */
  locked: z.boolean(),
  lockedUntil: z.string().datetime().nullable(),
  /** The password was set by someone else; the person must choose their own at sign-in. */
  passwordChangeRequired: z.boolean(),
  /** When the person last signed in, if they ever did. */
  lastSignInAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
});
export type UserView = z.infer<typeof userViewSchema>;

// Strength is judged by the server against the account's own words (shared/domain/password-strength.ts);
// the schema only bounds the length, so the check cannot be skipped by a client that omits it.
const passwordSchema = z.string().min(10).max(512);

export const createUserRequestSchema = z.strictObject({
  fullName: z.string().trim().min(3).max(200),
  email: z.string().trim().toLowerCase().email().max(254),
  password: passwordSchema,
  roles: z.array(associationRoleSchema).min(1),
  locale: localeSchema.default("ar"),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userListResponseSchema = z.object({ items: z.array(userViewSchema) });

export const userIdParamsSchema = z.strictObject({ userId: z.string().uuid() });

export const changeRolesRequestSchema = z.strictObject({ roles: z.array(associationRoleSchema).min(1) });
export type ChangeRolesRequest = z.infer<typeof changeRolesRequestSchema>;

/** Without a password, the server generates one and shows it once in the answer. */
export const resetPasswordRequestSchema = z.strictObject({ password: passwordSchema.optional() });
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

export const resetPasswordResponseSchema = z.object({
  user: userViewSchema,
  /** The generated temporary password, shown this once and never stored in clear; null when typed. */
  temporaryPassword: z.string().nullable(),
});
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponseSchema>;

export const changeOwnPasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(512),
  newPassword: passwordSchema,
});
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequestSchema>;

export { currentUserSchema };
