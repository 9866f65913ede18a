import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beneficiaries, interactions, services, supportRequests } from "../../db/schema.js";
import type { Actor } from "../../http/actor.js";
import { createAssociation, createHarness, createUser, type Harness } from "../../test/harness.js";

/**
 * The dashboard's daily counts (migration 0036) are a second truth kept by triggers: after a mix of
 * changes — requests opened one by one and in bulk, decided in time and late, cancelled, a draft
 * removed, a date corrected, a beneficiary's files merged, inquiries answered and removed — they
 * must equal what counting the live rows gives, in two associations that never mix.
 */
let h: Harness;
const associations: string[] = [];

type Count = { association: string; day: string; key: string; n: number };
const rows = (result: unknown) => (result as { rows: Count[] }).rows;
const sorted = (counts: Count[]) =>
  counts
    .map((c) => ({ ...c, n: Number(c.n) }))
    .sort((a, b) => `${a.association}${a.day}${a.key}`.localeCompare(`${b.association}${b.day}${b.key}`));

const riyadh = (column: string) =>
  sql.raw(`(((${column} at time zone 'UTC') + interval '3 hours')::date)::text`);

/** One dimension of the daily counts, and the same figure counted from the live rows. */
async function compare(dimension: string, live: ReturnType<typeof sql>) {
  const kept = await h.db.system((tx) =>
    tx.execute(sql`
      select association_id::text as association, opened_on::text as day, key, n
      from request_day_counts where dimension = ${dimension} and n <> 0`),
  );
  const counted = await h.db.system((tx) =>
    tx.execute(sql`
      select association_id::text as association, ${riyadh("opened_at")} as day, key, count(*)::int as n
      from (select *, ${live} as key from support_requests) r
      where key is not null
      group by 1, 2, 3`),
  );
  expect(sorted(rows(kept))).toEqual(sorted(rows(counted)));
  return rows(counted).length;
}

async function populate(associationId: string, label: string) {
  const officer = await createUser(h, associationId, ["officer"]);
  const liaison = await createUser(h, associationId, ["liaison_officer"]);
  const actor: Actor = {
    userId: officer.id,
    associationId,
    roles: ["officer"],
    sessionId: "test",
    requestId: "test",
  };
  const { food, rent, kept, duplicate } = await h.db.tenant(associationId, async (tx) => {
    const [food, rent] = await tx
      .insert(services)
      .values([
        { associationId, code: `food_${label}`, nameAr: "سلة غذائية", kind: "in_kind" },
        { associationId, code: `rent_${label}`, nameAr: "إيجار", kind: "housing" },
      ])
      .returning();
    const [kept, duplicate] = await tx
      .insert(beneficiaries)
      .values([
        { associationId, fileNumber: 1, fullName: "سالم أحمد", nameKey: "سالم احمد" },
        { associationId, fileNumber: 2, fullName: "سالم احمد", nameKey: "سالم احمد" },
      ])
      .returning();
    return { food: food!.id, rent: rent!.id, kept: kept!.id, duplicate: duplicate!.id };
  });
  const day = (d: number, hour = 7) => new Date(Date.UTC(2026, 1, d, hour));
  const request = (n: number, fields: Partial<typeof supportRequests.$inferInsert>) => ({
    associationId,
    referenceNumber: `REQ-${label}-${n}`,
    beneficiaryId: n % 2 ? duplicate : kept,
    serviceId: n % 3 ? food : rent,
    channel: ["phone", "website", "interview"][n % 3]!,
    state: "complete",
    requirements: [],
    openedBy: officer.id,
    // Some at 22:00 UTC: the next day in Riyadh.
    openedAt: day(1 + (n % 20), n % 4 === 0 ? 22 : 7),
    dueAt: day(10 + (n % 20), 20),
    ...fields,
  });
  await h.db.tenant(associationId, async (tx) => {
    // In bulk, then one by one.
    await tx.insert(supportRequests).values(Array.from({ length: 30 }, (_, n) => request(n, {})));
    for (let n = 30; n < 36; n++)
      await tx.insert(supportRequests).values(request(n, { state: "draft", dueAt: null }));
    const refs = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `REQ-${label}-${from + i}`);
    // Decided in time, then late; cancelled; a decision with no due time.
    await tx
      .update(supportRequests)
      .set({ state: "accepted", decidedAt: day(9, 9) })
      .where(inArray(supportRequests.referenceNumber, refs(0, 8)));
    await tx
      .update(supportRequests)
      .set({ state: "rejected", decidedAt: day(27, 9) })
      .where(inArray(supportRequests.referenceNumber, refs(8, 14)));
    await tx
      .update(supportRequests)
      .set({ state: "cancelled", cancelReason: "طلب المستفيد" })
      .where(inArray(supportRequests.referenceNumber, refs(3, 5)));
    await tx
      .update(supportRequests)
      .set({ state: "accepted", dueAt: null, decidedAt: day(21, 9) })
      .where(eq(supportRequests.referenceNumber, `REQ-${label}-20`));
    // A draft removed; an opening date corrected; an edit that changes nothing counted.
    await tx.delete(supportRequests).where(eq(supportRequests.referenceNumber, `REQ-${label}-31`));
    await tx
      .update(supportRequests)
      .set({ openedAt: day(25, 23) })
      .where(eq(supportRequests.referenceNumber, `REQ-${label}-32`));
    await tx.update(supportRequests).set({ data: { note: "x" } });

    const inquiry = (n: number) => ({
      associationId,
      kind: n % 5 === 0 ? "contact" : "inquiry",
      channel: ["phone", "whatsapp"][n % 2]!,
      direction: "inbound",
      occurredAt: day(1 + (n % 25), n % 3 === 0 ? 22 : 8),
      staffUserId: officer.id,
      subject: `استفسار ${n}`,
      beneficiaryId: n % 2 ? duplicate : kept,
      routedToUserId: n % 4 ? liaison.id : null,
    });
    const inserted = await tx
      .insert(interactions)
      .values(Array.from({ length: 24 }, (_, n) => inquiry(n)))
      .returning({ id: interactions.id });
    for (const [i, { id }] of inserted.entries()) {
      if (i % 3 === 0) continue;
      await tx
        .update(interactions)
        .set({ answer: "الإجابة", answeredBy: liaison.id, answeredAt: day(2 + (i % 26), i % 2 ? 22 : 9) })
        .where(eq(interactions.id, id));
    }
    await tx.delete(interactions).where(eq(interactions.id, inserted[5]!.id));
  });
  // The duplicate file merged into the kept one: its requests and contacts move, and nothing counted changes.
  await h.modules.beneficiaries.service.merge(actor, kept, duplicate);
}

beforeAll(async () => {
  h = await createHarness();
  for (const label of ["a", "b"]) {
    const association = await createAssociation(h, `rollup-${label}`);
    associations.push(association.id);
    await populate(association.id, label);
  }
}, 120_000);
afterAll(() => h.close());

describe("the dashboard's daily counts", () => {
  it("equal the live requests by state, channel and service", async () => {
    expect(await compare("state", sql`state`)).toBeGreaterThan(10);
    expect(await compare("channel", sql`channel`)).toBeGreaterThan(10);
    expect(await compare("service", sql`service_id::text`)).toBeGreaterThan(10);
  });

  it("equal the live decisions in time and late, and the days to each decision", async () => {
    expect(
      await compare(
        "timing",
        sql`case when decided_at is not null and due_at is not null and state not in ('draft', 'cancelled')
                 then case when decided_at <= due_at then 'in_time' else 'late' end end`,
      ),
    ).toBeGreaterThan(4);
    expect(
      await compare(
        "span",
        sql`case when decided_at is not null then (${riyadh("decided_at")}::date - ${riyadh("opened_at")}::date)::text end`,
      ),
    ).toBeGreaterThan(4);
  });

  it("equal the live inquiries by day and channel, and the routed answers by officer and days", async () => {
    const kept = await h.db.system((tx) =>
      tx.execute(sql`
        select association_id::text as association, occurred_on::text as day, channel as key, n
        from inquiry_day_counts where n <> 0`),
    );
    const counted = await h.db.system((tx) =>
      tx.execute(sql`
        select association_id::text as association, ${riyadh("occurred_at")} as day, channel as key, count(*)::int as n
        from interactions where kind = 'inquiry' group by 1, 2, 3`),
    );
    expect(sorted(rows(kept))).toEqual(sorted(rows(counted)));
    const answers = await h.db.system((tx) =>
      tx.execute(sql`
        select association_id::text as association, answered_on::text as day,
               routed_to_user_id::text || ' ' || occurred_on::text as key, n
        from liaison_answer_counts where n <> 0`),
    );
    const answered = await h.db.system((tx) =>
      tx.execute(sql`
        select association_id::text as association, ${riyadh("answered_at")} as day,
               routed_to_user_id::text || ' ' || ${riyadh("occurred_at")} as key, count(*)::int as n
        from interactions
        where kind = 'inquiry' and routed_to_user_id is not null and answered_at is not null
        group by 1, 2, 3`),
    );
    expect(rows(answered).length).toBeGreaterThan(10);
    expect(sorted(rows(answers))).toEqual(sorted(rows(answered)));
  });

  it("are each association's own: the application role sees only its tenant's counts", async () => {
    const seen = await h.db.tenant(associations[0]!, (tx) =>
      tx.execute(sql`select distinct association_id::text as association from request_day_counts`),
    );
    expect((seen as unknown as { rows: { association: string }[] }).rows).toEqual([
      { association: associations[0] },
    ]);
  });
});
