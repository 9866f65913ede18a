import { hash, verify } from "@node-rs/argon2";

// The package's `Algorithm` is an ambient const enum, which isolated modules cannot read; 2 is Argon2id.
const argon2id = 2;
// argon2id with 19 MiB, two passes, one lane: the OWASP baseline, about 30 ms on one core here.
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const minimumPasswordLength = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("silah-decoy-password-never-valid");
  return decoy;
}
