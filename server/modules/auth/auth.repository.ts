import { and, count, eq, isNotNull, isNull, lt, max, ne, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { associations, recoveryCodes, secondFactors, sessions, users } from "../../db/schema.js";

export type SessionRow = typeof sessions.$inferSelect;
export type SessionWithUser = SessionRow & {
  roles: string[];
  userActive: boolean;
  secondFactorEnrolled: boolean;
  associationSuspended: boolean;
};
export type SecondFactorRow = typeof secondFactors.$inferSelect;
export type AuthRepository = ReturnType<typeof createAuthRepository>;

export function createAuthRepository() {
  return {
    async insertSession(tx: Tx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await tx.insert(sessions).values(values).returning();
      return row!;
    },

    /**
     * Looked up before any tenant is known, so it runs in system scope; the user's roles and
     * whether they have a confirmed second factor come along.
     */
    async findOpenSession(tx: Tx, tokenHash: string): Promise<SessionWithUser | undefined> {
      const [row] = await tx
        .select({
          session: sessions,
          roles: users.roles,
          userActive: users.active,
          secondFactorEnrolled: sql<boolean>`${secondFactors.confirmedAt} is not null`,
          associationSuspended: sql<boolean>`${associations.suspendedAt} is not null`,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(associations, eq(associations.id, sessions.associationId))
        .leftJoin(secondFactors, eq(secondFactors.userId, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
      return row
        ? {
            ...row.session,
            roles: row.roles,
            userActive: row.userActive,
            secondFactorEnrolled: Boolean(row.secondFactorEnrolled),
            associationSuspended: Boolean(row.associationSuspended),
          }
        : undefined;
    },

    async touchSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async endSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(sessions).set({ endedAt: at }).where(eq(sessions.id, id));
    },

    /** Ends every open session of an association (it is being suspended); returns how many ended. */
    async endSessionsOfAssociation(tx: Tx, associationId: string, at: Date): Promise<number> {
      const ended = await tx
        .update(sessions)
        .set({ endedAt: at })
        .where(and(eq(sessions.associationId, associationId), isNull(sessions.endedAt)))
        .returning({ id: sessions.id });
      return ended.length;
    },

    /** Ends every open session of a user but `except`; returns how many ended. */
    async endSessionsOfUser(tx: Tx, userId: string, at: Date, except?: string): Promise<number> {
      const ended = await tx
        .update(sessions)
        .set({ endedAt: at })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.endedAt),
            except ? ne(sessions.id, except) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      return ended.length;
    },

    /** When each user of the transaction's association last opened a session. */
    async lastSessionStarts(tx: Tx): Promise<{ userId: string; at: Date | null }[]> {
      return tx
        .select({ userId: sessions.userId, at: max(sessions.createdAt) })
        .from(sessions)
        .groupBy(sessions.userId);
    },

    /** A new cookie token and CSRF token for the same session, when it gains a privilege. */
    async rotateSession(
      tx: Tx,
      id: string,
      values: { tokenHash: string; csrfToken: string; lastSeenAt: Date },
    ): Promise<SessionRow> {
      const [row] = await tx.update(sessions).set(values).where(eq(sessions.id, id)).returning();
      return row!;
    },

    async findSecondFactor(tx: Tx, userId: string): Promise<SecondFactorRow | undefined> {
      const [row] = await tx.select().from(secondFactors).where(eq(secondFactors.userId, userId));
      return row;
    },

    /** Starts (or restarts) an enrolment: a new secret, not yet confirmed. Never replaces a confirmed one. */
    async upsertPendingSecondFactor(
      tx: Tx,
      values: { userId: string; associationId: string; secretCiphertext: string; createdAt: Date },
    ): Promise<SecondFactorRow | undefined> {
      const [row] = await tx
        .insert(secondFactors)
        .values(values)
        .onConflictDoUpdate({
          target: secondFactors.userId,
          set: { secretCiphertext: values.secretCiphertext, createdAt: values.createdAt, lastUsedStep: null },
          setWhere: isNull(secondFactors.confirmedAt),
        })
        .returning();
      return row;
    },

    async confirmSecondFactor(tx: Tx, userId: string, at: Date): Promise<void> {
      await tx.update(secondFactors).set({ confirmedAt: at }).where(eq(secondFactors.userId, userId));
    },

    /**
     * Records a time-step as used, only if it is later than the last one used: one conditional
     * update, so two requests racing with the same code cannot both win.
     */
    async claimStep(tx: Tx, userId: string, step: number): Promise<boolean> {
      const claimed = await tx
        .update(secondFactors)
        .set({ lastUsedStep: step })
        .where(
          and(
            eq(secondFactors.userId, userId),
            or(isNull(secondFactors.lastUsedStep), lt(secondFactors.lastUsedStep, step)),
          ),
        )
        .returning({ userId: secondFactors.userId });
      return claimed.length === 1;
    },

    async deleteSecondFactor(tx: Tx, userId: string): Promise<boolean> {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      const removed = await tx
        .delete(secondFactors)
        .where(eq(secondFactors.userId, userId))
        .returning({ userId: secondFactors.userId });
      return removed.length === 1;
    },

    async replaceRecoveryCodes(
      tx: Tx,
      owner: { userId: string; associationId: string },
      hashes: string[],
      at: Date,
    ): Promise<void> {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, owner.userId));
      await tx
        .insert(recoveryCodes)
        .values(hashes.map((codeHash) => ({ ...owner, codeHash, createdAt: at })));
    },

    /** Spends a recovery code: one conditional update, so a code opens one sign-in only. */
    async spendRecoveryCode(tx: Tx, userId: string, codeHash: string, at: Date): Promise<boolean> {
      const used = await tx
        .update(recoveryCodes)
        .set({ usedAt: at })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            eq(recoveryCodes.codeHash, codeHash),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      return used.length === 1;
    },

    async countRecoveryCodesLeft(tx: Tx, userId: string): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },

    async hasConfirmedSecondFactor(tx: Tx, userId: string): Promise<boolean> {
      const [row] = await tx
        .select({ userId: secondFactors.userId })
        .from(secondFactors)
        .where(and(eq(secondFactors.userId, userId), isNotNull(secondFactors.confirmedAt)));
      return Boolean(row);
    },
  };
}
