import { createHmac, hkdfSync, randomInt, timingSafeEqual } from "node:crypto";

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

    /** Six digits, uniformly drawn. */
    newCode(): string {
      return String(randomInt(0, 1_000_000)).padStart(6, "0");
    },
  };
}

export type PortalSecrets = ReturnType<typeof createPortalSecrets>;
