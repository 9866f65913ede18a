import { createHmac, randomBytes } from "node:crypto";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import { secondFactorRequired } from "../../../shared/domain/second-factor.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { UserRow, UsersService } from "../users/index.js";
import { authPolicy } from "./auth.policy.js";
import type { AuthRepository, SessionRow } from "./auth.repository.js";
import { checkCode, newRecoveryCodes, newTotpSecret, otpauthUri } from "./auth.second-factor.js";
import type { AuthSecrets } from "./auth.secrets.js";
import type { SignInAttempt, SignInGate, SignInLimits } from "./auth.sign-in-limits.js";

export type SessionSettings = { secret: string; ttlMinutes: number; idleMinutes: number };

/** How long the second step of a sign-in may wait for its code. */
export const challengeMinutes = 5;

export type SecondFactorState = { required: boolean; enrolled: boolean };

export type ResolvedSession =
  | { status: "open"; session: SessionRow; roles: StaffRole[]; secondFactor: SecondFactorState }
  | { status: "expired" }
  | { status: "none" };

export type OpenedSession = {
  token: string;
  session: SessionRow;
  user: UserRow;
  secondFactor: SecondFactorState;
};

export type SignInOutcome =
  | ({ step: "signed_in" } & OpenedSession)
  | { step: "choose_association"; associations: { id: string; name: string }[] }
  | { step: "second_factor"; challenge: string };

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Database;
  repo: AuthRepository;
  users: UsersService;
  associations: AssociationsService;
  audit: AuditService;
  clock: Clock;
  limits: SignInLimits;
  secrets: AuthSecrets;
  settings: SessionSettings;
}) {
  const { db, repo, users, associations, audit, clock, limits, secrets, settings } = deps;

  // The cookie carries a random token; the table keeps only its keyed hash.
  const hashToken = (token: string) => createHmac("sha256", settings.secret).update(token).digest("hex");

  function refuseWhenThrottled(gate: SignInGate): void {
    if (!gate.allowed) {
      throw new AppError("too_many_attempts", "sign-in throttled", {
        retryAfterSeconds: gate.retryAfterSeconds,
      });
    }
  }

  async function openSession(
    tx: Tx,
    user: UserRow,
    requestId: string,
  ): Promise<{ token: string; session: SessionRow }> {
    const now = clock.now();
    const token = randomBytes(32).toString("base64url");
    const session = await repo.insertSession(tx, {
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
      { userId: user.id, associationId: user.associationId, requestId },
      { type: "auth.signed_in", payload: {}, subject: { type: "session", id: session.id } },
    );
    return { token, session };
  }

  /** Audit events of a refused step are written in their own transaction: the refusal must not erase them. */
  async function recordCodeFailure(
    user: { userId: string; associationId: string },
    during: "sign_in" | "enrolment",
    requestId: string,
  ) {
    await db.tenant(user.associationId, (tx) =>
      audit.record(
        tx,
        { userId: user.userId, associationId: user.associationId, requestId },
        {
          type: "auth.second_factor_failed",
          payload: { during },
          subject: { type: "user", id: user.userId },
        },
      ),
    );
  }

  return {
    /**
     * The password step (ADR 0011). The same refusal for an unknown address and a wrong password,
     * after the same hashing work; throttled per address, per address-and-account, per account.
     */
    async signIn(input: {
      email: string;
      password: string;
      associationId?: string | undefined;
      source: string;
      requestId: string;
    }): Promise<SignInOutcome> {
      const attempt: SignInAttempt = { email: input.email, source: input.source };
      refuseWhenThrottled(await limits.begin(attempt));

      const matched = await db.system(async (tx) => {
        const check = await users.matchCredentials(tx, input.email, input.password);
        const opened = input.associationId
          ? check.matched.filter((user) => user.associationId === input.associationId)
          : check.matched;
        if (opened.length === 0) {
          for (const user of check.candidates) {
            await audit.record(
              tx,
              { userId: user.id, associationId: user.associationId, requestId: input.requestId },
              {
                type: "auth.sign_in_failed",
                payload: { reason: "bad_password" },
                subject: { type: "user", id: user.id },
              },
            );
          }
        }
        return opened;
      });
      if (matched.length === 0) throw new AppError("invalid_credentials", "sign-in refused");
      await limits.succeeded(attempt);

      // The password was right; an association the platform operator suspended is closed to its staff.
      const open: UserRow[] = [];
      for (const user of matched) {
        if (!(await associations.current({ associationId: user.associationId })).suspendedAt) open.push(user);
      }
      if (open.length === 0) throw new AppError("association_suspended", "association suspended");
      matched.splice(0, matched.length, ...open);

      if (matched.length > 1) {
        // Only associations where this very password opens an account are named.
        const choices = await Promise.all(
          matched.map(async (user) => {
            const association = await associations.current({ associationId: user.associationId });
            return { id: association.id, name: association.nameAr };
          }),
        );
        return { step: "choose_association", associations: choices };
      }

      const user = matched[0]!;
      const enrolled = await db.tenant(user.associationId, (tx) =>
        repo.hasConfirmedSecondFactor(tx, user.id),
      );
      if (enrolled) {
        const challenge = secrets.signChallenge({
          userId: user.id,
          associationId: user.associationId,
          expiresAt: clock.now().getTime() + challengeMinutes * 60_000,
        });
        return { step: "second_factor", challenge };
      }
      const opened = await db.tenant(user.associationId, (tx) => openSession(tx, user, input.requestId));
      return {
        step: "signed_in",
        ...opened,
        user,
        secondFactor: { required: secondFactorRequired(user.roles as StaffRole[]), enrolled: false },
      };
    },

    /** The second step: a code from the authenticator app, or a recovery code (spent on use). */
    async completeSecondFactor(input: {
      challenge: string;
      code: string;
      requestId: string;
    }): Promise<OpenedSession> {
      const now = clock.now();
      const claims = secrets.readChallenge(input.challenge);
      if (!claims || claims.expiresAt <= now.getTime()) {
        throw new AppError("session_expired", "sign-in challenge missing, forged or expired");
      }
      refuseWhenThrottled(await limits.beginCode(claims.userId));
      if ((await associations.current({ associationId: claims.associationId })).suspendedAt) {
        throw new AppError("association_suspended", "association suspended between the two steps");
      }

      const result = await db.tenant(claims.associationId, async (tx) => {
        const user = await users.lookup(tx, claims.userId);
        if (!user) return null;
        const check = await checkCode(
          tx,
          { repo, secrets },
          {
            userId: user.id,
            code: input.code,
            now,
            allowRecovery: true,
          },
        );
        if (!check.ok) return null;
        if (check.kind === "recovery") {
          await audit.record(
            tx,
            { userId: user.id, associationId: user.associationId, requestId: input.requestId },
            {
              type: "auth.recovery_code_used",
              payload: { remaining: check.remaining },
              subject: { type: "user", id: user.id },
            },
          );
        }
        return { user, ...(await openSession(tx, user, input.requestId)) };
      });
      if (!result) {
        await recordCodeFailure(claims, "sign_in", input.requestId);
        throw new AppError("invalid_second_factor", "second factor refused");
      }
      await limits.codeSucceeded(claims.userId);
      return {
        ...result,
        secondFactor: { required: secondFactorRequired(result.user.roles as StaffRole[]), enrolled: true },
      };
    },

    /** Absolute expiry and idle expiry both end a session; activity is recorded at most once a minute. */
    async resolve(token: string): Promise<ResolvedSession> {
      const now = clock.now();
      return db.system(async (tx) => {
        const found = await repo.findOpenSession(tx, hashToken(token));
        if (!found) return { status: "none" };
        const idleLimit = new Date(found.lastSeenAt.getTime() + settings.idleMinutes * 60_000);
        // A suspended association's sessions end at once (ADR 0024), whatever their age.
        if (!found.userActive || found.associationSuspended || found.expiresAt <= now || idleLimit <= now) {
          await repo.endSession(tx, found.id, now);
          return { status: "expired" };
        }
        if (now.getTime() - found.lastSeenAt.getTime() > 60_000) await repo.touchSession(tx, found.id, now);
        const { roles, userActive: _, associationSuspended: __, secondFactorEnrolled, ...session } = found;
        const staffRoles = roles as StaffRole[];
        return {
          status: "open",
          session,
          roles: staffRoles,
          secondFactor: { required: secondFactorRequired(staffRoles), enrolled: secondFactorEnrolled },
        };
      });
    },

    /**
     * For the users module, inside its tenant transaction: ends a user's sessions (all but `except`)
     * so a deactivation, a role change or a new password takes effect on the very next request.
     */
    async endSessionsOf(tx: Tx, userId: string, options: { except?: string } = {}): Promise<number> {
      return repo.endSessionsOfUser(tx, userId, clock.now(), options.except);
    },

    /** For the platform module, inside its transaction: a suspended association's sessions end. */
    async endSessionsOfAssociation(tx: Tx, associationId: string): Promise<number> {
      return repo.endSessionsOfAssociation(tx, associationId, clock.now());
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

    async secondFactorStatus(actor: Actor) {
      return db.tenant(actor.associationId, async (tx) => {
        const factor = await repo.findSecondFactor(tx, actor.userId);
        const confirmedAt = factor?.confirmedAt ?? null;
        return {
          required: secondFactorRequired(actor.roles),
          enrolled: confirmedAt !== null,
          enrolledAt: confirmedAt?.toISOString() ?? null,
          recoveryCodesLeft: confirmedAt ? await repo.countRecoveryCodesLeft(tx, actor.userId) : 0,
        };
      });
    },

    /** Step one of enrolment: a new secret for the app, kept encrypted until a code confirms it. */
    async startEnrolment(actor: Actor): Promise<{ secret: string; uri: string }> {
      // Read before the transaction: on the embedded database a second transaction inside the first would wait forever.
      const association = await associations.current(actor);
      return db.tenant(actor.associationId, async (tx) => {
        const user = await users.lookup(tx, actor.userId);
        if (!user) throw new AppError("not_found", "user not found");
        const secret = newTotpSecret();
        const row = await repo.upsertPendingSecondFactor(tx, {
          userId: user.id,
          associationId: user.associationId,
          secretCiphertext: secrets.encryptSecret(secret, user.id),
          createdAt: clock.now(),
        });
        if (!row) {
          throw new AppError("conflict", "second factor already enrolled", {
            fieldErrors: [
              {
                path: "secondFactor",
                code: "already_enrolled",
                message: {
                  ar: "التحقق بخطوتين مفعّل لحسابك من قبل.",
                  en: "Two-step verification is already on for your account.",
                },
              },
            ],
          });
        }
        await audit.record(tx, actor, {
          type: "auth.second_factor_started",
          payload: {},
          subject: { type: "user", id: user.id },
        });
        return { secret, uri: otpauthUri(secret, `${user.email} (${association.slug})`) };
      });
    },

    /**
     * Step two: the first code proves the app holds the secret. Recovery codes are made and shown
     * once; the session gains full rights, so its cookie and CSRF tokens are replaced.
     */
    async confirmEnrolment(
      actor: Actor,
      code: string,
    ): Promise<{ recoveryCodes: string[]; token: string; session: SessionRow; user: UserRow }> {
      refuseWhenThrottled(await limits.beginCode(actor.userId));
      const now = clock.now();
      const result = await db.tenant(actor.associationId, async (tx) => {
        const factor = await repo.findSecondFactor(tx, actor.userId);
        if (!factor) throw new AppError("not_found", "no enrolment started");
        if (factor.confirmedAt) throw new AppError("conflict", "second factor already enrolled");
        const check = await checkCode(
          tx,
          { repo, secrets },
          {
            userId: actor.userId,
            code,
            now,
            allowRecovery: false,
          },
        );
        if (!check.ok) return null;
        await repo.confirmSecondFactor(tx, actor.userId, now);
        const { codes, hashes } = newRecoveryCodes(secrets);
        await repo.replaceRecoveryCodes(
          tx,
          { userId: actor.userId, associationId: actor.associationId },
          hashes,
          now,
        );
        const token = randomBytes(32).toString("base64url");
        const session = await repo.rotateSession(tx, actor.sessionId, {
          tokenHash: hashToken(token),
          csrfToken: randomBytes(24).toString("base64url"),
          lastSeenAt: now,
        });
        await audit.record(tx, actor, {
          type: "auth.second_factor_enrolled",
          payload: { recoveryCodes: codes.length },
          subject: { type: "user", id: actor.userId },
        });
        const user = await users.lookup(tx, actor.userId);
        return { recoveryCodes: codes, token, session, user: user! };
      });
      if (!result) {
        await recordCodeFailure(actor, "enrolment", actor.requestId);
        throw new AppError("invalid_second_factor", "enrolment code refused", {
          fieldErrors: [
            {
              path: "code",
              code: "invalid_code",
              message: {
                ar: "الرمز غير صحيح. أدخل الرمز الظاهر الآن في التطبيق.",
                en: "The code is not correct. Enter the code the app shows now.",
              },
            },
          ],
        });
      }
      await limits.codeSucceeded(actor.userId);
      return result;
    },

    /**
     * An administrator removes a user's second factor (a lost phone): the secret and recovery codes
     * go, the user's open sessions end, and the next sign-in asks them to enrol again. Audited.
     */
    async resetSecondFactor(actor: Actor, userId: string): Promise<void> {
      authorize(actor, authPolicy, "resetSecondFactor");
      await db.tenant(actor.associationId, async (tx) => {
        const user = await users.lookup(tx, userId);
        if (!user) throw new AppError("not_found", "user not found");
        await repo.deleteSecondFactor(tx, userId);
        await repo.endSessionsOfUser(tx, userId, clock.now());
        await audit.record(tx, actor, {
          type: "auth.second_factor_reset",
          payload: {},
          subject: { type: "user", id: userId },
        });
      });
      await limits.codeSucceeded(userId);
    },

    /**
     * Forgets the sign-in throttling of one account (the administrator's «unlock», audited by the
     * caller): the owner may try again at once from any address. An address's own limit stays.
     */
    async clearSignInLimits(account: { email: string; userId?: string }): Promise<void> {
      await limits.clearAccount(account.email, account.userId);
    },

    /**
     * For the staff list: whether failed sign-ins currently slow this account (addresses that
     * failed on it are refused), and for how long. Null when it is not limited.
     */
    async signInLimitedFor(email: string): Promise<{ retryAfterSeconds: number } | null> {
      const gate = await limits.accountLimited(email);
      return gate.allowed ? null : { retryAfterSeconds: gate.retryAfterSeconds };
    },
  };
}
