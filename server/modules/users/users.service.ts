import type { Locale } from "../../../shared/contracts/auth.js";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import type { CreateUserRequest } from "../../../shared/contracts/users.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
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

export type UsersService = ReturnType<typeof createUsersService>;

export function createUsersService(deps: {
  db: Database;
  repo: UsersRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, audit, clock } = deps;

  async function insertUser(tx: Tx, associationId: string, input: CreateUserRequest): Promise<UserRow> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await repo.insert(tx, {
        associationId,
        email: input.email,
        fullName: input.fullName,
        passwordHash,
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

  return {
    async create(actor: Actor, input: CreateUserRequest): Promise<UserRow> {
      authorize(actor, usersPolicy, "create");
      return db.tenant(actor.associationId, async (tx) => {
        const user = await insertUser(tx, actor.associationId, input);
        await audit.record(tx, actor, {
          type: "user.created",
          payload: { roles: user.roles as StaffRole[] },
          subject: { type: "user", id: user.id },
        });
        return user;
      });
    },

    /** For the command line and the demo seed, where no one is signed in yet. */
    async createBySystem(associationId: string, input: CreateUserRequest): Promise<UserRow> {
      return db.tenant(associationId, async (tx) => {
        const user = await insertUser(tx, associationId, input);
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

    async list(actor: Actor): Promise<UserRow[]> {
      authorize(actor, usersPolicy, "list");
      return db.tenant(actor.associationId, (tx) => repo.list(tx, actor.associationId));
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
  };
}
