import { randomInt } from "node:crypto";
import type { Locale } from "../../../shared/contracts/auth.js";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import type { ChangeOwnPasswordRequest, CreateUserRequest } from "../../../shared/contracts/users.js";
import {
  judgePassword,
  passwordWeaknessMessages,
  personalWords,
} from "../../../shared/domain/password-strength.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import { decoyHash, hashPassword, verifyPassword } from "./password.js";
import { usersPolicy } from "./users.policy.js";
import type { UserRow, UsersRepository } from "./users.repository.js";

/**
 * How many accounts sharing one address a sign-in checks the password against (ADR 0011). An
 * address is unique per association, so a person may hold it in several; past this many, the
 * oldest accounts are the ones tried, so one guess never costs the server unbounded hashing.
 */
export const signInCandidatesLimit = 5;

/** The accounts an e-mail and password open: none, one, or several (one per association). */
export type CredentialCheck = { candidates: UserRow[]; matched: UserRow[] };

/**
 * What the users module needs from the sessions, which the auth module owns. The auth module is
 * built after this one (it signs users in through this service), so app.ts passes closures.
 */
export type StaffSessions = {
  endSessionsOf(tx: Tx, userId: string, options?: { except?: string }): Promise<number>;
  lastSignIns(tx: Tx): Promise<Map<string, Date>>;
  /** The administrator's «unlock»: forgets the throttling of the account's failed sign-ins. */
  clearSignInLimits(account: { email: string; userId: string }): Promise<void>;
  /** Whether failed sign-ins currently slow the account, and for how long. */
  signInLimitedFor(email: string): Promise<{ retryAfterSeconds: number } | null>;
};

export type StaffAccount = { user: UserRow; lastSignInAt: Date | null; signInLimitedUntil: Date | null };

export type UsersService = ReturnType<typeof createUsersService>;

// No 0/O, 1/l/I: a temporary password is read aloud or copied by hand from the screen.
const temporaryAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Four groups of four: about 92 bits, far beyond any guessing, and easy to type once. */
function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => temporaryAlphabet[randomInt(temporaryAlphabet.length)]);
  return Array.from({ length: 4 }, () => group().join("")).join("-");
}

export function createUsersService(deps: {
  db: Database;
  repo: UsersRepository;
  audit: AuditService;
  associations: AssociationsService;
  sessions: StaffSessions;
  clock: Clock;
}) {
  const { db, repo, audit, associations, sessions, clock } = deps;

  /** Refuses a guessable password with a field error the form shows beside `path`. */
  async function assertStrongPassword(
    associationId: string,
    password: string,
    person: { email: string; fullName: string },
    path: string,
  ): Promise<void> {
    const association = await associations.current({ associationId });
    const words = personalWords({
      ...person,
      association: [association.slug, association.nameAr, association.nameEn ?? ""],
    });
    const verdict = judgePassword(password, words);
    if (verdict.acceptable) return;
    throw new AppError("validation_failed", `weak password (${verdict.weakness})`, {
      fieldErrors: [{ path, code: "password_weak", message: passwordWeaknessMessages[verdict.weakness] }],
    });
  }

  async function insertUser(
    tx: Tx,
    associationId: string,
    input: Omit<CreateUserRequest, "roles"> & { roles: StaffRole[] },
    passwordHash: string,
    passwordChangeRequired: boolean,
  ): Promise<UserRow> {
    try {
      return await repo.insert(tx, {
        associationId,
        email: input.email,
        fullName: input.fullName,
        passwordHash,
        passwordChangeRequired,
        roles: [...new Set(input.roles)],
        locale: input.locale,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError("conflict", "e-mail already registered", {
        fieldErrors: [
          {
            path: "email",
            code: "email_taken",
            message: {
              ar: "هذا البريد الإلكتروني مسجّل لمستخدم آخر.",
              en: "This e-mail belongs to another user.",
            },
          },
        ],
      });
    }
  }

  /** The staff member being administered, in the actor's association (RLS hides every other). */
  async function target(tx: Tx, userId: string): Promise<UserRow> {
    const user = await repo.findById(tx, userId);
    if (!user) throw new AppError("not_found", "user not found");
    return user;
  }

  /**
   * The association keeps at least one active administrator. The administrators' rows are locked
   * first, so two administrators demoting each other at the same moment cannot both succeed.
   */
  async function assertAnotherAdministrator(tx: Tx, userId: string): Promise<void> {
    const administrators = await repo.lockActiveWithRole(tx, "administrator");
    if (!administrators.some((user) => user.id !== userId)) {
      throw new AppError("last_administrator", "would leave the association without an administrator");
    }
  }

  function refuseOwnAccount(actor: Actor, userId: string, what: string): void {
    if (actor.userId === userId) throw new AppError("own_account", `may not ${what} own account`);
  }

  async function update(tx: Tx, id: string, changes: Parameters<UsersRepository["update"]>[2]) {
    const user = await repo.update(tx, id, { ...changes, updatedAt: clock.now() });
    if (!user) throw new AppError("not_found", "user not found");
    return user;
  }

  return {
    /**
     * An administrator creates an account with a first password they chose, so it is temporary:
     * the person replaces it at their first sign-in.
     */
    async create(actor: Actor, input: CreateUserRequest): Promise<UserRow> {
      authorize(actor, usersPolicy, "create");
      await assertStrongPassword(actor.associationId, input.password, input, "password");
      const passwordHash = await hashPassword(input.password);
      return db.tenant(actor.associationId, async (tx) => {
        const user = await insertUser(tx, actor.associationId, input, passwordHash, true);
        await audit.record(tx, actor, {
          type: "user.created",
          payload: { roles: user.roles as StaffRole[] },
          subject: { type: "user", id: user.id },
        });
        return user;
      });
    },

    /**
     * For the command line, where an operator opens the first account and hands it over: the
     * password is checked like any other. Only the demo seed passes `acceptWeakPassword`, because
     * its password is published in README and so protects nothing whatever its strength.
     */
    async createBySystem(
      associationId: string,
      input: Omit<CreateUserRequest, "roles"> & { roles: StaffRole[] },
      options: { acceptWeakPassword?: boolean } = {},
    ): Promise<UserRow> {
      if (!options.acceptWeakPassword) {
        await assertStrongPassword(associationId, input.password, input, "password");
      }
      const passwordHash = await hashPassword(input.password);
      return db.tenant(associationId, async (tx) => {
        const user = await insertUser(tx, associationId, input, passwordHash, false);
        await audit.record(
          tx,
          { system: true, associationId },
          {
            type: "user.created",
            payload: { roles: user.roles as StaffRole[] },
            subject: { type: "user", id: user.id },
          },
        );
        return user;
      });
    },

    /**
     * The first administrator of an association the platform operator opens (ADR 0024), inside the
     * operator's transaction: a generated temporary password, returned once, replaced at first sign-in.
     */
    async insertFirstAdministrator(
      tx: Tx,
      associationId: string,
      person: { fullName: string; email: string },
    ): Promise<{ user: UserRow; temporaryPassword: string }> {
      const temporaryPassword = generateTemporaryPassword();
      const user = await insertUser(
        tx,
        associationId,
        { ...person, password: temporaryPassword, roles: ["administrator"], locale: "ar" },
        await hashPassword(temporaryPassword),
        true,
      );
      await audit.record(
        tx,
        { system: true, associationId },
        {
          type: "user.created",
          payload: { roles: ["administrator"] },
          subject: { type: "user", id: user.id },
        },
      );
      return { user, temporaryPassword };
    },

    async list(actor: Actor): Promise<UserRow[]> {
      authorize(actor, usersPolicy, "list");
      return db.tenant(actor.associationId, (tx) => repo.list(tx, actor.associationId));
    },

    /** The staff accounts page: every account with its last sign-in. */
    async accounts(actor: Actor): Promise<StaffAccount[]> {
      authorize(actor, usersPolicy, "list");
      const { rows, signIns } = await db.tenant(actor.associationId, async (tx) => ({
        rows: await repo.list(tx, actor.associationId),
        signIns: await sessions.lastSignIns(tx),
      }));
      // The limits live on their own connection: read them after the transaction has ended (the
      // embedded database has one connection, which the transaction would hold).
      const now = clock.now().getTime();
      const accounts: StaffAccount[] = [];
      for (const user of rows) {
        const limited = await sessions.signInLimitedFor(user.email);
        accounts.push({
          user,
          lastSignInAt: signIns.get(user.id) ?? null,
          signInLimitedUntil: limited ? new Date(now + limited.retryAfterSeconds * 1000) : null,
        });
      }
      return accounts;
    },

    async changeRoles(actor: Actor, userId: string, roles: StaffRole[]): Promise<UserRow> {
      authorize(actor, usersPolicy, "administer");
      return db.tenant(actor.associationId, async (tx) => {
        const before = await target(tx, userId);
        const next = [...new Set(roles)];
        if (before.roles.includes("administrator") && !next.includes("administrator") && before.active) {
          await assertAnotherAdministrator(tx, userId);
        }
        const user = await update(tx, userId, { roles: next });
        // Roles are read afresh on every request, but the sessions end too: whatever the person
        // had open under the old roles (a form, a downloaded list) starts again from sign-in.
        const sessionsEnded = await sessions.endSessionsOf(
          tx,
          userId,
          actor.userId === userId ? { except: actor.sessionId } : {},
        );
        await audit.record(tx, actor, {
          type: "user.roles_changed",
          payload: { roles: next, previous: before.roles as StaffRole[], sessionsEnded },
          subject: { type: "user", id: userId },
        });
        return user;
      });
    },

    async deactivate(actor: Actor, userId: string): Promise<UserRow> {
      authorize(actor, usersPolicy, "administer");
      refuseOwnAccount(actor, userId, "deactivate");
      return db.tenant(actor.associationId, async (tx) => {
        const before = await target(tx, userId);
        if (before.roles.includes("administrator") && before.active) {
          await assertAnotherAdministrator(tx, userId);
        }
        const user = await update(tx, userId, { active: false });
        const sessionsEnded = await sessions.endSessionsOf(tx, userId);
        await audit.record(tx, actor, {
          type: "user.deactivated",
          payload: { sessionsEnded },
          subject: { type: "user", id: userId },
        });
        return user;
      });
    },

    async reactivate(actor: Actor, userId: string): Promise<UserRow> {
      authorize(actor, usersPolicy, "administer");
      return db.tenant(actor.associationId, async (tx) => {
        await target(tx, userId);
        const user = await update(tx, userId, { active: true });
        await audit.record(tx, actor, {
          type: "user.reactivated",
          payload: {},
          subject: { type: "user", id: userId },
        });
        return user;
      });
    },

    /**
     * Sets a temporary password (typed by the administrator, or generated and returned once), ends
     * the person's sessions, and makes them choose their own at the next sign-in. Resetting also
     * lifts a lockout: the person was locked out of a password that no longer exists.
     */
    async resetPassword(
      actor: Actor,
      userId: string,
      typed: string | undefined,
    ): Promise<{ user: UserRow; temporaryPassword: string | null }> {
      authorize(actor, usersPolicy, "administer");
      refuseOwnAccount(actor, userId, "reset the password of");
      const person = await db.tenant(actor.associationId, (tx) => target(tx, userId));
      const password = typed ?? generateTemporaryPassword();
      if (typed !== undefined) await assertStrongPassword(actor.associationId, typed, person, "password");
      const passwordHash = await hashPassword(password);
      const result = await db.tenant(actor.associationId, async (tx) => {
        const user = await update(tx, userId, { passwordHash, passwordChangeRequired: true });
        const sessionsEnded = await sessions.endSessionsOf(tx, userId);
        await audit.record(tx, actor, {
          type: "user.password_reset",
          payload: { generated: typed === undefined, sessionsEnded },
          subject: { type: "user", id: userId },
        });
        return { user, temporaryPassword: typed === undefined ? password : null };
      });
      // A reset also lifts the throttling of failed sign-ins: the person is about to sign in anew.
      await sessions.clearSignInLimits({ email: result.user.email, userId });
      return result;
    },

    async unlock(actor: Actor, userId: string): Promise<UserRow> {
      authorize(actor, usersPolicy, "administer");
      const user = await db.tenant(actor.associationId, async (tx) => {
        const person = await target(tx, userId);
        await audit.record(tx, actor, {
          type: "user.unlocked",
          payload: {},
          subject: { type: "user", id: userId },
        });
        return person;
      });
      await sessions.clearSignInLimits({ email: user.email, userId });
      return user;
    },

    /** Signs the person out everywhere (a lost phone, a shared computer left signed in). */
    async endSessions(actor: Actor, userId: string): Promise<UserRow> {
      authorize(actor, usersPolicy, "administer");
      return db.tenant(actor.associationId, async (tx) => {
        const user = await target(tx, userId);
        const sessionsEnded = await sessions.endSessionsOf(tx, userId);
        await audit.record(tx, actor, {
          type: "user.sessions_ended",
          payload: { sessionsEnded },
          subject: { type: "user", id: userId },
        });
        return user;
      });
    },

    /**
     * «حسابي»: anyone changes their own password by proving the current one; every other session
     * of theirs ends, this one stays.
     */
    async changeOwnPassword(actor: Actor, input: ChangeOwnPasswordRequest): Promise<UserRow> {
      const me = await db.tenant(actor.associationId, (tx) => target(tx, actor.userId));
      if (!(await verifyPassword(me.passwordHash, input.currentPassword))) {
        throw new AppError("validation_failed", "current password is wrong", {
          fieldErrors: [
            {
              path: "currentPassword",
              code: "wrong_password",
              message: { ar: "كلمة المرور الحالية غير صحيحة.", en: "The current password is not correct." },
            },
          ],
        });
      }
      if (input.newPassword === input.currentPassword) {
        throw new AppError("validation_failed", "new password equals the current one", {
          fieldErrors: [
            {
              path: "newPassword",
              code: "password_unchanged",
              message: {
                ar: "اختر كلمة مرور جديدة تختلف عن الحالية.",
                en: "Choose a new password different from the current one.",
              },
            },
          ],
        });
      }
      await assertStrongPassword(actor.associationId, input.newPassword, me, "newPassword");
      const passwordHash = await hashPassword(input.newPassword);
      return db.tenant(actor.associationId, async (tx) => {
        const user = await update(tx, actor.userId, { passwordHash, passwordChangeRequired: false });
        const sessionsEnded = await sessions.endSessionsOf(tx, actor.userId, { except: actor.sessionId });
        await audit.record(tx, actor, {
          type: "user.password_changed",
          payload: { sessionsEnded },
          subject: { type: "user", id: actor.userId },
        });
        return user;
      });
    },

    async get(actor: Pick<Actor, "associationId" | "userId">): Promise<UserRow> {
      const user = await db.tenant(actor.associationId, (tx) => repo.findById(tx, actor.userId));
      if (!user) throw new AppError("not_found", "user not found");
      return user;
    },

    /** For other modules, inside their tenant transaction: a staff member of this association, if any. */
    async lookup(tx: Tx, userId: string): Promise<UserRow | undefined> {
      const user = await repo.findById(tx, userId);
      return user?.active ? user : undefined;
    },

    /** For other modules, inside their tenant transaction: every active staff member of the association. */
    async activeStaff(tx: Tx, associationId: string): Promise<UserRow[]> {
      return (await repo.list(tx, associationId)).filter((u) => u.active);
    },

    /** For other modules, inside their tenant transaction: the active staff holding a role. */
    async withRole(tx: Tx, role: StaffRole): Promise<UserRow[]> {
      return repo.withRole(tx, role);
    },

    async setLocale(actor: Actor, locale: Locale): Promise<UserRow> {
      return db.tenant(actor.associationId, async (tx) => {
        const user = await repo.update(tx, actor.userId, { locale, updatedAt: clock.now() });
        if (!user) throw new AppError("not_found", "user not found");
        await audit.record(tx, actor, {
          type: "user.locale_changed",
          payload: { locale },
          subject: { type: "user", id: user.id },
        });
        return user;
      });
    },

    /**
     * Checks an e-mail and password against every active account holding the address, inside the
     * caller's system transaction. An unknown address is checked against a decoy hash, and the
     * candidates are hashed in parallel, so the answer takes about as long either way.
     */
    async matchCredentials(tx: Tx, email: string, password: string): Promise<CredentialCheck> {
      const candidates = await repo.findActiveByEmail(tx, email, signInCandidatesLimit);
      if (candidates.length === 0) {
        await verifyPassword(await decoyHash(), password);
        return { candidates, matched: [] };
      }
      const results = await Promise.all(
        candidates.map((user) => verifyPassword(user.passwordHash, password)),
      );
      return { candidates, matched: candidates.filter((_, index) => results[index]) };
    },

    /** Whether the signed-in person still holds a temporary password (read on every request). */
    async passwordChangeRequired(actor: Pick<Actor, "associationId" | "userId">): Promise<boolean> {
      const user = await db.tenant(actor.associationId, (tx) => repo.findById(tx, actor.userId));
      return user?.passwordChangeRequired ?? false;
    },
  };
}
