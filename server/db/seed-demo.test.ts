import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModules } from "../app.js";
import { createHarness, type Harness, signIn } from "../test/harness.js";
import { demoCommitteeName, demoEmail, demoPassword, demoPortalPeople, seedDemo } from "./seed-demo.js";

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

  it("has beneficiaries with e-mail addresses and a household to try the portal with", async () => {
    const officer = await signIn(h, demoEmail("officer"), demoPassword);
    const association = (await h.modules.associations.service.findBySlug("demo"))!;
    const portalRequests = async (nationalId: string) => {
      const [hit] = (await officer.request("GET", `/api/beneficiaries?q=${nationalId}`)).json().items;
      const actor = {
        sessionId: "00000000-0000-0000-0000-000000000000",
        associationId: association.id,
        beneficiaryId: hit.id as string,
        csrfToken: "",
        expiresAt: new Date(),
        requestId: "demo-test",
      };
      const { items, scope } = await h.modules.portal.service.requests(actor);
      return { items, scope };
    };
    const haila = await portalRequests(demoPortalPeople.haila.nationalId);
    expect(haila.scope.files.map((f) => f.fullName)).toEqual([
      demoPortalPeople.haila.fullName,
      demoPortalPeople.sultan.fullName,
    ]);
    expect(haila.items.map((d) => d.row.state).sort()).toEqual(["accepted", "incomplete", "incomplete"]);
    const dosari = await portalRequests(demoPortalPeople.dosari.nationalId);
    // His family's year of requests is behind the dashboard's charts; the portal shows them all.
    expect(dosari.items.map((d) => d.row.state)).toEqual(expect.arrayContaining(["cancelled", "incomplete"]));
  });

  it("has an active post-service survey with a year of answers, a campaign and two follow-ups", async () => {
    const manager = await signIn(h, demoEmail("manager"), demoPassword);
    const settings = (await manager.request("GET", "/api/survey-settings")).json();
    expect(settings).toMatchObject({
      afterDelivery: true,
      afterRequestClosed: true,
      afterComplaintClosed: true,
    });
    const surveys = (await manager.request("GET", "/api/surveys")).json().items as {
      id: string;
      status: string;
      answers: number;
    }[];
    expect(surveys.find((s) => s.id === settings.postServiceSurveyId)?.status).toBe("active");
    expect(surveys.reduce((n, s) => n + s.answers, 0)).toBeGreaterThanOrEqual(300);
    const dashboard = (await manager.request("GET", "/api/dashboards/management")).json();
    expect(dashboard.satisfaction.byMonth.length).toBe(12);
    expect(dashboard.satisfaction.themes.length).toBeGreaterThan(3);
    expect((await manager.request("GET", "/api/survey-campaigns")).json().items).toHaveLength(1);
    expect((await manager.request("GET", "/api/survey-follow-ups")).json().items).toHaveLength(2);
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
    expect((await seedDemo(h.modules, { now: h.clock.now() })).created).toBe(false);
  });
});
