import { createHmac, randomBytes } from "node:crypto";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import type { AuditService } from "../audit/index.js";
import type { UserRow, UsersService } from "../users/index.js";
import type { AuthRepository, SessionRow } from "./auth.repository.js";

export type SessionSettings = { secret: string; ttlMinutes: number; idleMinutes: number };

/** Failures allowed from one source in the window before sign-in is slowed down for everyone there. */
export const signInThrottle = { maxFailures: 20, windowMinutes: 15 } as const;

export type ResolvedSession =
  | { status: "open"; session: SessionRow; roles: StaffRole[] }
  | { status: "expired" }
  | { status: "none" };

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Database;
  repo: AuthRepository;
  users: UsersService;
  audit: AuditService;
  clock: Clock;
  settings: SessionSettings;
}) {
  const { db, repo, users, audit, clock, settings } = deps;

  // The cookie carries a random token; the table keeps only its keyed hash.
  const hashToken = (token: string) => createHmac("sha256", settings.secret).update(token).digest("hex");
  const emailKey = (email: string) =>
    createHmac("sha256", settings.secret).update(email.toLowerCase()).digest("hex");

  return {
    async signIn(input: {
      email: string;
      password: string;
      source: string;
      requestId: string;
    }): Promise<{ token: string; session: SessionRow; user: UserRow }> {
      const now = clock.now();
      const since = new Date(now.getTime() - signInThrottle.windowMinutes * 60_000);
      const failures = await db.system((tx) => repo.countFailuresFrom(tx, input.source, since));
      if (failures >= signInThrottle.maxFailures) {
        throw new AppError("too_many_attempts", `sign-in throttled for source`, {
          retryAfterSeconds: signInThrottle.windowMinutes * 60,
        });
      }

      const check = await db.system(async (tx) => {
        const result = await users.verifyCredentials(tx, input.email, input.password);
        await repo.recordAttempt(tx, {
          source: input.source,
          emailKey: emailKey(input.email),
          succeeded: result.ok,
          attemptedAt: now,
        });
        if (!result.ok && result.reason !== "unknown_user") {
          const source = {
            userId: result.user.id,
            associationId: result.user.associationId,
            requestId: input.requestId,
          };
          const subject = { type: "user", id: result.user.id };
          await audit.record(tx, source, {
            type: "auth.sign_in_failed",
            payload: { reason: result.reason },
            subject,
          });
          if (result.reason === "bad_password" && result.lockedUntil) {
            await audit.record(tx, source, {
              type: "auth.account_locked",
              payload: { until: result.lockedUntil.toISOString() },
              subject,
            });
          }
        }
        return result;
      });

      if (!check.ok) {
        if (check.reason === "locked" || (check.reason === "bad_password" && check.lockedUntil)) {
          const until = check.reason === "locked" ? check.lockedUntil : check.lockedUntil!;
          throw new AppError("account_locked", "account locked", {
            retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)),
          });
        }
        throw new AppError("invalid_credentials", `sign-in refused: ${check.reason}`);
      }

      const user = check.user;
      const token = randomBytes(32).toString("base64url");
      const session = await db.tenant(user.associationId, async (tx) => {
        const created = await repo.insertSession(tx, {
          associationId: user.associationId,
          userId: user.id,
          tokenHash: hashToken(token),
          csrfToken: randomBytes(24).toString("base64url"),
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + settings.ttlMinutes * 60_000),
        });
        await audit.record(
          tx,
          { userId: user.id, associationId: user.associationId, requestId: input.requestId },
          { type: "auth.signed_in", payload: {}, subject: { type: "session", id: created.id } },
        );
        return created;
      });
      return { token, session, user };
    },

    /** Absolute expiry and idle expiry both end a session; activity is recorded at most once a minute. */
    async resolve(token: string): Promise<ResolvedSession> {
      const now = clock.now();
      return db.system(async (tx) => {
        const found = await repo.findOpenSession(tx, hashToken(token));
        if (!found) return { status: "none" };
        const idleLimit = new Date(found.lastSeenAt.getTime() + settings.idleMinutes * 60_000);
        if (!found.userActive || found.expiresAt <= now || idleLimit <= now) {
          await repo.endSession(tx, found.id, now);
          return { status: "expired" };
        }
        if (now.getTime() - found.lastSeenAt.getTime() > 60_000) await repo.touchSession(tx, found.id, now);
        const { roles, userActive: _, ...session } = found;
        return { status: "open", session, roles: roles as StaffRole[] };
      });
    },

    /**
     * For the users module, inside its tenant transaction: ends a user's sessions (all but `except`)
     * so a deactivation, a role change or a new password takes effect on the very next request.
     */
    async endSessionsOf(tx: Tx, userId: string, options: { except?: string } = {}): Promise<number> {
      return repo.endSessionsOfUser(tx, userId, clock.now(), options.except);
    },

    /** For the users module, inside its tenant transaction: each staff member's latest sign-in. */
    async lastSignIns(tx: Tx): Promise<Map<string, Date>> {
      const rows = await repo.lastSessionStarts(tx);
      return new Map(rows.flatMap((row) => (row.at ? [[row.userId, row.at] as const] : [])));
    },

    async signOut(actor: Actor): Promise<void> {
      await db.tenant(actor.associationId, async (tx) => {
        await repo.endSession(tx, actor.sessionId, clock.now());
        await audit.record(tx, actor, {
          type: "auth.signed_out",
          payload: {},
          subject: { type: "session", id: actor.sessionId },
        });
      });
    },
  };
}
