import { type SQL, sql } from "drizzle-orm";
import { isoFromDayNumber, riyadhStartOfDay } from "../../../shared/domain/index.js";
import type { Tx } from "../../db/client.js";

/** A period of Riyadh days, both ends included; either end open. */
export type Period = { fromDay?: number; toDay?: number };

/**
 * One row of one section: `key` and `label` name a group, `n` and `m` are its figures (a count, and
 * for some sections a second figure: the days to decision, the past-due count).
 */
export type SectionRow = { section: Section; key: string | null; label: string | null; n: number; m: number };

/** The Riyadh days of a rollup's day column inside the period. */
function onDays(column: SQL, period: Period): SQL {
  const from =
    period.fromDay !== undefined ? sql`${column} >= ${isoFromDayNumber(period.fromDay)}::date` : null;
  const to = period.toDay !== undefined ? sql`${column} <= ${isoFromDayNumber(period.toDay)}::date` : null;
  return sql.join([sql`true`, ...(from ? [from] : []), ...(to ? [to] : [])], sql` and `);
}

/** The instants of a live column inside the period: [start of the first day, start of the day after the last). */
function onInstants(column: SQL, period: Period): SQL {
  const at = (day: number) => sql`${riyadhStartOfDay(day).toISOString()}::timestamptz`;
  const from = period.fromDay !== undefined ? sql`${column} >= ${at(period.fromDay)}` : null;
  const to = period.toDay !== undefined ? sql`${column} < ${at(period.toDay + 1)}` : null;
  return sql.join([sql`true`, ...(from ? [from] : []), ...(to ? [to] : [])], sql` and `);
}

/** A dimension of the requests' daily counts (migration 0036), summed over the period's days. */
const requestDays = (section: string, dimension: string, period: Period) => sql`
  select ${section}::text as section, key, null::text as label, sum(n)::int as n, 0 as m
  from request_day_counts
  where dimension = ${dimension} and ${onDays(sql`opened_on`, period)}
  group by key having sum(n) <> 0`;

/**
 * Every section of the dashboard as one SELECT giving `SectionRow`s, read through the tenant's
 * transaction (RLS keeps other associations out). Figures over the period come from the daily counts
 * the triggers of migration 0036 keep (ADR 0026); what depends on "now" — what is open and past due —
 * is read live from small partial indexes.
 */
const sections = {
  requestsByStatus: (p: Period) => requestDays("requestsByStatus", "state", p),
  requestsByChannel: (p: Period) => requestDays("requestsByChannel", "channel", p),
  // Both read the period's counts per service, summed once (`service_counts`, below).
  requestsByService: () => sql`
    select 'requestsByService'::text as section, s.id::text as key, s.name_ar as label, c.n, 0 as m
    from service_counts c join services s on s.id = c.service_id`,
  requestsByCategory: () => sql`
    select 'requestsByCategory'::text as section, s.kind as key, null::text as label, sum(c.n)::int as n, 0 as m
    from service_counts c join services s on s.id = c.service_id
    group by s.kind`,
  /** Decided requests with a due time, neither drafts nor cancelled: `in_time` or `late`. */
  decidedByTiming: (p: Period) => requestDays("decidedByTiming", "timing", p),
  /** Requests with a due time still awaiting their decision: `n` past due now, `m` still in time. */
  undecided: (p: Period, now: Date) => sql`
    select 'undecided'::text as section, null::text as key, null::text as label,
           (count(*) filter (where due_at < ${now.toISOString()}::timestamptz))::int as n,
           (count(*) filter (where due_at >= ${now.toISOString()}::timestamptz))::int as m
    from support_requests
    where decided_at is null and state not in ('draft', 'cancelled') and due_at is not null
      and ${onInstants(sql`opened_at`, p)}`,
  /**
   * Decided requests by the weekday they were opened (`key`, 0 = Sunday) and the calendar days to
   * the decision (`m`): few groups, from which working days follow without reading a row per request.
   */
  decisionSpans: (p: Period) => sql`
    select 'decisionSpans'::text as section, extract(dow from opened_on)::int::text as key, null::text as label,
           sum(n)::int as n, key::int as m
    from request_day_counts
    where dimension = 'span' and ${onDays(sql`opened_on`, p)}
    group by extract(dow from opened_on), key having sum(n) <> 0`,
  /** Requests awaiting a decision now, by who opened them (`n`), with those past their due time (`m`). */
  openRequestsByOwner: (_p: Period, now: Date) => sql`
    select 'openRequestsByOwner'::text as section, r.opened_by::text as key, u.full_name as label, r.n, r.m
    from (
      select opened_by, count(*)::int as n,
             (count(*) filter (where due_at < ${now.toISOString()}::timestamptz))::int as m
      from support_requests
      where decided_at is null and state not in ('draft', 'cancelled')
      group by opened_by
    ) r join users u on u.id = r.opened_by`,
  /** Complaints not yet closed, by who holds them (null: not assigned yet), with those past due. */
  openComplaintsByOwner: (_p: Period, now: Date) => sql`
    select 'openComplaintsByOwner'::text as section, c.assigned_to::text as key, u.full_name as label,
           count(*)::int as n, (count(*) filter (where c.due_at < ${now.toISOString()}::timestamptz))::int as m
    from complaints c left join users u on u.id = c.assigned_to
    where c.status <> 'closed'
    group by c.assigned_to, u.full_name`,
  complaintsByStatus: (p: Period) => sql`
    select 'complaintsByStatus'::text as section, status as key, null::text as label, count(*)::int as n, 0 as m
    from complaints where ${onInstants(sql`received_at`, p)}
    group by status`,
  complaintsByOutcome: (p: Period) => sql`
    select 'complaintsByOutcome'::text as section, outcome as key, null::text as label, count(*)::int as n, 0 as m
    from complaints where outcome is not null and ${onInstants(sql`received_at`, p)}
    group by outcome`,
  inquiriesByMonth: (p: Period) => sql`
    select 'inquiriesByMonth'::text as section, to_char(occurred_on, 'YYYY-MM') as key, null::text as label,
           sum(n)::int as n, 0 as m
    from inquiry_day_counts where ${onDays(sql`occurred_on`, p)}
    group by to_char(occurred_on, 'YYYY-MM') having sum(n) <> 0`,
  inquiriesByChannel: (p: Period) => sql`
    select 'inquiriesByChannel'::text as section, channel as key, null::text as label, sum(n)::int as n, 0 as m
    from inquiry_day_counts where ${onDays(sql`occurred_on`, p)}
    group by channel having sum(n) <> 0`,
} satisfies Record<string, (period: Period, now: Date) => SQL>;

export type Section = keyof typeof sections;
export const allSections = Object.keys(sections) as Section[];

export function createDashboardsRepository() {
  return {
    /** The chosen sections (all by default) in one statement: one round trip for the whole page. */
    async figures(tx: Tx, period: Period, now: Date, only: Section[] = allSections): Promise<SectionRow[]> {
      const body = sql.join(
        only.map((name) => sql`(${sections[name](period, now)})`),
        sql` union all `,
      );
      const byService = only.includes("requestsByService") || only.includes("requestsByCategory");
      const statement = byService
        ? sql`with service_counts as materialized (
                select key::uuid as service_id, sum(n)::int as n
                from request_day_counts
                where dimension = 'service' and ${onDays(sql`opened_on`, period)}
                group by key having sum(n) <> 0
              )
              ${body}`
        : body;
      const result = await tx.execute(statement);
      return (result as unknown as { rows: SectionRow[] }).rows;
    },
  };
}

export type DashboardsRepository = ReturnType<typeof createDashboardsRepository>;
