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
 * The portal's keys, each derived from SILAH_SESSION_SECRET with HKDF under its own label (as the
 * auth module's are): one for the ID typed at sign-in, one for codes, one for cookie tokens.
 */
export function createPortalSecrets(sessionSecret: string) {
  const derive = (label: string) =>
    Buffer.from(hkdfSync("sha256", sessionSecret, "silah-portal", `silah/portal/${label}`, 32));
  const idKey = derive("national-id");
  const codeKey = derive("sign-in-code");
  const tokenKey = derive("session-token");
  const sealKey = derive("code-in-transit");
  const mac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest("base64url");

  return {
    /** The ID as the codes table and the limits know it: never the number itself. */
    idKey(associationId: string, nationalId: string): string {
      return mac(idKey, `${associationId}\u0000${nationalId}`);
    },

    /** A code is hashed with its own row's id: a hash copied to another row opens nothing. */
    hashCode(codeId: string, code: string): string {
      return mac(codeKey, `${codeId}\u0000${code}`);
    },

    /** Compares in constant time, whatever the inputs. */
    sameHash(a: string, b: string): boolean {
      const left = Buffer.from(a);
      const right = Buffer.from(b);
      return left.length === right.length && timingSafeEqual(left, right);
    },

    hashToken(token: string): string {
      return mac(tokenKey, token);
    },

    /**
     * The code on its way to the background job that sends it: AES-256-GCM bound to its row, so
     * the job table never holds a code in clear.
     */
    sealCode(codeId: string, code: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      cipher.setAAD(Buffer.from(codeId));
      const body = Buffer.concat([cipher.update(code, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },

    openCode(codeId: string, sealed: string): string {
      const raw = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", sealKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(codeId));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },

    /** Six digits, uniformly drawn. */
    newCode(): string {
      return String(randomInt(0, 1_000_000)).padStart(6, "0");
    },
  };
}

export type PortalSecrets = ReturnType<typeof createPortalSecrets>;
