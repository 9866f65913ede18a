import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { notifications } from "../../db/schema.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

export function createNotificationsRepository() {
  return {
    /** A merge (ADR 0015): messages about the person, sent or waiting, belong to the kept record. */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const moved = await tx
        .update(notifications)
        .set({ beneficiaryId: toId })
        .where(eq(notifications.beneficiaryId, fromId))
        .returning({ id: notifications.id });
      return { notifications: moved.length };
    },

    /** Returns undefined when this event already notified on this channel: nothing is sent twice. */
    async insertOnce(
      tx: Tx,
      values: typeof notifications.$inferInsert,
    ): Promise<NotificationRow | undefined> {
      const [row] = await tx.insert(notifications).values(values).onConflictDoNothing().returning();
      return row;
    },
    async findById(tx: Tx, id: string): Promise<NotificationRow | undefined> {
      const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
      return row;
    },
    async update(tx: Tx, id: string, changes: Partial<typeof notifications.$inferInsert>): Promise<void> {
      await tx.update(notifications).set(changes).where(eq(notifications.id, id));
    },
    async forBeneficiary(tx: Tx, beneficiaryId: string): Promise<NotificationRow[]> {
      return tx
        .select()
        .from(notifications)
        .where(eq(notifications.beneficiaryId, beneficiaryId))
        .orderBy(desc(notifications.createdAt));
    },
    async byStatus(tx: Tx, status: string, limit: number): Promise<NotificationRow[]> {
      return tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.status, status)))
        .orderBy(desc(notifications.createdAt))
        .limit(limit);
    },
  };
}
