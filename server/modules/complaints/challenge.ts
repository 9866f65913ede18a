import { createHmac, randomInt } from "node:crypto";
import { createChallenge, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import type { ComplaintChallenge } from "../../../shared/contracts/complaints.js";

/**
 * The public page's human check: an ALTCHA proof of work (altcha-lib), created and verified here,
 * solved by the person's browser with no third party (ADR 0012).
 *
 * The challenge is made in ALTCHA's deterministic mode: the server picks the number the browser
 * must find and signs the key it leads to, so verifying a solution is one HMAC, however hard the
 * challenge. Its signed `data` binds it to one association and carries its expiry, read against the
 * injected clock (ALTCHA's own `expiresAt` would be read against the machine's).
 */
const algorithm = "PBKDF2/SHA-256";
/** PBKDF2 rounds per attempt: enough for the browser's native code to dominate each attempt. */
const roundsPerAttempt = 1000;
export const proofLifetimeSeconds = 20 * 60;

export type ProofKeys = { signature: string; key: string };

/** Two keys of their own, derived from the server secret, so a proof signs nothing else. */
export function proofKeys(secret: string): ProofKeys {
  const derive = (label: string) => createHmac("sha256", secret).update(label).digest("base64url");
  return { signature: derive("altcha-challenge"), key: derive("altcha-key") };
}

/** A challenge whose answer lies between half of `attempts` and `attempts`, so none is free. */
export async function issueProofChallenge(input: {
  keys: ProofKeys;
  associationId: string;
  now: Date;
  attempts: number;
}): Promise<ComplaintChallenge> {
  const attempts = Math.max(2, Math.floor(input.attempts));
  const challenge = await createChallenge({
    algorithm,
    cost: roundsPerAttempt,
    deriveKey,
    counter: randomInt(Math.ceil(attempts / 2), attempts + 1),
    data: {
      association: input.associationId,
      expires: Math.floor(input.now.getTime() / 1000) + proofLifetimeSeconds,
    },
    hmacSignatureSecret: input.keys.signature,
    hmacKeySignatureSecret: input.keys.key,
  });
  return challenge as ComplaintChallenge;
}

/** What the browser sends back: ALTCHA's payload, base64 of `{ challenge, solution }`. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z
      .object({
        algorithm: z.literal(algorithm),
        nonce: z.string().max(128),
        salt: z.string().max(128),
        cost: z.number().int(),
        keyLength: z.number().int(),
        keyPrefix: z.string().max(128),
        keySignature: z.string().max(256),
        data: z.object({ association: z.string().max(64), expires: z.number().int() }),
      })
      // Anything added would change what the signature covers; it is refused there, not dropped here.
      .passthrough(),
    signature: z.string().max(256),
  }),
  solution: z.object({
    counter: z.number().int().nonnegative(),
    derivedKey: z.string().max(256),
    time: z.number().optional(),
  }),
});

export type ProofCheck =
  | { ok: true; signature: string }
  | { ok: false; reason: "malformed" | "forged" | "elsewhere" | "expired" | "unsolved" };

export async function checkProof(input: {
  keys: ProofKeys;
  payload: string;
  associationId: string;
  now: Date;
}): Promise<ProofCheck> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(input.payload, "base64").toString("utf8"));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: "malformed" };
  const { challenge, solution } = parsed.data;
  let result: Awaited<ReturnType<typeof verifySolution>>;
  try {
    result = await verifySolution({
      challenge,
      solution,
      deriveKey,
      hmacSignatureSecret: input.keys.signature,
      hmacKeySignatureSecret: input.keys.key,
    });
  } catch {
    return { ok: false, reason: "malformed" };
  }
  // The signature first: only signed data says which association and until when.
  if (result.invalidSignature) return { ok: false, reason: "forged" };
  const data = challenge.parameters.data;
  if (data.association !== input.associationId) return { ok: false, reason: "elsewhere" };
  if (data.expires * 1000 <= input.now.getTime()) return { ok: false, reason: "expired" };
  if (!result.verified) return { ok: false, reason: "unsolved" };
  return { ok: true, signature: challenge.signature };
}
