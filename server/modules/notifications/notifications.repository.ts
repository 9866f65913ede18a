import { and, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { beneficiaries, notifications, supportRequests, users } from "../../db/schema.js";
import { complaints } from "../../db/schema-complaints.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;

/** A notice with the names a page shows beside it (whom, about which request or complaint, done by whom). */
export type NoticeListRow = {
  notice: NotificationRow;
  beneficiaryName: string | null;
  handledByName: string | null;
  reference: string | null;
};

/** Notices not yet out of our hands: a newer one of the same subject and purpose replaces them. */
const replaceable = ["queued", "manual", "failed"];

export function createNotificationsRepository() {
  function listed(tx: Tx) {
    return tx
      .select({
        notice: notifications,
        beneficiaryName: beneficiaries.fullName,
        handledByName: users.fullName,
        reference: sql<
          string | null
        >`coalesce(${supportRequests.referenceNumber}, ${complaints.referenceNumber})`,
      })
      .from(notifications)
      .leftJoin(beneficiaries, eq(beneficiaries.id, notifications.beneficiaryId))
      .leftJoin(users, eq(users.id, notifications.handledBy))
      .leftJoin(
        supportRequests,
        and(
          eq(notifications.subjectType, "support_request"),
          eq(supportRequests.id, notifications.subjectId),
        ),
      )
      .leftJoin(
        complaints,
        and(eq(notifications.subjectType, "complaint"), eq(complaints.id, notifications.subjectId)),
      );
  }

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

    async findByEventKey(tx: Tx, eventKey: string, channel: string): Promise<NotificationRow | undefined> {
      const [row] = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.eventKey, eventKey), eq(notifications.channel, channel)));
      return row;
    },

    /** Returns undefined when this event already notified on this channel: nothing is sent twice. */
    async insertOnce(
      tx: Tx,
      values: typeof notifications.$inferInsert,
    ): Promise<NotificationRow | undefined> {
      const [row] = await tx.insert(notifications).values(values).onConflictDoNothing().returning();
      return row;
    },

    /** The older notices of one subject and purpose still in our hands become superseded (ADR 0020). */
    async supersede(
      tx: Tx,
      about: { subjectType: string; subjectId: string; purpose: string },
    ): Promise<NotificationRow[]> {
      return tx
        .update(notifications)
        .set({ status: "superseded" })
        .where(
          and(
            eq(notifications.subjectType, about.subjectType),
            eq(notifications.subjectId, about.subjectId),
            eq(notifications.purpose, about.purpose),
            inArray(notifications.status, replaceable),
          ),
        )
        .returning();
    },

    async findById(tx: Tx, id: string): Promise<NotificationRow | undefined> {
      const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
      return row;
    },
    /** Locked: two people acting on one notice at once act one after the other. */
    async lock(tx: Tx, id: string): Promise<NotificationRow | undefined> {
      const [row] = await tx.select().from(notifications).where(eq(notifications.id, id)).for("update");
      return row;
    },
    /** The gateway's report names our key or its own id; no tenant is known yet (system scope). */
    async findForReport(tx: Tx, report: { key?: string; providerId?: string }) {
      const [row] = await tx
        .select()
        .from(notifications)
        .where(
          or(
            report.key ? eq(notifications.id, report.key) : sql`false`,
            report.providerId
              ? and(
                  isNotNull(notifications.providerMessageId),
                  eq(notifications.providerMessageId, report.providerId),
                )
              : sql`false`,
          ),
        )
        .limit(1);
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

    async list(
      tx: Tx,
      filter: { subjectType?: string; subjectId?: string; beneficiaryId?: string; open?: boolean },
      limit = 200,
    ): Promise<NoticeListRow[]> {
      const where = [
        filter.subjectType ? eq(notifications.subjectType, filter.subjectType) : undefined,
        filter.subjectId ? eq(notifications.subjectId, filter.subjectId) : undefined,
        filter.beneficiaryId ? eq(notifications.beneficiaryId, filter.beneficiaryId) : undefined,
        filter.open ? eq(notifications.status, "manual") : undefined,
      ].filter((w) => w !== undefined);
      return listed(tx)
        .where(and(...where))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },
    async listOne(tx: Tx, id: string): Promise<NoticeListRow | undefined> {
      const [row] = await listed(tx).where(eq(notifications.id, id));
      return row;
    },
  };
}
