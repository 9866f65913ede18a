import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModules } from "../app.js";
import { createHarness, type Harness, signIn } from "../test/harness.js";
import { demoCommitteeName, demoEmail, demoPassword, seedDemo } from "./seed-demo.js";

/** The demo lets every role's journey be walked in the browser, without calling the API by hand. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.modules, {
    history: (clock) => createModules({ config: h.config, db: h.db, clock }),
    now: h.clock.now(),
  });
}, 120_000);
afterAll(() => h.close());

describe("the demo", () => {
  it("has a service catalogue whose services state their requirements", async () => {
    const admin = await signIn(h, demoEmail("admin"), demoPassword);
    const services = (await admin.request("GET", "/api/services")).json().items as {
      code: string;
      requirements: unknown[];
    }[];
    expect(services.length).toBeGreaterThanOrEqual(3);
    for (const service of services) expect(service.requirements.length).toBeGreaterThan(0);
  });

  it("has a supervisory visit's checklist for the manager's field oversight", async () => {
    const manager = await signIn(h, demoEmail("manager"), demoPassword);
    const response = await manager.request("GET", "/api/field/checklists");
    expect(response.statusCode, response.body).toBe(200);
    const checklists = response.json().items as { name: string; items: string[] }[];
    expect(checklists.map((c) => c.name)).toContain("زيارة إشرافية لمكتب فرعي");
    expect(checklists[0]!.items.length).toBeGreaterThan(0);
  });

  it("has a research committee whose members can reach its quorum by signing in", async () => {
    const member = await signIn(h, demoEmail("committee1"), demoPassword);
    const committees = (await member.request("GET", "/api/committees")).json().items as {
      nameAr: string;
      quorum: number;
      members: unknown[];
    }[];
    const committee = committees.find((c) => c.nameAr === demoCommitteeName)!;
    expect(committee.members.length).toBeGreaterThanOrEqual(committee.quorum);
    expect(committee.quorum).toBeGreaterThan(1);
  });

  it("has a platform operator who sees the demo association", async () => {
    const operator = await signIn(h, demoEmail("operator"), demoPassword);
    const listed = (await operator.request("GET", "/api/platform/associations")).json().items as {
      slug: string;
    }[];
    expect(listed.map((a) => a.slug)).toEqual(["demo"]);
  });

  it("has a year of work for the dashboard: every chart shows something", async () => {
    const manager = await signIn(h, demoEmail("manager"), demoPassword);
    const to = h.clock.now().toISOString().slice(0, 10);
    const from = new Date(h.clock.now().getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
    const response = await manager.request("GET", `/api/dashboards/management?from=${from}&to=${to}`);
    expect(response.statusCode, response.body).toBe(200);
    const d = response.json();
    expect(d.requests.total).toBeGreaterThan(20);
    expect(d.requests.byStatus.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(["accepted", "rejected", "declared", "cancelled"]),
    );
    expect(d.requests.byChannel.length).toBeGreaterThan(3);
    expect(d.requests.byService.length).toBe(3);
    expect(d.requests.byCategory.length).toBe(3);
    expect(d.response.decidedInTime).toBeGreaterThan(0);
    expect(d.response.decidedLate).toBeGreaterThan(0);
    expect(d.response.overdue).toBeGreaterThan(0);
    expect(d.response.pending).toBeGreaterThan(0);
    expect(d.response.distribution.filter((b: { count: number }) => b.count > 0).length).toBeGreaterThan(1);
    expect(d.owners.length).toBeGreaterThan(0);
    expect(d.complaints.byOutcome.map((r: { key: string }) => r.key)).toEqual(
      expect.arrayContaining(["amicable_settlement", "referred_to_compensation", "resolved", "rejected"]),
    );
    expect(d.inquiries.byMonth.length).toBeGreaterThan(10);
    expect(d.inquiries.byChannel.length).toBeGreaterThan(3);
    const liaison = d.liaison.items.find((r: { answeredCount: number }) => r.answeredCount > 0);
    expect(liaison.answeredLateCount).toBeGreaterThan(0);
    expect(d.fieldActions.overdueActions).toBe(1);
    expect(d.fieldActions.visitsByMonth.length).toBe(2);
  });

  it("is seeded once: a second run changes nothing", async () => {
    expect((await seedDemo(h.modules)).created).toBe(false);
  });
});
