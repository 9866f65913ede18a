import { Secret, TOTP } from "otpauth";
import type { Tx } from "../../db/client.js";
import type { AuthRepository } from "./auth.repository.js";
import { type AuthSecrets, newRecoveryCode } from "./auth.secrets.js";

/**
 * The authenticator app's codes (TOTP, RFC 6238) through `otpauth`: SHA-1, six digits, 30-second
 * steps — what every authenticator app reads from a QR code. One step either side is accepted for
 * clock drift; a step once accepted never is again.
 */
const totpSettings = { algorithm: "SHA1", digits: 6, period: 30 } as const;
export const recoveryCodeCount = 10;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, account: string): string {
  return new TOTP({
    ...totpSettings,
    issuer: "Silah",
    label: account,
    secret: Secret.fromBase32(secret),
  }).toString();
}

/** The time-step a code belongs to at `now`, or null when it matches none in the window. */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = TOTP.validate({
    ...totpSettings,
    token: code,
    secret: Secret.fromBase32(secret),
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / totpSettings.period) + delta;
}

/** For tests and the e2e helper: the code an authenticator app shows at `now`. */
export function codeAt(secret: string, now: Date): string {
  return TOTP.generate({ ...totpSettings, secret: Secret.fromBase32(secret), timestamp: now.getTime() });
}

export type CodeCheck =
  | { ok: true; kind: "totp" }
  | { ok: true; kind: "recovery"; remaining: number }
  | { ok: false };

/**
 * Checks a code against a confirmed (or, while enrolling, pending) second factor, inside the
 * caller's tenant transaction, and spends it: the time-step is claimed, the recovery code marked.
 */
export async function checkCode(
  tx: Tx,
  deps: { repo: AuthRepository; secrets: AuthSecrets },
  input: { userId: string; code: string; now: Date; allowRecovery: boolean },
): Promise<CodeCheck> {
  const { repo, secrets } = deps;
  const factor = await repo.findSecondFactor(tx, input.userId);
  if (!factor) return { ok: false };
  if (/^[0-9]{6}$/.test(input.code)) {
    const step = matchingStep(
      secrets.decryptSecret(factor.secretCiphertext, factor.userId),
      input.code,
      input.now,
    );
    if (step === null) return { ok: false };
    return (await repo.claimStep(tx, input.userId, step)) ? { ok: true, kind: "totp" } : { ok: false };
  }
  if (!input.allowRecovery || !factor.confirmedAt) return { ok: false };
  const used = await repo.spendRecoveryCode(
    tx,
    input.userId,
    secrets.hashRecoveryCode(input.code),
    input.now,
  );
  if (!used) return { ok: false };
  return { ok: true, kind: "recovery", remaining: await repo.countRecoveryCodesLeft(tx, input.userId) };
}

/** Fresh recovery codes: the plain codes for the user to keep, their hashes for the table. */
export function newRecoveryCodes(secrets: AuthSecrets): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
  return { codes, hashes: codes.map((code) => secrets.hashRecoveryCode(code)) };
}
