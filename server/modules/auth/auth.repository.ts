import { and, count, eq, gte, isNull, max, ne } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { sessions, signInAttempts, users } from "../../db/schema.js";

export type SessionRow = typeof sessions.$inferSelect;
export type SessionWithUser = SessionRow & { roles: string[]; userActive: boolean };
export type AuthRepository = ReturnType<typeof createAuthRepository>;

export function createAuthRepository() {
  return {
    async insertSession(tx: Tx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await tx.insert(sessions).values(values).returning();
      return row!;
    },

    /** Looked up before any tenant is known, so it runs in system scope; the user's roles come along. */
    async findOpenSession(tx: Tx, tokenHash: string): Promise<SessionWithUser | undefined> {
      const [row] = await tx
        .select({ session: sessions, roles: users.roles, userActive: users.active })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
      return row ? { ...row.session, roles: row.roles, userActive: row.userActive } : undefined;
    },

    async touchSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async endSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(sessions).set({ endedAt: at }).where(eq(sessions.id, id));
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

    async recordAttempt(tx: Tx, values: typeof signInAttempts.$inferInsert): Promise<void> {
      await tx.insert(signInAttempts).values(values);
    },

    async countFailuresFrom(tx: Tx, source: string, since: Date): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(signInAttempts)
        .where(
          and(
            eq(signInAttempts.source, source),
            eq(signInAttempts.succeeded, false),
            gte(signInAttempts.attemptedAt, since),
          ),
        );
      return row?.n ?? 0;
    },
  };
}
