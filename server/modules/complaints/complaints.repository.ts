import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { ComplaintCategory } from "../../../shared/contracts/complaints.js";
import type { Tx } from "../../db/client.js";
import { files, interactions, users } from "../../db/schema.js";
import { complaintEvents, complaintFiles, complaints } from "../../db/schema-complaints.js";

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintEventRow = typeof complaintEvents.$inferSelect & { actorName: string | null };
export type ComplaintWithDetail = ComplaintRow & {
  assigneeName: string | null;
  events: ComplaintEventRow[];
  attachments: { id: string; name: string; mediaType: string }[];
};
export type ComplaintsRepository = ReturnType<typeof createComplaintsRepository>;

export function createComplaintsRepository() {
  async function detail(tx: Tx, rows: ComplaintRow[]): Promise<ComplaintWithDetail[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const events = await tx
      .select({ event: complaintEvents, actorName: users.fullName })
      .from(complaintEvents)
      .leftJoin(users, eq(users.id, complaintEvents.actorUserId))
      .where(inArray(complaintEvents.complaintId, ids))
      .orderBy(asc(complaintEvents.at));
    const attached = await tx
      .select({
        complaintId: complaintFiles.complaintId,
        id: files.id,
        name: files.originalName,
        mediaType: files.mediaType,
      })
      .from(complaintFiles)
      .innerJoin(files, eq(files.id, complaintFiles.fileId))
      .where(inArray(complaintFiles.complaintId, ids));
    const assigneeIds = rows.flatMap((r) => (r.assignedTo ? [r.assignedTo] : []));
    const assignees = assigneeIds.length
      ? await tx
          .select({ id: users.id, fullName: users.fullName })
          .from(users)
          .where(inArray(users.id, assigneeIds))
      : [];
    return rows.map((row) => ({
      ...row,
      assigneeName: assignees.find((a) => a.id === row.assignedTo)?.fullName ?? null,
      events: events
        .filter((e) => e.event.complaintId === row.id)
        .map((e) => ({ ...e.event, actorName: e.actorName })),
      attachments: attached
        .filter((a) => a.complaintId === row.id)
        .map(({ id, name, mediaType }) => ({ id, name, mediaType })),
    }));
  }

  return {
    /** A merge (ADR 0015): the person's complaints, open or closed, follow them to the kept record. */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const moved = await tx
        .update(complaints)
        .set({ beneficiaryId: toId })
        .where(eq(complaints.beneficiaryId, fromId))
        .returning({ id: complaints.id });
      return { complaints: moved.length };
    },

    /** Whether a file is attached to a complaint: for who may open it. */
    async holdsFile(tx: Tx, fileId: string): Promise<boolean> {
      const found = await tx
        .select({ id: complaintFiles.fileId })
        .from(complaintFiles)
        .where(eq(complaintFiles.fileId, fileId))
        .limit(1);
      return found.length > 0;
    },
    async insert(tx: Tx, values: typeof complaints.$inferInsert): Promise<ComplaintRow> {
      const [row] = await tx.insert(complaints).values(values).returning();
      return row!;
    },

    async addEvent(tx: Tx, values: typeof complaintEvents.$inferInsert): Promise<void> {
      await tx.insert(complaintEvents).values(values);
    },

    async attach(tx: Tx, associationId: string, complaintId: string, fileIds: string[]): Promise<void> {
      if (fileIds.length) {
        await tx
          .insert(complaintFiles)
          .values(fileIds.map((fileId) => ({ associationId, complaintId, fileId })));
      }
    },

    /** Locked for the rest of the transaction: two committee members closing at once take turns. */
    async lock(tx: Tx, id: string): Promise<ComplaintRow | undefined> {
      const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for("update");
      return row;
    },

    async update(tx: Tx, id: string, changes: Partial<typeof complaints.$inferInsert>): Promise<void> {
      await tx.update(complaints).set(changes).where(eq(complaints.id, id));
    },

    async get(tx: Tx, id: string): Promise<ComplaintWithDetail | undefined> {
      const rows = await tx.select().from(complaints).where(eq(complaints.id, id));
      return (await detail(tx, rows))[0];
    },

    async list(tx: Tx, filter: { status: "open" | "closed" | "all"; assignedTo?: string; limit: number }) {
      const conditions: SQL[] = [];
      if (filter.status === "open") conditions.push(ne(complaints.status, "closed"));
      if (filter.status === "closed") conditions.push(eq(complaints.status, "closed"));
      if (filter.assignedTo) conditions.push(eq(complaints.assignedTo, filter.assignedTo));
      const rows = await tx
        .select()
        .from(complaints)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(complaints.dueAt))
        .limit(filter.limit);
      return detail(tx, rows);
    },

    /** The register of a period: complaints received in [fromAt, toAt) or closed in it, oldest first. */
    async register(tx: Tx, fromAt: Date, toAt: Date): Promise<ComplaintRow[]> {
      return tx
        .select()
        .from(complaints)
        .where(
          or(
            and(gte(complaints.receivedAt, fromAt), lt(complaints.receivedAt, toAt)),
            and(gte(complaints.closedAt, fromAt), lt(complaints.closedAt, toAt)),
          ),
        )
        .orderBy(asc(complaints.receivedAt), asc(complaints.referenceNumber));
    },

    /** Looked up by the hash of the tracking token, before any tenant is known: system scope. */
    async findByTrackingHash(tx: Tx, hash: string): Promise<ComplaintRow | undefined> {
      const [row] = await tx.select().from(complaints).where(eq(complaints.trackingTokenHash, hash));
      return row;
    },

    async events(tx: Tx, complaintId: string) {
      return tx
        .select({ at: complaintEvents.at, kind: complaintEvents.kind })
        .from(complaintEvents)
        .where(eq(complaintEvents.complaintId, complaintId))
        .orderBy(asc(complaintEvents.at));
    },

    async dashboard(tx: Tx, now: Date) {
      const open = ne(complaints.status, "closed");
      const [totals] = await tx
        .select({
          open: sql<number>`count(*) filter (where ${open})`,
          overdue: sql<number>`count(*) filter (where ${open} and ${complaints.dueAt} < ${now})`,
          escalated: sql<number>`count(*) filter (where ${open} and ${complaints.escalatedAt} is not null)`,
        })
        .from(complaints);
      const ages = await tx
        .select({
          bucket: sql<string>`case
            when ${now}::timestamptz - ${complaints.receivedAt} < interval '3 days' then '0-2'
            when ${now}::timestamptz - ${complaints.receivedAt} < interval '8 days' then '3-7'
            when ${now}::timestamptz - ${complaints.receivedAt} < interval '15 days' then '8-14'
            else '15+' end`,
          count: count(),
        })
        .from(complaints)
        .where(open)
        .groupBy(sql`1`);
      const byCategory = await tx
        .select({
          category: complaints.category,
          open: sql<number>`count(*) filter (where ${open})`,
          total: count(),
        })
        .from(complaints)
        .groupBy(complaints.category);
      const byMonth = await tx
        .select({
          month: sql<string>`to_char(${complaints.receivedAt} at time zone 'Asia/Riyadh', 'YYYY-MM')`,
          received: count(),
          closed: sql<number>`count(*) filter (where ${complaints.closedAt} is not null)`,
        })
        .from(complaints)
        .groupBy(sql`1`)
        .orderBy(desc(sql`1`))
        .limit(12);
      const [inquiries] = await tx
        .select({ n: count() })
        .from(interactions)
        .where(and(eq(interactions.kind, "inquiry"), isNull(interactions.answeredAt)));
      return {
        open: Number(totals?.open ?? 0),
        overdue: Number(totals?.overdue ?? 0),
        escalated: Number(totals?.escalated ?? 0),
        openInquiries: inquiries?.n ?? 0,
        ageing: ["0-2", "3-7", "8-14", "15+"].map((bucket) => ({
          bucket,
          count: ages.find((a) => a.bucket === bucket)?.count ?? 0,
        })),
        byCategory: byCategory.map((c) => ({
          category: c.category as ComplaintCategory,
          open: Number(c.open),
          total: c.total,
        })),
        byMonth: byMonth.map((m) => ({ month: m.month, received: m.received, closed: Number(m.closed) })),
      };
    },

    async dueForEscalation(tx: Tx, now: Date) {
      return tx
        .select()
        .from(complaints)
        .where(
          and(ne(complaints.status, "closed"), lt(complaints.dueAt, now), isNull(complaints.escalatedAt)),
        );
    },
  };
}
