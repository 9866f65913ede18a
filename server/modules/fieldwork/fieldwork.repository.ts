import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  fieldActions,
  fieldChecklists,
  fieldVisitPhotos,
  fieldVisits,
  files,
  users,
} from "../../db/schema.js";

export type FieldworkRepository = ReturnType<typeof createFieldworkRepository>;
export type ChecklistRow = typeof fieldChecklists.$inferSelect;
export type VisitRow = typeof fieldVisits.$inferSelect;
export type ActionRow = typeof fieldActions.$inferSelect;

export function createFieldworkRepository() {
  return {
    async checklists(tx: Tx): Promise<ChecklistRow[]> {
      return tx.select().from(fieldChecklists).orderBy(asc(fieldChecklists.name));
    },
    async checklist(tx: Tx, id: string): Promise<ChecklistRow | undefined> {
      const [row] = await tx.select().from(fieldChecklists).where(eq(fieldChecklists.id, id));
      return row;
    },
    async insertChecklist(tx: Tx, values: typeof fieldChecklists.$inferInsert): Promise<ChecklistRow> {
      const [row] = await tx.insert(fieldChecklists).values(values).returning();
      return row!;
    },
    async updateChecklist(
      tx: Tx,
      id: string,
      values: Pick<ChecklistRow, "name" | "items" | "updatedBy" | "updatedAt">,
    ): Promise<ChecklistRow> {
      const [row] = await tx
        .update(fieldChecklists)
        .set({ ...values, version: sql`${fieldChecklists.version} + 1` })
        .where(eq(fieldChecklists.id, id))
        .returning();
      return row!;
    },

    async insertVisit(tx: Tx, values: typeof fieldVisits.$inferInsert): Promise<VisitRow> {
      const [row] = await tx.insert(fieldVisits).values(values).returning();
      return row!;
    },
    async visit(tx: Tx, id: string): Promise<VisitRow | undefined> {
      const [row] = await tx.select().from(fieldVisits).where(eq(fieldVisits.id, id));
      return row;
    },
    async visits(tx: Tx, filter: { kind?: string; from?: string; to?: string }): Promise<VisitRow[]> {
      return tx
        .select()
        .from(fieldVisits)
        .where(
          and(
            filter.kind ? eq(fieldVisits.kind, filter.kind) : undefined,
            filter.from ? gte(fieldVisits.visitedOn, filter.from) : undefined,
            filter.to ? lte(fieldVisits.visitedOn, filter.to) : undefined,
          ),
        )
        .orderBy(desc(fieldVisits.visitedOn), desc(fieldVisits.recordedAt))
        .limit(500);
    },
    async visitsPerMonth(tx: Tx): Promise<{ month: string; count: number }[]> {
      const month = sql<string>`substr(${fieldVisits.visitedOn}, 1, 7)`;
      return tx
        .select({ month, count: sql<number>`count(*)::int` })
        .from(fieldVisits)
        .groupBy(month)
        .orderBy(month);
    },

    async addPhotos(tx: Tx, associationId: string, visitId: string, fileIds: string[]) {
      if (fileIds.length)
        await tx
          .insert(fieldVisitPhotos)
          .values(fileIds.map((fileId) => ({ associationId, visitId, fileId })));
    },
    async photos(tx: Tx, visitId: string) {
      return tx
        .select({ id: files.id, name: files.originalName, mediaType: files.mediaType })
        .from(fieldVisitPhotos)
        .innerJoin(files, eq(files.id, fieldVisitPhotos.fileId))
        .where(eq(fieldVisitPhotos.visitId, visitId));
    },
    async isPhoto(tx: Tx, fileId: string): Promise<boolean> {
      const [row] = await tx
        .select({ fileId: fieldVisitPhotos.fileId })
        .from(fieldVisitPhotos)
        .where(eq(fieldVisitPhotos.fileId, fileId))
        .limit(1);
      return Boolean(row);
    },

    async insertActions(tx: Tx, values: (typeof fieldActions.$inferInsert)[]): Promise<ActionRow[]> {
      if (!values.length) return [];
      return tx.insert(fieldActions).values(values).returning();
    },
    async action(tx: Tx, id: string): Promise<ActionRow | undefined> {
      const [row] = await tx.select().from(fieldActions).where(eq(fieldActions.id, id));
      return row;
    },
    async actionsOf(tx: Tx, visitIds: string[]): Promise<ActionRow[]> {
      if (!visitIds.length) return [];
      return tx
        .select()
        .from(fieldActions)
        .where(inArray(fieldActions.visitId, visitIds))
        .orderBy(asc(fieldActions.dueDate), asc(fieldActions.createdAt));
    },
    /** Open actions, the owner's or everyone's; `dueBefore` keeps those due before that day. */
    async openActions(tx: Tx, filter: { ownerId?: string; dueBefore?: string }): Promise<ActionRow[]> {
      return tx
        .select()
        .from(fieldActions)
        .where(
          and(
            isNull(fieldActions.doneAt),
            filter.ownerId ? eq(fieldActions.ownerId, filter.ownerId) : undefined,
            filter.dueBefore ? lt(fieldActions.dueDate, filter.dueBefore) : undefined,
          ),
        )
        .orderBy(asc(fieldActions.dueDate), asc(fieldActions.createdAt));
    },
    async markDone(tx: Tx, id: string, doneBy: string, doneAt: Date): Promise<ActionRow | undefined> {
      const [row] = await tx
        .update(fieldActions)
        .set({ doneBy, doneAt })
        .where(and(eq(fieldActions.id, id), isNull(fieldActions.doneAt)))
        .returning();
      return row;
    },

    async names(tx: Tx, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const rows = await tx
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(rows.map((r) => [r.id, r.fullName]));
    },
  };
}
