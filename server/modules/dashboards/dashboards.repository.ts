import { and, type Column, count, eq, gte, isNull, lt, ne, notInArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { interactions, services, supportRequests, users } from "../../db/schema.js";
import { complaints } from "../../db/schema-complaints.js";

/** A window of instants, [fromAt, toAt); either end open. */
export type Window = { fromAt?: Date; toAt?: Date };

/** The Riyadh day of an instant (UTC+3 all year), as a SQL date. */
const riyadhDay = (column: SQL | Column) => sql`((${column} at time zone 'UTC') + interval '3 hours')::date`;

function within(column: Column, window: Window) {
  return [
    window.fromAt ? gte(column, window.fromAt) : undefined,
    window.toAt ? lt(column, window.toAt) : undefined,
  ];
}

/** States a request is still awaiting its decision in (H7): not a draft, not withdrawn. */
const notCounted = ["draft", "cancelled"];

/**
 * Every figure of the dashboard is a GROUP BY here, read through the tenant's transaction (RLS
 * keeps other associations out). The period indexes of migration 0033 serve them (ADR 0026).
 */
export function createDashboardsRepository() {
  return {
    async requestsBy(tx: Tx, by: "state" | "channel" | "service" | "kind", window: Window) {
      const where = and(...within(supportRequests.openedAt, window));
      if (by === "service" || by === "kind") {
        const key = by === "service" ? services.id : services.kind;
        return tx
          .select({
            key: sql<string>`${key}::text`,
            label: by === "service" ? services.nameAr : sql<string | null>`null`,
            count: count(),
          })
          .from(supportRequests)
          .innerJoin(services, eq(services.id, supportRequests.serviceId))
          .where(where)
          .groupBy(...(by === "service" ? [services.id, services.nameAr] : [services.kind]));
      }
      const key = by === "state" ? supportRequests.state : supportRequests.channel;
      return tx
        .select({ key, label: sql<string | null>`null`, count: count() })
        .from(supportRequests)
        .where(where)
        .groupBy(key);
    },

    /** Requests opened in the window with a due date: decided in time, late, overdue, pending. */
    async responseCompliance(tx: Tx, window: Window, now: Date) {
      const [row] = await tx
        .select({
          decidedInTime: sql<number>`count(*) filter (where ${supportRequests.decidedAt} <= ${supportRequests.dueAt})::int`,
          decidedLate: sql<number>`count(*) filter (where ${supportRequests.decidedAt} > ${supportRequests.dueAt})::int`,
          overdue: sql<number>`count(*) filter (where ${supportRequests.decidedAt} is null and ${supportRequests.dueAt} < ${now})::int`,
          pending: sql<number>`count(*) filter (where ${supportRequests.decidedAt} is null and ${supportRequests.dueAt} >= ${now})::int`,
        })
        .from(supportRequests)
        .where(
          and(
            ...within(supportRequests.openedAt, window),
            sql`${supportRequests.dueAt} is not null`,
            notInArray(supportRequests.state, notCounted),
          ),
        );
      return row!;
    },

    /**
     * Decided requests by the weekday they were opened and the calendar days to the decision: few
     * groups, from which working days follow without reading a row per request.
     */
    async decisionSpans(tx: Tx, window: Window) {
      const opened = riyadhDay(supportRequests.openedAt);
      const decided = riyadhDay(sql`${supportRequests.decidedAt}`);
      const weekday = sql<number>`extract(dow from ${opened})::int`;
      const days = sql<number>`(${decided} - ${opened})::int`;
      return tx
        .select({ weekday, days, count: count() })
        .from(supportRequests)
        .where(
          and(...within(supportRequests.openedAt, window), sql`${supportRequests.decidedAt} is not null`),
        )
        .groupBy(weekday, days);
    },

    /** Requests awaiting a decision now, by who opened them, with those past their due time. */
    async openRequestsByOwner(tx: Tx, now: Date) {
      return tx
        .select({
          ownerId: supportRequests.openedBy,
          fullName: users.fullName,
          open: count(),
          breached: sql<number>`count(*) filter (where ${supportRequests.dueAt} < ${now})::int`,
        })
        .from(supportRequests)
        .innerJoin(users, eq(users.id, supportRequests.openedBy))
        .where(and(isNull(supportRequests.decidedAt), notInArray(supportRequests.state, notCounted)))
        .groupBy(supportRequests.openedBy, users.fullName);
    },

    /** Complaints not yet closed, by who holds them (null: not assigned yet), with those past due. */
    async openComplaintsByOwner(tx: Tx, now: Date) {
      return tx
        .select({
          ownerId: complaints.assignedTo,
          fullName: users.fullName,
          open: count(),
          breached: sql<number>`count(*) filter (where ${complaints.dueAt} < ${now})::int`,
        })
        .from(complaints)
        .leftJoin(users, eq(users.id, complaints.assignedTo))
        .where(ne(complaints.status, "closed"))
        .groupBy(complaints.assignedTo, users.fullName);
    },

    async complaintsBy(tx: Tx, by: "status" | "outcome", window: Window) {
      const key = by === "status" ? complaints.status : complaints.outcome;
      return tx
        .select({ key: sql<string | null>`${key}`, count: count() })
        .from(complaints)
        .where(
          and(
            ...within(complaints.receivedAt, window),
            by === "outcome" ? sql`${complaints.outcome} is not null` : undefined,
          ),
        )
        .groupBy(key);
    },

    async inquiriesBy(tx: Tx, by: "month" | "channel", window: Window) {
      const key =
        by === "month"
          ? sql<string>`to_char(${riyadhDay(interactions.occurredAt)}, 'YYYY-MM')`
          : sql<string>`${interactions.channel}`;
      return tx
        .select({ key, count: count() })
        .from(interactions)
        .where(and(eq(interactions.kind, "inquiry"), ...within(interactions.occurredAt, window)))
        .groupBy(key)
        .orderBy(key);
    },
  };
}

export type DashboardsRepository = ReturnType<typeof createDashboardsRepository>;
