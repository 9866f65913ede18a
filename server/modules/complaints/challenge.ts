import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { normalizeDigits, toArabicIndicDigits } from "../../../shared/domain/index.js";

/**
 * A human check that works with no outside service: a small sum in Arabic words and digits,
 * signed by the server so nothing needs storing. It stops form-filling robots, not a determined
 * person; the per-source rate limit does the rest.
 */
const lifetimeMs = 30 * 60_000;

export function createChallenge(secret: string, now: Date) {
  const a = randomInt(2, 10);
  const b = randomInt(1, 10);
  const payload = Buffer.from(
    JSON.stringify({ s: a + b, e: now.getTime() + lifetimeMs, n: randomBytes(6).toString("hex") }),
  );
  const body = payload.toString("base64url");
  const signature = createHmac("sha256", secret).update(body).digest("base64url");
  return {
    question: {
      ar: `كم يساوي ${toArabicIndicDigits(String(a))} + ${toArabicIndicDigits(String(b))}؟`,
      en: `What is ${a} + ${b}?`,
    },
    token: `${body}.${signature}`,
  };
}

export function verifyChallenge(secret: string, token: string, answer: string, now: Date): boolean {
  const [body, signature] = token.split(".");
  if (!body || !signature) return false;
  const expected = createHmac("sha256", secret).update(body).digest("base64url");
  if (
    expected.length !== signature.length ||
    !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  ) {
    return false;
  }
  try {
    const { s, e } = JSON.parse(Buffer.from(body, "base64url").toString()) as { s: number; e: number };
    return e > now.getTime() && Number(normalizeDigits(answer.trim())) === s;
  } catch {
    return false;
  }
}
