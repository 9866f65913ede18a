import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { associations, beneficiaries, portalCodes, portalSessions } from "../../db/schema.js";

export type PortalCodeRow = typeof portalCodes.$inferSelect;
export type PortalSessionRow = typeof portalSessions.$inferSelect;
export type PortalRepository = ReturnType<typeof createPortalRepository>;

/** All SQL of the portal: its codes and its sessions. Every method takes the caller's transaction. */
export function createPortalRepository() {
  return {
    async insertCode(tx: Tx, values: typeof portalCodes.$inferInsert): Promise<PortalCodeRow> {
      const [row] = await tx.insert(portalCodes).values(values).returning();
      return row!;
    },

    /** A newer code for the same ID voids the ones still open: only the latest message works. */
    async voidOpenCodes(tx: Tx, idKey: string, at: Date): Promise<void> {
      await tx
        .update(portalCodes)
        .set({ voidedAt: at })
        .where(and(eq(portalCodes.idKey, idKey), isNull(portalCodes.usedAt), isNull(portalCodes.voidedAt)));
    },

    /** Codes of an ID long past use are kept a day for the audit's sake, then go. */
    async pruneCodes(tx: Tx, idKey: string, before: Date): Promise<void> {
      await tx
        .delete(portalCodes)
        .where(and(eq(portalCodes.idKey, idKey), lt(portalCodes.expiresAt, before)));
    },

    async findCode(tx: Tx, id: string): Promise<PortalCodeRow | undefined> {
      const [row] = await tx.select().from(portalCodes).where(eq(portalCodes.id, id));
      return row;
    },

    /**
     * The code that answers for this ID, locked (two tries at once count as two): the open one,
     * else the latest (used or voided, so the refusal can say which).
     */
    async latestCode(tx: Tx, idKey: string): Promise<PortalCodeRow | undefined> {
      const [row] = await tx
        .select()
        .from(portalCodes)
        .where(eq(portalCodes.idKey, idKey))
        .orderBy(
          sql`(${portalCodes.usedAt} is null and ${portalCodes.voidedAt} is null) desc`,
          desc(portalCodes.createdAt),
        )
        .limit(1)
        .for("update");
      return row;
    },

    async updateCode(tx: Tx, id: string, changes: Partial<typeof portalCodes.$inferInsert>): Promise<void> {
      await tx.update(portalCodes).set(changes).where(eq(portalCodes.id, id));
    },

    async insertSession(tx: Tx, values: typeof portalSessions.$inferInsert): Promise<PortalSessionRow> {
      const [row] = await tx.insert(portalSessions).values(values).returning();
      return row!;
    },

    /** By the cookie's hash, in system scope (the association is not known yet), with what ends it. */
    async findOpenSession(tx: Tx, tokenHash: string) {
      const [row] = await tx
        .select({
          session: portalSessions,
          suspendedAt: associations.suspendedAt,
          mergedIntoId: beneficiaries.mergedIntoId,
        })
        .from(portalSessions)
        .innerJoin(associations, eq(associations.id, portalSessions.associationId))
        .innerJoin(beneficiaries, eq(beneficiaries.id, portalSessions.beneficiaryId))
        .where(and(eq(portalSessions.tokenHash, tokenHash), isNull(portalSessions.endedAt)));
      return row;
    },

    async touchSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(portalSessions).set({ lastSeenAt: at }).where(eq(portalSessions.id, id));
    },

    async endSession(tx: Tx, id: string, at: Date): Promise<void> {
      await tx
        .update(portalSessions)
        .set({ endedAt: at })
        .where(and(eq(portalSessions.id, id), isNull(portalSessions.endedAt)));
    },

    /**
     * A merged-away file's rows follow to the kept file, and its open sessions and codes end: the
     * person signs in again as the file that now holds everything (ADR 0015).
     */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string, at: Date) {
      await tx
        .update(portalSessions)
        .set({ endedAt: at })
        .where(and(eq(portalSessions.beneficiaryId, fromId), isNull(portalSessions.endedAt)));
      await tx
        .update(portalCodes)
        .set({ voidedAt: at })
        .where(
          and(
            eq(portalCodes.beneficiaryId, fromId),
            isNull(portalCodes.usedAt),
            isNull(portalCodes.voidedAt),
          ),
        );
      const sessions = await tx
        .update(portalSessions)
        .set({ beneficiaryId: toId })
        .where(eq(portalSessions.beneficiaryId, fromId))
        .returning({ id: portalSessions.id });
      const codes = await tx
        .update(portalCodes)
        .set({ beneficiaryId: toId })
        .where(eq(portalCodes.beneficiaryId, fromId))
        .returning({ id: portalCodes.id });
      return { portal_sessions: sessions.length, portal_codes: codes.length };
    },
  };
}
