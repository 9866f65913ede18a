import type { LimitDecision, RateLimits } from "../../http/rate-limit.js";

/**
 * Sign-in throttling (ADR 0011). Every attempt spends a point up front on each key (so a parallel
 * burst cannot slip past a check-then-count), and a correct password gives them back, so only
 * failures stay counted:
 *
 * - `source`: one address, whatever the accounts: 20 failures in 15 minutes close it for 15 minutes.
 * - `pair`: one account from one address: after 5 failures that address waits a minute for that
 *   account; after 10 in an hour, an hour.
 * - `account`: one account from anywhere: 5 failures in 15 minutes (then 20 in an hour) put it under
 *   pressure for 1 minute (then an hour). Under pressure, only addresses that have already failed
 *   on it are refused: an attacker cannot lock the owner out, who signs in from an address that has
 *   not failed.
 *
 * The account key is the e-mail as typed (normalised), whether or not an account has it, so a
 * refusal says nothing about which addresses exist. An administrator's «unlock» forgets the
 * account's counters and moves it to a new epoch, which every address-and-account key includes:
 * the owner's own address is free again although the server never stored it.
 */
export const signInLimitRules = {
  source: { points: 20, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  pair: { points: 5, windowSeconds: 15 * 60, blockSeconds: 60 },
  pairHourly: { points: 10, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  account: { points: 5, windowSeconds: 15 * 60, blockSeconds: 60 },
  accountHourly: { points: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 },
  /** Codes of the second factor, per account: 5 wrong in 15 minutes close the step for 15 minutes. */
  secondFactor: { points: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Counts unlocks; lives longer than any address-and-account window, so old keys never return. */
  epoch: { points: 1_000_000, windowSeconds: 24 * 60 * 60 },
} as const;

export type SignInAttempt = { email: string; source: string };
export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createSignInLimits(limits: RateLimits) {
  const source = limits.define("sign-in.source", signInLimitRules.source);
  const pair = limits.define("sign-in.account-source", signInLimitRules.pair);
  const pairHourly = limits.define("sign-in.account-source-hourly", signInLimitRules.pairHourly);
  const epoch = limits.define("sign-in.account-epoch", signInLimitRules.epoch);
  const account = limits.define("sign-in.account", signInLimitRules.account);
  const accountHourly = limits.define("sign-in.account-hourly", signInLimitRules.accountHourly);
  const secondFactor = limits.define("sign-in.second-factor", signInLimitRules.secondFactor);

  const accountKey = (email: string) => email.trim().toLowerCase();
  const pairKey = async (attempt: SignInAttempt) => {
    const current = await epoch.peek(accountKey(attempt.email));
    const number = current.allowed ? signInLimitRules.epoch.points - current.remaining : 0;
    return `${accountKey(attempt.email)}\u0000${number}\u0000${attempt.source}`;
  };
  const longest = (decisions: LimitDecision[]): SignInGate => ({
    allowed: false,
    retryAfterSeconds: Math.max(...decisions.map((d) => (d.allowed ? 0 : d.retryAfterSeconds))),
  });

  return {
    /** Spends one attempt on every key; refused when the address or the address-and-account is spent. */
    async begin(attempt: SignInAttempt): Promise<SignInGate> {
      const bySource = await source.consume(attempt.source);
      if (!bySource.allowed) return longest([bySource]);
      const key = await pairKey(attempt);
      const byPair = [await pair.consume(key), await pairHourly.consume(key)];
      if (byPair.some((d) => !d.allowed)) return longest(byPair);
      const byAccount = [
        await account.consume(accountKey(attempt.email)),
        await accountHourly.consume(accountKey(attempt.email)),
      ];
      // Failures this address already made on this account, not counting the point just spent.
      const hourly = byPair[1]!;
      const failedHereBefore =
        hourly.allowed && signInLimitRules.pairHourly.points - hourly.remaining - 1 > 0;
      if (failedHereBefore && byAccount.some((d) => !d.allowed)) return longest(byAccount);
      return { allowed: true };
    },

    /** The password was right: the attempt is given back and this address starts afresh on the account. */
    async succeeded(attempt: SignInAttempt): Promise<void> {
      const key = await pairKey(attempt);
      await Promise.all([
        source.reward(attempt.source),
        pair.reset(key),
        pairHourly.reset(key),
        account.reward(accountKey(attempt.email)),
        accountHourly.reward(accountKey(attempt.email)),
      ]);
    },

    /** Spends one attempt at a second-factor code for this user. */
    async beginCode(userId: string): Promise<SignInGate> {
      const decision = await secondFactor.consume(userId);
      return decision.allowed ? { allowed: true } : longest([decision]);
    },

    async codeSucceeded(userId: string): Promise<void> {
      await secondFactor.reset(userId);
    },

    /** Whether the account is under pressure now (for the staff list); spends nothing. */
    async accountLimited(email: string): Promise<SignInGate> {
      const decisions = [await account.peek(accountKey(email)), await accountHourly.peek(accountKey(email))];
      return decisions.every((d) => d.allowed) ? { allowed: true } : longest(decisions);
    },

    /**
     * Forgets the account's counters (an administrator's «unlock»): the owner can try again at once,
     * from any address. An address's own counter (all accounts) stays.
     */
    async clearAccount(email: string, userId?: string): Promise<void> {
      await Promise.all([
        epoch.consume(accountKey(email)),
        account.reset(accountKey(email)),
        accountHourly.reset(accountKey(email)),
        ...(userId ? [secondFactor.reset(userId)] : []),
      ]);
    },
  };
}

export type SignInLimits = ReturnType<typeof createSignInLimits>;
