import { z } from "zod";
import { staffRoleSchema } from "./roles.js";

export const localeSchema = z.enum(["ar", "en"]);
export type Locale = z.infer<typeof localeSchema>;

export const signInRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const currentUserSchema = z.object({
  id: z.string().uuid(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(staffRoleSchema),
  locale: localeSchema,
  association: z.object({ id: z.string().uuid(), name: z.string(), slug: z.string() }),
  /** The password was set by an administrator: nothing else opens until the person chooses their own. */
  passwordChangeRequired: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** The signed-in state: who, and the token every state-changing request must echo in `x-csrf-token`. */
export const sessionViewSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string().datetime(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const csrfHeader = "x-csrf-token";
