import type { Dashboard, DashboardQuery } from "../../../shared/contracts/dashboards.js";
import { dayNumberFromIso, isoFromDayNumber, riyadhDayNumber } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { ContactsService } from "../contacts/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { SurveysService } from "../surveys/index.js";
import { dashboardsPolicy } from "./dashboards.policy.js";
import type { DashboardsRepository, Period, Section } from "./dashboards.repository.js";

const rangeReversed = () =>
  new AppError("validation_failed", "from: range_reversed", {
    fieldErrors: [
      {
        path: "from",
        code: "range_reversed",
        message: { ar: "بداية المدة بعد نهايتها.", en: "The period starts after it ends." },
      },
    ],
  });

/** Working days (Sunday to Thursday) in the `days` calendar days after a day of the week `weekday` (0 = Sunday). */
export function workingDaysAfter(weekday: number, days: number): number {
  let working = 0;
  for (let d = 1; d <= days; d++) if ((weekday + d) % 7 < 5) working++;
  return working;
}

function bucketOf(workingDays: number): Dashboard["response"]["distribution"][number]["bucket"] {
  if (workingDays <= 1) return "0-1";
  if (workingDays <= 5) return "2-5";
  if (workingDays <= 10) return "6-10";
  if (workingDays <= 20) return "11-20";
  return "21+";
}

const byCount = <T extends { count: number }>(rows: T[]) => rows.sort((a, b) => b.count - a.count);

export function createDashboardsService(deps: {
  db: Database;
  repo: DashboardsRepository;
  contacts: ContactsService;
  fieldwork: FieldworkService;
  surveys: Pick<SurveysService, "satisfactionSummary">;
  clock: Clock;
}) {
  const { db, repo, contacts, fieldwork, surveys, clock } = deps;
  return {
    async overview(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
      authorize(actor, dashboardsPolicy, "read");
      const fromDay = query.from ? dayNumberFromIso(query.from) : null;
      const toDay = query.to ? dayNumberFromIso(query.to) : null;
      if (fromDay !== null && toDay !== null && fromDay > toDay) throw rangeReversed();
      const period: Period = {
        ...(fromDay !== null ? { fromDay } : {}),
        ...(toDay !== null ? { toDay } : {}),
      };
      const now = clock.now();
      // The liaison officers' load is the contacts module's own report (its default period when none is
      // chosen), field oversight and satisfaction their own summaries: each in its own transaction, all at once.
      const liaisonTo = query.to ?? undefined;
      const [rows, liaison, fieldActions, satisfaction] = await Promise.all([
        db.tenant(actor.associationId, (tx) => repo.figures(tx, period, now)),
        contacts.liaisonLoad(actor, {
          ...(query.from ? { from: query.from } : {}),
          ...(liaisonTo ? { to: liaisonTo } : {}),
          ...(query.from && !liaisonTo ? { to: isoToday(now) } : {}),
        }),
        // Field oversight's own summary (its module decides who reads it; the manager does).
        fieldwork.summary(actor),
        // Satisfaction surveys' own summary, read from their monthly rollups (ADR 0027).
        surveys.satisfactionSummary(actor, {
          ...(query.from ? { from: query.from } : {}),
          ...(query.to ? { to: query.to } : {}),
        }),
      ]);
      const section = (name: Section) => rows.filter((r) => r.section === name);
      const counts = (name: Section) =>
        section(name).map((r) => ({ key: r.key ?? "", label: r.label, count: r.n }));
      const timing = new Map(section("decidedByTiming").map((r) => [r.key, r.n]));
      const undecided = section("undecided")[0];
      const figures = {
        byStatus: counts("requestsByStatus"),
        byChannel: counts("requestsByChannel"),
        byService: counts("requestsByService"),
        byCategory: counts("requestsByCategory"),
        compliance: {
          decidedInTime: timing.get("in_time") ?? 0,
          decidedLate: timing.get("late") ?? 0,
          overdue: undecided?.n ?? 0,
          pending: undecided?.m ?? 0,
        },
        spans: section("decisionSpans").map((r) => ({ weekday: Number(r.key), days: r.m, count: r.n })),
        openRequests: section("openRequestsByOwner").map((r) => ({
          ownerId: r.key,
          fullName: r.label,
          open: r.n,
          breached: r.m,
        })),
        openComplaints: section("openComplaintsByOwner").map((r) => ({
          ownerId: r.key,
          fullName: r.label,
          open: r.n,
          breached: r.m,
        })),
        complaintsByStatus: counts("complaintsByStatus"),
        complaintsByOutcome: counts("complaintsByOutcome"),
        inquiriesByMonth: counts("inquiriesByMonth").sort((a, b) =>
          a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
        ),
        inquiriesByChannel: counts("inquiriesByChannel"),
      };

      const distribution = new Map<string, number>(
        (["0-1", "2-5", "6-10", "11-20", "21+"] as const).map((b) => [b, 0]),
      );
      for (const s of figures.spans) {
        const bucket = bucketOf(workingDaysAfter(s.weekday, Math.max(0, s.days)));
        distribution.set(bucket, (distribution.get(bucket) ?? 0) + s.count);
      }

      const owners = new Map<string, Dashboard["owners"][number]>();
      const ownerRow = (id: string | null, fullName: string | null) => {
        const key = id ?? "";
        let row = owners.get(key);
        if (!row) {
          row = {
            owner: id ? { id, fullName: fullName ?? "" } : null,
            openRequests: 0,
            breachedRequests: 0,
            openComplaints: 0,
            breachedComplaints: 0,
          };
          owners.set(key, row);
        }
        return row;
      };
      for (const r of figures.openRequests) {
        const row = ownerRow(r.ownerId, r.fullName);
        row.openRequests = r.open;
        row.breachedRequests = r.breached;
      }
      for (const r of figures.openComplaints) {
        const row = ownerRow(r.ownerId, r.fullName);
        row.openComplaints = r.open;
        row.breachedComplaints = r.breached;
      }

      const c = figures.compliance;
      const judged = c.decidedInTime + c.decidedLate + c.overdue;
      const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
      const plain = (rows: { key: string | null; count: number }[]) =>
        byCount(rows.map((r) => ({ key: r.key ?? "", label: null, count: r.count })));
      return {
        from: query.from ?? null,
        to: query.to ?? null,
        requests: {
          total: sum(figures.byStatus),
          byStatus: byCount(figures.byStatus),
          byChannel: byCount(figures.byChannel),
          byService: byCount(figures.byService),
          byCategory: byCount(figures.byCategory),
        },
        response: {
          ...c,
          shareInTime: judged ? c.decidedInTime / judged : null,
          distribution: [...distribution].map(([bucket, count]) => ({
            bucket: bucket as Dashboard["response"]["distribution"][number]["bucket"],
            count,
          })),
        },
        owners: [...owners.values()].sort(
          (a, b) =>
            b.breachedRequests + b.breachedComplaints - (a.breachedRequests + a.breachedComplaints) ||
            b.openRequests + b.openComplaints - (a.openRequests + a.openComplaints),
        ),
        complaints: {
          total: sum(figures.complaintsByStatus),
          byStatus: plain(figures.complaintsByStatus),
          byOutcome: plain(figures.complaintsByOutcome),
        },
        inquiries: {
          total: sum(figures.inquiriesByChannel),
          byMonth: figures.inquiriesByMonth.map((r) => ({ key: r.key, label: null, count: r.count })),
          byChannel: plain(figures.inquiriesByChannel),
        },
        liaison,
        satisfaction,
        fieldActions,
      };
    },
  };
}

function isoToday(now: Date): string {
  return isoFromDayNumber(riyadhDayNumber(now));
}

export type DashboardsService = ReturnType<typeof createDashboardsService>;
