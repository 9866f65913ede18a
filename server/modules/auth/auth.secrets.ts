import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from "node:crypto";

/**
 * The auth module's keys, each derived from SILAH_SESSION_SECRET with HKDF (RFC 5869) under its own
 * label, so no key serves two purposes and rotating the session secret rotates them all.
 */
export function createAuthSecrets(sessionSecret: string) {
  const derive = (label: string) =>
    Buffer.from(hkdfSync("sha256", sessionSecret, "silah-auth", `silah/${label}`, 32));
  const secretKey = derive("second-factor-secret");
  const recoveryKey = derive("recovery-code");
  const challengeKey = derive("sign-in-challenge");

  return {
    /**
     * AES-256-GCM with a fresh nonce; the owner's id is authenticated data, so a ciphertext copied
     * onto another account's row does not decrypt.
     */
    encryptSecret(plain: string, ownerId: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", secretKey, iv);
      cipher.setAAD(Buffer.from(ownerId));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },

    decryptSecret(stored: string, ownerId: string): string {
      const [version, payload = ""] = stored.split(".");
      if (version !== "v1") throw new Error("unknown second-factor secret format");
      const raw = Buffer.from(payload, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", secretKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(ownerId));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },

    /** Recovery codes carry 50 random bits, so a keyed hash is enough (no slow hash needed). */
    hashRecoveryCode(code: string): string {
      return createHmac("sha256", recoveryKey).update(normalizeRecoveryCode(code)).digest("base64url");
    },

    /** A signed, short-lived note that the password step passed for this user. Stored nowhere. */
    signChallenge(claims: ChallengeClaims): string {
      const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
      return `${body}.${createHmac("sha256", challengeKey).update(body).digest("base64url")}`;
    },

    readChallenge(token: string): ChallengeClaims | null {
      const [body = "", mac = ""] = token.split(".");
      const expected = createHmac("sha256", challengeKey).update(body).digest();
      const given = Buffer.from(mac, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as ChallengeClaims;
        return typeof claims.userId === "string" && typeof claims.expiresAt === "number" ? claims : null;
      } catch {
        return null;
      }
    },
  };
}

export type AuthSecrets = ReturnType<typeof createAuthSecrets>;
export type ChallengeClaims = { userId: string; associationId: string; expiresAt: number };

// Crockford-like alphabet without 0/O and 1/I/L, so a code read off paper is typed right.
const recoveryAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** Ten characters from a 31-letter alphabet (about 50 bits, unbiased), shown as two groups of five. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]!);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

export function normalizeRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase();
}
