import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { auditEvents, users } from "../../db/schema.js";

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export type AuditEventRow = typeof auditEvents.$inferSelect & { actorFullName: string | null };

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** All SQL of the audit log. Runs inside the caller's transaction, so an event commits with its change. */
export function createAuditRepository() {
  return {
    async insert(tx: Tx, event: NewAuditEvent): Promise<void> {
      await tx.insert(auditEvents).values(event);
    },

    async forSubject(tx: Tx, subjectType: string, subjectId: string): Promise<AuditEventRow[]> {
      const rows = await tx
        .select({ event: auditEvents, actorFullName: users.fullName })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(and(eq(auditEvents.subjectType, subjectType), eq(auditEvents.subjectId, subjectId)))
        .orderBy(desc(auditEvents.id))
        .limit(500);
      return rows.map((row) => ({ ...row.event, actorFullName: row.actorFullName }));
    },

    async list(
      tx: Tx,
      filter: { associationId: string; type?: string; beforeId?: bigint; limit: number },
    ): Promise<AuditEventRow[]> {
      const conditions: SQL[] = [eq(auditEvents.associationId, filter.associationId)];
      if (filter.type) conditions.push(eq(auditEvents.type, filter.type));
      if (filter.beforeId !== undefined) conditions.push(lt(auditEvents.id, filter.beforeId));
      // The actor's name is a read-model join; the users module owns writes to that table.
      const rows = await tx
        .select({ event: auditEvents, actorFullName: users.fullName })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(and(...conditions))
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
      return rows.map((row) => ({ ...row.event, actorFullName: row.actorFullName }));
    },
  };
}
