import { AppError } from "../../http/errors.js";
import type { RateLimits } from "../../http/rate-limit.js";
import {
  checkProof,
  issueProofChallenge,
  type ProofCheck,
  proofKeys,
  proofLifetimeSeconds,
} from "./challenge.js";

/**
 * What stands between the open internet and an association's complaint register (ADR 0012).
 *
 * People behind one address (an office, a mobile carrier's NAT) must still get through, so the
 * per-address ceiling is generous and the real brake is the proof of work: it doubles for every
 * five challenges one address asks of one association within the hour, so a person pays about a
 * second and a flood pays more with each complaint. A per-association ceiling caps what many
 * addresses together can push into one register.
 */
export type PublicComplaintSettings = {
  /** Attempts the browser makes, at most, for the first challenges of an address (the base cost). */
  work: number;
  perAddressHourly: number;
  perAssociationHourly: number;
};

/** Challenges an address may ask of one association in an hour before it is refused outright. */
const challengeCeiling = 200;
/** Challenges at the base cost; then the cost doubles every `step` more, up to `maxDoublings`. */
const freeChallenges = 5;
const step = 5;
const maxDoublings = 6;

/** How many attempts the nth challenge of the hour may take, from the base work. */
export function workFor(nth: number, base: number): number {
  const doublings = Math.min(maxDoublings, Math.max(0, Math.ceil((nth - freeChallenges) / step)));
  return base * 2 ** doublings;
}

const proofMessages: Record<
  Exclude<ProofCheck, { ok: true }>["reason"] | "used",
  { ar: string; en: string }
> = {
  malformed: {
    ar: "لم يكتمل التحقق الآلي من المتصفح. أعد الإرسال.",
    en: "The browser check did not complete. Send again.",
  },
  forged: {
    ar: "لم يكتمل التحقق الآلي من المتصفح. أعد الإرسال.",
    en: "The browser check did not complete. Send again.",
  },
  unsolved: {
    ar: "لم يكتمل التحقق الآلي من المتصفح. أعد الإرسال.",
    en: "The browser check did not complete. Send again.",
  },
  elsewhere: {
    ar: "هذا التحقق لجمعية أخرى. حدّث الصفحة وأعد الإرسال.",
    en: "This check was made for another association. Reload the page and send again.",
  },
  expired: {
    ar: "انتهت صلاحية التحقق. أعد الإرسال وسيُجرى تحقق جديد.",
    en: "The check has expired. Send again and a new one will run.",
  },
  used: {
    ar: "استُخدم هذا التحقق من قبل. أعد الإرسال وسيُجرى تحقق جديد.",
    en: "This check was already used. Send again and a new one will run.",
  },
};

const proofError = (reason: keyof typeof proofMessages) =>
  new AppError("validation_failed", `altcha: ${reason}`, {
    fieldErrors: [{ path: "altcha", code: `challenge_${reason}`, message: proofMessages[reason] }],
  });

export function createPublicGuard(deps: {
  limits: RateLimits;
  secret: string;
  settings: PublicComplaintSettings;
}) {
  const keys = proofKeys(deps.secret);
  const { settings } = deps;
  const challenges = deps.limits.define("complaints.challenges", {
    points: challengeCeiling,
    windowSeconds: 3600,
  });
  // One point per challenge signature, kept as long as a challenge lives: a second use is refused.
  const usedProofs = deps.limits.define("complaints.proof-used", {
    points: 1,
    windowSeconds: proofLifetimeSeconds,
  });
  const perAddress = deps.limits.define("complaints.per-address", {
    points: settings.perAddressHourly,
    windowSeconds: 3600,
  });
  const perAssociation = deps.limits.define("complaints.per-association", {
    points: settings.perAssociationHourly,
    windowSeconds: 3600,
  });
  const flood = (retryAfterSeconds: number, what: string) =>
    new AppError("too_many_attempts", `public complaint flood: ${what}`, { retryAfterSeconds });
  const sourceKey = (associationId: string, address: string) => `${associationId}|${address}`;

  return {
    /** A challenge for this association, harder the more this address has asked for this hour. */
    async challengeFor(associationId: string, address: string, now: Date) {
      const issued = await challenges.consume(sourceKey(associationId, address));
      if (!issued.allowed) throw flood(issued.retryAfterSeconds, "challenges");
      const nth = challengeCeiling - issued.remaining;
      return issueProofChallenge({ keys, associationId, now, attempts: workFor(nth, settings.work) });
    },

    /** Accepts a solved challenge once, here, in time; then the hourly ceilings. Throws otherwise. */
    async admit(associationId: string, address: string, payload: string, now: Date) {
      const check = await checkProof({ keys, payload, associationId, now });
      if (!check.ok) throw proofError(check.reason);
      if (!(await usedProofs.consume(check.signature)).allowed) throw proofError("used");
      const fromAddress = await perAddress.consume(sourceKey(associationId, address));
      if (!fromAddress.allowed) throw flood(fromAddress.retryAfterSeconds, "address");
      const intoAssociation = await perAssociation.consume(associationId);
      if (!intoAssociation.allowed) throw flood(intoAssociation.retryAfterSeconds, "association");
    },
  };
}

export type PublicGuard = ReturnType<typeof createPublicGuard>;
