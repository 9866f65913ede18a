import { z } from "zod";
import { normalizeDigits } from "../domain/digits.js";
import { staffRoleSchema } from "./roles.js";

export const localeSchema = z.enum(["ar", "en"]);
export type Locale = z.infer<typeof localeSchema>;

export const signInRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(512),
  /** Sent again with the same e-mail and password when the answer asked to choose an association. */
  associationId: z.string().uuid().optional(),
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

/**
 * Where the user stands with the second factor. `required` and not `enrolled`: the session can only
 * enrol (every other route answers `second_factor_enrolment_required`).
 */
export const sessionSecondFactorSchema = z.object({ required: z.boolean(), enrolled: z.boolean() });

/** The signed-in state: who, and the token every state-changing request must echo in `x-csrf-token`. */
export const sessionViewSchema = z.object({
  user: currentUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string().datetime(),
  secondFactor: sessionSecondFactorSchema,
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/**
 * What a correct e-mail and password lead to: a session; a choice, when the same address and
 * password open accounts in several associations (only those are listed); or the second step, a
 * code from the authenticator app, sent with the short-lived `challenge`.
 */
export const signInResponseSchema = z.discriminatedUnion("step", [
  sessionViewSchema.extend({ step: z.literal("signed_in") }),
  z.object({
    step: z.literal("choose_association"),
    associations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
  }),
  z.object({ step: z.literal("second_factor"), challenge: z.string() }),
]);
export type SignInResponse = z.infer<typeof signInResponseSchema>;

/** A six-digit code from the app (Arabic-Indic digits and spaces accepted) or a recovery code. */
const oneTimeCodeSchema = z
  .string()
  .max(64)
  .transform((value) => normalizeDigits(value).replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{6,16}$/));

export const secondFactorSignInRequestSchema = z.strictObject({
  challenge: z.string().min(1).max(1000),
  code: oneTimeCodeSchema,
});
export type SecondFactorSignInRequest = z.input<typeof secondFactorSignInRequestSchema>;

export const secondFactorStatusSchema = z.object({
  required: z.boolean(),
  enrolled: z.boolean(),
  enrolledAt: z.string().datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
});
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>;

/** The key to put in the authenticator app: scanned from the `otpauth://` address or typed. */
export const secondFactorEnrolmentSchema = z.object({ secret: z.string(), uri: z.string() });
export type SecondFactorEnrolment = z.infer<typeof secondFactorEnrolmentSchema>;

export const confirmEnrolmentRequestSchema = z.strictObject({
  code: oneTimeCodeSchema.pipe(z.string().regex(/^[0-9]{6}$/)),
});
export type ConfirmEnrolmentRequest = z.input<typeof confirmEnrolmentRequestSchema>;

/** The recovery codes are shown this once; the server keeps only their hashes. */
export const confirmEnrolmentResponseSchema = z.object({
  recoveryCodes: z.array(z.string()),
  session: sessionViewSchema,
});
export type ConfirmEnrolmentResponse = z.infer<typeof confirmEnrolmentResponseSchema>;

export const csrfHeader = "x-csrf-token";
