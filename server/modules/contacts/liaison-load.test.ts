import { and, eq, gte, isNotNull, isNull, lt, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inquiryAnswerPeriod, type LiaisonLoadRow } from "../../../shared/contracts/contacts.js";
import {
  computeDeadline,
  dayNumberFromIso,
  riyadhDate,
  riyadhDayNumber,
  riyadhStartOfDay,
} from "../../../shared/domain/index.js";
import { interactions, users } from "../../db/schema.js";
import type { Actor } from "../../http/actor.js";
import { createAssociation, createHarness, createUser, type Harness } from "../../test/harness.js";

/**
 * The liaison load is one SQL aggregate over the daily answer counts and the open inquiries (ADR 0026,
 * 2026-11-29). It must give exactly what reading every routed inquiry and ageing it with the working
 * calendar gave (ADR 0021) — here that row-by-row reading is kept as the reference and both are run
 * over a few hundred inquiries across weekends, Founding Day, Eid al-Fitr, an association's closure
 * and a holiday it chose to work, an inquiry still open from years ago and one answered long after.
 */
let h: Harness;
let associationId: string;
let manager: Actor;
const officers: string[] = [];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The load as it was computed before the aggregate: every routed inquiry read and aged one by one. */
async function reference(fromIso: string, toIso: string): Promise<LiaisonLoadRow[]> {
  const from = riyadhStartOfDay(dayNumberFromIso(fromIso));
  const to = riyadhStartOfDay(dayNumberFromIso(toIso) + 1);
  const now = h.clock.now();
  return h.db.tenant(associationId, async (tx) => {
    const rows = await tx
      .select({
        routedTo: users.id,
        fullName: users.fullName,
        active: users.active,
        occurredAt: interactions.occurredAt,
        answeredAt: interactions.answeredAt,
      })
      .from(interactions)
      .innerJoin(users, eq(users.id, interactions.routedToUserId))
      .where(
        and(
          eq(interactions.kind, "inquiry"),
          isNotNull(interactions.routedToUserId),
          or(
            isNull(interactions.answeredAt),
            and(gte(interactions.answeredAt, from), lt(interactions.answeredAt, to)),
          ),
        ),
      );
    let first = riyadhDate(now).year;
    for (const r of rows) first = Math.min(first, riyadhDate(r.occurredAt).year);
    const calendar = await h.modules.calendar.service.workingCalendar(tx, first, riyadhDate(now).year + 1);
    const load = new Map<string, LiaisonLoadRow & { answerDays: number[] }>();
    for (const r of rows) {
      let row = load.get(r.routedTo);
      if (!row) {
        row = {
          liaison: { id: r.routedTo, fullName: r.fullName, active: r.active },
          openCount: 0,
          overdueCount: 0,
          answeredCount: 0,
          answeredLateCount: 0,
          averageAnswerWorkingDays: null,
          oldestOpenSince: null,
          answerDays: [],
        };
        load.set(r.routedTo, row);
      }
      const deadline = computeDeadline({
        rule: inquiryAnswerPeriod,
        start: r.occurredAt,
        calendar,
        now,
        answeredAt: r.answeredAt,
      });
      if (!r.answeredAt) {
        row.openCount++;
        if (deadline.status === "breached") row.overdueCount++;
        const since = r.occurredAt.toISOString();
        if (!row.oldestOpenSince || since < row.oldestOpenSince) row.oldestOpenSince = since;
      } else {
        row.answeredCount++;
        if (deadline.status === "missed") row.answeredLateCount++;
        row.answerDays.push(
          calendar.workingDaysBetweenNumbers(riyadhDayNumber(r.occurredAt), riyadhDayNumber(r.answeredAt)),
        );
      }
    }
    return [...load.values()].map(({ answerDays, ...row }) => ({
      ...row,
      averageAnswerWorkingDays: answerDays.length
        ? Math.round((answerDays.reduce((a, b) => a + b, 0) / answerDays.length) * 10) / 10
        : null,
    }));
  });
}

const byId = (rows: LiaisonLoadRow[]) =>
  [...rows]
    .sort((a, b) => (a.liaison.id < b.liaison.id ? -1 : 1))
    .filter((r) => r.openCount + r.answeredCount);

beforeAll(async () => {
  h = await createHarness();
  h.clock.set("2026-03-24T09:00:00.000Z");
  const a = await createAssociation(h, "liaison-load");
  associationId = a.id;
  const staff = await createUser(h, a.id, ["officer"]);
  for (let i = 0; i < 3; i++)
    officers.push((await createUser(h, a.id, ["liaison_officer"], "ضابط اتصال")).id);
  const managerUser = await createUser(h, a.id, ["manager"]);
  manager = {
    userId: managerUser.id,
    associationId,
    roles: ["manager"],
    sessionId: "test",
    requestId: "test",
  };
  const admin: Actor = {
    ...manager,
    userId: (await createUser(h, a.id, ["administrator"])).id,
    roles: ["administrator"],
  };
  // A closure on a Wednesday, and Founding Day (Sunday 22 February 2026) worked by choice.
  await h.modules.calendar.service.setDay(admin, "2026-01-14", { kind: "closure", nameAr: "جرد سنوي" });
  await h.modules.calendar.service.setDay(admin, "2026-02-22", { kind: "working", nameAr: "يوم عمل" });

  const random = mulberry32(12);
  const day = 86_400_000;
  const start = Date.parse("2025-12-01T00:00:00Z");
  const now = h.clock.now().getTime();
  const rows: (typeof interactions.$inferInsert)[] = [];
  for (let i = 0; i < 400; i++) {
    const occurredAt = new Date(start + Math.floor(random() * (now - start)));
    const answeredAt =
      random() < 0.2 ? null : new Date(Math.min(now, occurredAt.getTime() + Math.floor(random() * 12 * day)));
    rows.push({
      associationId,
      kind: "inquiry",
      channel: ["phone", "whatsapp", "email"][i % 3]!,
      direction: "inbound",
      occurredAt,
      staffUserId: staff.id,
      subject: `استفسار ${i}`,
      answer: answeredAt ? "الإجابة" : null,
      answeredAt,
      answeredBy: answeredAt ? officers[i % 3]! : null,
      routedToUserId: officers[i % 3]!,
    });
  }
  // Still open from three years ago, and answered this month after two years and more.
  rows.push(
    {
      ...rows[0]!,
      occurredAt: new Date("2023-04-20T10:00:00Z"),
      answer: null,
      answeredAt: null,
      answeredBy: null,
    },
    {
      ...rows[1]!,
      occurredAt: new Date("2024-01-10T10:00:00Z"),
      answer: "الإجابة",
      answeredAt: new Date("2026-03-02T10:00:00Z"),
    },
    // Answered on the spot: not routed, never in the load.
    { ...rows[2]!, routedToUserId: null },
  );
  await h.db.tenant(associationId, (tx) => tx.insert(interactions).values(rows));
}, 120_000);
afterAll(() => h.close());

describe("the liaison load as one aggregate", () => {
  for (const [label, at, from, to] of [
    ["March, during Eid al-Fitr", "2026-03-24T09:00:00.000Z", "2026-03-01", "2026-03-31"],
    ["the winter, with the closure", "2026-03-24T09:00:00.000Z", "2025-12-01", "2026-02-28"],
    ["a week, on a Thursday evening", "2026-03-12T19:30:00.000Z", "2026-03-08", "2026-03-12"],
    ["a Saturday, the day after a due date", "2026-01-17T08:00:00.000Z", "2026-01-01", "2026-01-17"],
  ] as const) {
    it(`gives what ageing every inquiry gave: ${label}`, async () => {
      h.clock.set(at);
      const expected = await reference(from, to);
      const actual = await h.modules.contacts.service.liaisonLoad(manager, { from, to });
      expect(byId(actual.items)).toEqual(byId(expected));
      expect(expected.reduce((n, r) => n + r.answeredCount, 0)).toBeGreaterThan(0);
    });
  }

  it("lists every liaison officer, those with nothing routed too", async () => {
    h.clock.set("2026-03-24T09:00:00.000Z");
    const load = await h.modules.contacts.service.liaisonLoad(manager, {
      from: "2020-01-01",
      to: "2020-01-31",
    });
    expect(load.items.map((r) => r.liaison.id).sort()).toEqual([...officers].sort());
    expect(load.items.every((r) => r.answeredCount === 0 && r.openCount > 0)).toBe(true);
  });
});
