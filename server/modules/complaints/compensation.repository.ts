import { and, asc, desc, eq, exists, gte, inArray, lt, or } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema.js";
import { compensationClaims, compensationEvents } from "../../db/schema-complaints.js";

export type ClaimRow = typeof compensationClaims.$inferSelect;
export type ClaimEventRow = typeof compensationEvents.$inferSelect;
export type ClaimWithEvents = ClaimRow & { events: ClaimEventRow[] };
export type CompensationRepository = ReturnType<typeof createCompensationRepository>;

export function createCompensationRepository() {
  async function withEvents(tx: Tx, rows: ClaimRow[]): Promise<ClaimWithEvents[]> {
    if (rows.length === 0) return [];
    const events = await tx
      .select()
      .from(compensationEvents)
      .where(
        inArray(
          compensationEvents.claimId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(compensationEvents.at));
    return rows.map((row) => ({ ...row, events: events.filter((e) => e.claimId === row.id) }));
  }
  return {
    /** A merge (ADR 0015): the person's compensation claims follow them to the kept record. */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const moved = await tx
        .update(compensationClaims)
        .set({ beneficiaryId: toId })
        .where(eq(compensationClaims.beneficiaryId, fromId))
        .returning({ id: compensationClaims.id });
      return { compensation_claims: moved.length };
    },

    /** Whether a file proves a claim (a judicial ruling): for who may open it. */
    async holdsFile(tx: Tx, fileId: string): Promise<boolean> {
      const found = await tx
        .select({ id: compensationClaims.id })
        .from(compensationClaims)
        .where(eq(compensationClaims.rulingFileId, fileId))
        .limit(1);
      return found.length > 0;
    },
    async insert(tx: Tx, values: typeof compensationClaims.$inferInsert): Promise<ClaimRow> {
      const [row] = await tx.insert(compensationClaims).values(values).returning();
      return row!;
    },
    /** Locked: two payments recorded at once see each other's totals. */
    async lock(tx: Tx, id: string): Promise<ClaimRow | undefined> {
      const [row] = await tx
        .select()
        .from(compensationClaims)
        .where(eq(compensationClaims.id, id))
        .for("update");
      return row;
    },
    async update(
      tx: Tx,
      id: string,
      changes: Partial<typeof compensationClaims.$inferInsert>,
    ): Promise<void> {
      await tx.update(compensationClaims).set(changes).where(eq(compensationClaims.id, id));
    },
    async addEvent(tx: Tx, values: typeof compensationEvents.$inferInsert): Promise<void> {
      await tx.insert(compensationEvents).values(values);
    },
    async get(tx: Tx, id: string): Promise<ClaimWithEvents | undefined> {
      return (
        await withEvents(tx, await tx.select().from(compensationClaims).where(eq(compensationClaims.id, id)))
      )[0];
    },
    /** Claims opened, approved or moved (a round, a settlement, a payment) in [fromAt, toAt). */
    async inPeriod(tx: Tx, fromAt: Date, toAt: Date): Promise<ClaimWithEvents[]> {
      const rows = await tx
        .select()
        .from(compensationClaims)
        .where(
          or(
            and(gte(compensationClaims.createdAt, fromAt), lt(compensationClaims.createdAt, toAt)),
            and(gte(compensationClaims.approvedAt, fromAt), lt(compensationClaims.approvedAt, toAt)),
            exists(
              tx
                .select({ id: compensationEvents.id })
                .from(compensationEvents)
                .where(
                  and(
                    eq(compensationEvents.claimId, compensationClaims.id),
                    gte(compensationEvents.at, fromAt),
                    lt(compensationEvents.at, toAt),
                  ),
                ),
            ),
          ),
        )
        .orderBy(asc(compensationClaims.createdAt));
      return withEvents(tx, rows);
    },
    /** Staff names by id, deactivated staff included: who approved a claim or its minutes stays named. */
    async names(tx: Tx, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const rows = await tx
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.fullName]));
    },
    async list(tx: Tx): Promise<ClaimWithEvents[]> {
      return withEvents(
        tx,
        await tx.select().from(compensationClaims).orderBy(desc(compensationClaims.createdAt)).limit(200),
      );
    },
  };
}
