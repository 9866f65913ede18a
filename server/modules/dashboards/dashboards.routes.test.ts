import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beneficiaries, interactions, services, supportRequests } from "../../db/schema.js";
import { complaints } from "../../db/schema-complaints.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
let manager: Client;
let officer: Client;
let officerId: string;
let holderId: string;
let otherManager: Client;

const at = (iso: string) => new Date(iso);

async function seed(associationId: string, staff: { officer: string; holder: string }, label: string) {
  await h.db.system(async (tx) => {
    const [monthly, treatment] = await tx
      .insert(services)
      .values([
        { associationId, code: `monthly_${label}`, nameAr: `إعانة شهرية ${label}`, kind: "financial" },
        { associationId, code: `treatment_${label}`, nameAr: `دعم علاج ${label}`, kind: "medical" },
      ])
      .returning();
    const [person] = await tx
      .insert(beneficiaries)
      .values({ associationId, fileNumber: 1, fullName: "سالم أحمد", nameKey: "سالم احمد" })
      .returning();
    const request = (
      n: number,
      service: string,
      channel: string,
      state: string,
      openedAt: string,
      dueAt: string | null,
      decidedAt: string | null,
    ) => ({
      associationId,
      referenceNumber: `REQ-${label}-${n}`,
      beneficiaryId: person!.id,
      serviceId: service,
      channel,
      state,
      requirements: [],
      openedBy: staff.officer,
      openedAt: at(openedAt),
      dueAt: dueAt ? at(dueAt) : null,
      decidedAt: decidedAt ? at(decidedAt) : null,
    });
    await tx.insert(supportRequests).values([
      // Opened Sunday 1 March, decided Monday: one working day, in time.
      request(
        1,
        monthly!.id,
        "phone",
        "accepted",
        "2026-03-01T07:00:00Z",
        "2026-03-10T20:59:59Z",
        "2026-03-02T08:00:00Z",
      ),
      // Opened Monday 2 March, decided the Monday after: five working days, after its due time.
      request(
        2,
        monthly!.id,
        "interview",
        "rejected",
        "2026-03-02T07:00:00Z",
        "2026-03-05T20:59:59Z",
        "2026-03-09T08:00:00Z",
      ),
      // Undecided and past due (the clock reads 15 March): overdue, and open and breached for its officer.
      request(3, treatment!.id, "phone", "complete", "2026-03-04T07:00:00Z", "2026-03-10T20:59:59Z", null),
      // Undecided, not yet due.
      request(
        4,
        treatment!.id,
        "phone",
        "in_committee",
        "2026-03-12T07:00:00Z",
        "2026-03-25T20:59:59Z",
        null,
      ),
      // A draft: counted by status, never judged against a deadline.
      request(5, monthly!.id, "phone", "draft", "2026-03-14T07:00:00Z", null, null),
      // February: outside a March period.
      request(
        6,
        monthly!.id,
        "phone",
        "accepted",
        "2026-02-10T07:00:00Z",
        "2026-02-20T20:59:59Z",
        "2026-02-11T08:00:00Z",
      ),
    ]);
    const complaint = (
      n: number,
      status: string,
      outcome: string | null,
      receivedAt: string,
      dueAt: string,
      assignedTo: string | null,
    ) => ({
      associationId,
      referenceNumber: `CMP-${label}-${n}`,
      trackingTokenHash: `hash-${label}-${n}`,
      source: "staff",
      channel: "phone",
      category: "delay",
      subject: "تأخر الرد",
      details: "لم يصلني رد على طلبي.",
      status,
      outcome,
      assignedTo,
      receivedAt: at(receivedAt),
      dueAt: at(dueAt),
    });
    await tx
      .insert(complaints)
      .values([
        complaint(1, "closed", "resolved", "2026-03-05T07:00:00Z", "2026-03-12T20:59:59Z", staff.holder),
        complaint(2, "investigating", null, "2026-03-06T07:00:00Z", "2026-03-10T20:59:59Z", staff.holder),
        complaint(3, "received", null, "2026-02-01T07:00:00Z", "2026-02-20T20:59:59Z", null),
      ]);
    const contact = (kind: string, channel: string, occurredAt: string) => ({
      associationId,
      kind,
      channel,
      direction: "inbound",
      occurredAt: at(occurredAt),
      staffUserId: staff.officer,
      subject: "سؤال عن موعد الصرف",
    });
    await tx
      .insert(interactions)
      .values([
        contact("inquiry", "phone", "2026-03-03T07:00:00Z"),
        contact("inquiry", "whatsapp", "2026-02-20T07:00:00Z"),
        contact("contact", "phone", "2026-03-04T07:00:00Z"),
      ]);
  });
}

beforeAll(async () => {
  h = await createHarness();
  const a = await createAssociation(h, "dashboards");
  const boss = await createUser(h, a.id, ["manager"], "المدير التنفيذي");
  const clerk = await createUser(h, a.id, ["officer"], "موظف الاستقبال");
  const holder = await createUser(h, a.id, ["followup_committee_member"], "عضو لجنة المتابعة");
  officerId = clerk.id;
  holderId = holder.id;
  await seed(a.id, { officer: clerk.id, holder: holder.id }, "A");
  manager = await signIn(h, boss.email);
  officer = await signIn(h, clerk.email);

  // Another association with the same shape of data: none of it may reach A's dashboard.
  const b = await createAssociation(h, "dashboards-other");
  const bBoss = await createUser(h, b.id, ["manager"]);
  const bClerk = await createUser(h, b.id, ["officer"]);
  await seed(b.id, { officer: bClerk.id, holder: bClerk.id }, "B");
  otherManager = await signIn(h, bBoss.email);
});
afterAll(() => h.close());

const counts = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe("the management dashboard", () => {
  it("counts a period's requests by status, channel, service and category", async () => {
    const response = await manager.request("GET", "/api/dashboards/management?from=2026-03-01&to=2026-03-31");
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.requests.total).toBe(5);
    expect(counts(d.requests.byStatus)).toEqual({
      accepted: 1,
      rejected: 1,
      complete: 1,
      in_committee: 1,
      draft: 1,
    });
    expect(counts(d.requests.byChannel)).toEqual({ phone: 4, interview: 1 });
    expect(d.requests.byService.map((r: { label: string; count: number }) => [r.label, r.count])).toEqual([
      ["إعانة شهرية A", 3],
      ["دعم علاج A", 2],
    ]);
    expect(counts(d.requests.byCategory)).toEqual({ financial: 3, medical: 2 });
  });

  it("judges the response period and spreads decision times over working days", async () => {
    const d = (
      await manager.request("GET", "/api/dashboards/management?from=2026-03-01&to=2026-03-31")
    ).json();
    expect(d.response).toMatchObject({ decidedInTime: 1, decidedLate: 1, overdue: 1, pending: 1 });
    expect(d.response.shareInTime).toBeCloseTo(1 / 3);
    expect(
      counts(
        d.response.distribution.map((b: { bucket: string; count: number }) => ({
          key: b.bucket,
          count: b.count,
        })),
      ),
    ).toEqual({
      "0-1": 1,
      "2-5": 1,
      "6-10": 0,
      "11-20": 0,
      "21+": 0,
    });
    const all = (await manager.request("GET", "/api/dashboards/management")).json();
    expect(all.requests.total).toBe(6);
    expect(all.response.distribution[0]).toEqual({ bucket: "0-1", count: 2 });
  });

  it("lists what is open now by owner, with what is past due", async () => {
    const d = (
      await manager.request("GET", "/api/dashboards/management?from=2026-03-01&to=2026-03-31")
    ).json();
    const byOwner = Object.fromEntries(
      d.owners.map((o: { owner: { id: string } | null }) => [o.owner?.id ?? "unassigned", o]),
    );
    expect(byOwner[officerId]).toMatchObject({ openRequests: 2, breachedRequests: 1, openComplaints: 0 });
    expect(byOwner[holderId]).toMatchObject({ openRequests: 0, openComplaints: 1, breachedComplaints: 1 });
    expect(byOwner.unassigned).toMatchObject({ openComplaints: 1, breachedComplaints: 1 });
    expect(d.owners).toHaveLength(3);
  });

  it("counts complaints by status and outcome and inquiries by month and channel", async () => {
    const d = (
      await manager.request("GET", "/api/dashboards/management?from=2026-03-01&to=2026-03-31")
    ).json();
    expect(d.complaints.total).toBe(2);
    expect(counts(d.complaints.byStatus)).toEqual({ closed: 1, investigating: 1 });
    expect(counts(d.complaints.byOutcome)).toEqual({ resolved: 1 });
    expect(d.inquiries.total).toBe(1);
    expect(counts(d.inquiries.byMonth)).toEqual({ "2026-03": 1 });
    expect(counts(d.inquiries.byChannel)).toEqual({ phone: 1 });
    expect(d.liaison.from).toBe("2026-03-01");
    // No survey answered yet: the surveys module's summary is there, empty.
    expect(d.satisfaction).toEqual({
      answers: 0,
      invited: 0,
      csat: null,
      nps: null,
      byMonth: [],
      themes: [],
      staffCsat: null,
    });
    // No visits yet in this association: the field summary is there, empty.
    expect(d.fieldActions).toEqual({ openActions: 0, overdueActions: 0, visitsByMonth: [] });
    const all = (await manager.request("GET", "/api/dashboards/management")).json();
    expect(counts(all.inquiries.byMonth)).toEqual({ "2026-02": 1, "2026-03": 1 });
  });

  it("shows each association its own figures only", async () => {
    const d = (await otherManager.request("GET", "/api/dashboards/management")).json();
    expect(d.requests.total).toBe(6);
    expect(d.requests.byService.map((r: { label: string }) => r.label).sort()).toEqual([
      "إعانة شهرية B",
      "دعم علاج B",
    ]);
    expect(JSON.stringify(d)).not.toContain(officerId);
  });

  it("exports the table behind a chart with Arabic headers and names", async () => {
    const response = await manager.request(
      "GET",
      "/api/dashboards/management/export?format=csv&section=requests_by_status&from=2026-03-01&to=2026-03-31",
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const text = response.body.replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe("الحالة,العدد");
    expect(text).toContain("مقبول,1");
    const excel = await manager.request(
      "GET",
      "/api/dashboards/management/export?format=xlsx&section=owners",
    );
    expect(excel.statusCode).toBe(200);
    expect(excel.headers["content-type"]).toContain("spreadsheetml");
  });

  it("is for senior management: an officer is refused, and a reversed period is an Arabic field error", async () => {
    expect((await officer.request("GET", "/api/dashboards/management")).statusCode).toBe(403);
    expect(
      (await officer.request("GET", "/api/dashboards/management/export?format=csv&section=owners"))
        .statusCode,
    ).toBe(403);
    const reversed = await manager.request("GET", "/api/dashboards/management?from=2026-03-31&to=2026-03-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ path: "from", code: "range_reversed" });
    expect(reversed.json().errors[0].message.ar).toBe("بداية المدة بعد نهايتها.");
    const unknown = await manager.request(
      "GET",
      "/api/dashboards/management/export?format=csv&section=nothing",
    );
    expect(unknown.statusCode).toBe(400);
  });
});
