import { createHmac } from "node:crypto";
import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "../db/client.js";
import { rateLimitCounters } from "../db/schema.js";

/**
 * Rate limits shared by every server process (CONVENTIONS §19): one maintained limiter
 * (rate-limiter-flexible) on one table in the application's own database, so a limit holds across
 * processes and restarts, and each consume is one atomic upsert (no read-then-write race).
 *
 * What is limited is stored only as a keyed hash: the table never holds an address or an e-mail,
 * and rows are pruned once their window has passed.
 */
export type LimitRule = {
  /** Attempts allowed in one window. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** Once the points are spent, how long the key stays refused (defaults to the rest of the window). */
  blockSeconds?: number;
};

export type LimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number };

export type RateLimit = {
  /** Spends points for a key; refused once the window's points are spent. */
  consume(key: string, points?: number): Promise<LimitDecision>;
  /** What is left for a key, spending nothing. */
  peek(key: string): Promise<LimitDecision>;
  /** Gives points back (e.g. an attempt spent up front that turned out to succeed). */
  reward(key: string, points?: number): Promise<void>;
  /** Forgets a key (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
};

export type RateLimits = {
  define(name: string, rule: LimitRule): RateLimit;
  /** Deletes counters whose window has ended; returns how many went. */
  prune(now?: Date): Promise<number>;
  /** Prunes on a timer until stopped (the timer never keeps the process alive). */
  startPruning(intervalMs?: number): { stop(): void };
};

export function createRateLimits({ db, secret }: { db: Database; secret: string }): RateLimits {
  const names = new Set<string>();
  const hashKey = (name: string, key: string) =>
    `${name}:${createHmac("sha256", secret).update(`${name}\u0000${key}`).digest("base64url").slice(0, 32)}`;

  async function prune(now = new Date()): Promise<number> {
    const removed = await db.system((tx) =>
      tx
        .delete(rateLimitCounters)
        .where(lt(rateLimitCounters.expire, now))
        .returning({ key: rateLimitCounters.key }),
    );
    return removed.length;
  }

  return {
    define(name, rule) {
      if (names.has(name)) throw new Error(`rate limit ${name} is defined twice`);
      names.add(name);
      const limiter = new RateLimiterDrizzle({
        storeClient: db.raw,
        schema: rateLimitCounters,
        keyPrefix: "",
        points: rule.points,
        duration: rule.windowSeconds,
        blockDuration: rule.blockSeconds ?? 0,
        // Pruning is ours (prune/startPruning), so tests and shutdown control it.
        clearExpiredByTimeout: false,
      });
      const refused = (res: RateLimiterRes): LimitDecision => ({
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      });
      return {
        async consume(key, points = 1) {
          try {
            const res = await limiter.consume(hashKey(name, key), points);
            return { allowed: true, remaining: res.remainingPoints };
          } catch (error) {
            if (error instanceof RateLimiterRes) return refused(error);
            throw error;
          }
        },
        async peek(key) {
          const res = await limiter.get(hashKey(name, key));
          if (!res || res.consumedPoints < rule.points) {
            return { allowed: true, remaining: res ? res.remainingPoints : rule.points };
          }
          return refused(res);
        },
        async reward(key, points = 1) {
          await limiter.reward(hashKey(name, key), points);
        },
        async reset(key) {
          await limiter.delete(hashKey(name, key));
        },
      };
    },
    prune,
    startPruning(intervalMs = 10 * 60_000) {
      const timer = setInterval(() => {
        prune().catch(() => {
          // A missed prune is retried at the next tick; counters past their window are ignored anyway.
        });
      }, intervalMs);
      timer.unref();
      return { stop: () => clearInterval(timer) };
    },
  };
}
