import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
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
    async list(tx: Tx): Promise<ClaimWithEvents[]> {
      return withEvents(
        tx,
        await tx.select().from(compensationClaims).orderBy(desc(compensationClaims.createdAt)).limit(200),
      );
    },
  };
}
