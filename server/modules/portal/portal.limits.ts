import type { LimitDecision, RateLimits } from "../../http/rate-limit.js";

/**
 * The portal's limits on the shared limiter (ADR 0029). Every key is the association with the ID's
 * keyed hash, or the source address: the same whether the ID is registered or not, so a refusal
 * says nothing about who is. A wrong code also counts against its own row (five, then void).
 *
 * - asking for codes: 5 an hour per ID; 30 an hour per address (families and offices share one);
 * - trying codes: 10 wrong in 15 minutes per ID (then 15 minutes' wait); 30 in 15 minutes per address.
 */
export const portalLimitRules = {
  codePerId: { points: 5, windowSeconds: 60 * 60 },
  codePerSource: { points: 30, windowSeconds: 60 * 60 },
  tryPerId: { points: 10, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  tryPerSource: { points: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
} as const;

export type PortalGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createPortalLimits(limits: RateLimits) {
  const codePerId = limits.define("portal.code-per-id", portalLimitRules.codePerId);
  const codePerSource = limits.define("portal.code-per-source", portalLimitRules.codePerSource);
  const tryPerId = limits.define("portal.try-per-id", portalLimitRules.tryPerId);
  const tryPerSource = limits.define("portal.try-per-source", portalLimitRules.tryPerSource);

  const gate = (decisions: LimitDecision[]): PortalGate =>
    decisions.every((d) => d.allowed)
      ? { allowed: true }
      : {
          allowed: false,
          retryAfterSeconds: Math.max(...decisions.map((d) => (d.allowed ? 0 : d.retryAfterSeconds))),
        };

  return {
    /** Spends one code request on the address, then on the ID. */
    async beginCode(idKey: string, source: string): Promise<PortalGate> {
      const bySource = await codePerSource.consume(source);
      if (!bySource.allowed) return gate([bySource]);
      return gate([await codePerId.consume(idKey)]);
    },

    /** Spends one try up front (a parallel burst cannot slip past); a right code gives it back. */
    async beginTry(idKey: string, source: string): Promise<PortalGate> {
      const bySource = await tryPerSource.consume(source);
      if (!bySource.allowed) return gate([bySource]);
      return gate([await tryPerId.consume(idKey)]);
    },

    async trySucceeded(idKey: string, source: string): Promise<void> {
      await Promise.all([tryPerSource.reward(source), tryPerId.reset(idKey)]);
    },
  };
}

export type PortalLimits = ReturnType<typeof createPortalLimits>;
