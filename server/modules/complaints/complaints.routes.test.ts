import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { solvedComplaintProof } from "../../test/complaint-proof.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
const emails: Record<"officer" | "committee" | "manager", string> = {
  officer: "",
  committee: "",
  manager: "",
};
let app: FastifyInstance;
let slug: string;
let associationId: string;
let officer: Client;
let committee: Client;
let committeeId: string;
let manager: Client;
let managerId: string;

beforeAll(async () => {
  h = await createHarness();
  app = h.app;
  const association = await createAssociation(h, "complaints");
  slug = association.slug;
  associationId = association.id;
  emails.officer = (await createUser(h, association.id, ["officer"])).email;
  const member = await createUser(h, association.id, ["followup_committee_member"], "عضو لجنة المتابعة");
  committeeId = member.id;
  emails.committee = member.email;
  const boss = await createUser(h, association.id, ["manager"], "المدير التنفيذي");
  managerId = boss.id;
  emails.manager = boss.email;
  await createUser(h, association.id, ["administrator"], "مسؤول النظام");
});
// The tests move the clock by days; staff sign in again rather than outlive their sessions.
async function signInEveryone() {
  officer = await signIn(h, emails.officer);
  committee = await signIn(h, emails.committee);
  manager = await signIn(h, emails.manager);
}
beforeEach(signInEveryone);
afterAll(() => h.close());

const fileComplaint = async (body: Record<string, unknown>, ip = "10.1.1.1") =>
  app.inject({
    method: "POST",
    url: `/api/public/associations/${slug}/complaints`,
    remoteAddress: ip,
    payload: {
      category: "delay",
      subject: "تأخر الرد على طلبي",
      details: "تقدمت بطلب مساعدة منذ شهر ولم يصلني رد حتى الآن.",
      altcha: (await solvedComplaintProof(app, slug, ip)).altcha,
      ...body,
    },
  });

describe("a complaint from the public page", () => {
  it("names the association the complaint goes to, and knows no unknown address", async () => {
    const challenge = (
      await app.inject({ method: "GET", url: `/api/public/associations/${slug}/complaint-challenge` })
    ).json();
    expect(challenge.association.nameAr).toContain("جمعية complaints");
    const unknown = await app.inject({
      method: "GET",
      url: "/api/public/associations/no-such-association/complaint-challenge",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("gets a reference and a tracking link that shows the status and nothing personal", async () => {
    const response = await fileComplaint({ name: "مواطنة", phone: "0551230000", notifyBy: "sms" });
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    // 15 March 2026 is in Ramadan 1447; the deadline is 15 working days later, after Eid al-Fitr.
    expect(receipt.referenceNumber).toBe("C-1447-0001");
    expect(receipt.trackingToken.length).toBeGreaterThanOrEqual(43);
    expect(receipt.dueDate).toBe("2026-04-07");

    const tracking = await app.inject({
      method: "GET",
      url: `/api/public/complaints/${receipt.trackingToken}`,
    });
    expect(tracking.statusCode).toBe(200);
    expect(tracking.json()).toMatchObject({
      referenceNumber: "C-1447-0001",
      status: "received",
      outcome: null,
    });
    expect(tracking.body).not.toMatch(/مواطنة|0551230000|966|تأخر الرد/);

    const guessed = await app.inject({ method: "GET", url: `/api/public/complaints/${"A".repeat(43)}` });
    expect(guessed.statusCode).toBe(404);
    expect(await auditTypes(h, associationId)).toContain("complaint.received");
  });

  it("refuses a complaint posted from another site and an oversized one", async () => {
    const crossSite = await app.inject({
      method: "POST",
      url: `/api/public/associations/${slug}/complaints`,
      headers: { origin: "https://elsewhere.example", host: "silah.local" },
      payload: { category: "other", subject: "x", details: "x" },
    });
    expect(crossSite.statusCode).toBe(403);
    const huge = await fileComplaint({ details: "ط".repeat(40_000) });
    expect([400, 413]).toContain(huge.statusCode);
  });
});

describe("the follow-up committee", () => {
  it("assigns, investigates and settles amicably; the complainant is told and sees the outcome", async () => {
    const receipt = (
      await fileComplaint({ name: "أبو فهد", email: "abufahad@example.test", notifyBy: "email" }, "10.5.5.5")
    ).json();
    const list = (await committee.request("GET", "/api/complaints?status=open")).json().items;
    const complaint = list.find(
      (c: { referenceNumber: string }) => c.referenceNumber === receipt.referenceNumber,
    );
    expect(complaint).toMatchObject({ status: "received", complainant: { name: "أبو فهد" } });

    const assigned = await committee.request("POST", `/api/complaints/${complaint.id}/assign`, {
      assigneeId: committeeId,
    });
    expect(assigned.json()).toMatchObject({ status: "assigned", assignedTo: { id: committeeId } });
    await committee.request("POST", `/api/complaints/${complaint.id}/notes`, {
      kind: "contact",
      note: "اتصلنا بالمشتكي وشرحنا سبب التأخير.",
    });

    const directed = await manager.request("POST", `/api/complaints/${complaint.id}/directions`, {
      note: "أرجو إنهاء الشكوى ودياً خلال هذا الأسبوع.",
    });
    expect(directed.statusCode, directed.body).toBe(200);
    expect(directed.json().events.at(-1)).toMatchObject({
      kind: "direction",
      note: "أرجو إنهاء الشكوى ودياً خلال هذا الأسبوع.",
    });
    expect(
      (await committee.request("POST", `/api/complaints/${complaint.id}/directions`, { note: "ملاحظة" }))
        .statusCode,
    ).toBe(403);

    const noTerms = await committee.request("POST", `/api/complaints/${complaint.id}/close`, {
      outcome: "amicable_settlement",
      note: "تسوية ودية",
    });
    expect(noTerms.statusCode).toBe(400);
    const settled = await committee.request("POST", `/api/complaints/${complaint.id}/close`, {
      outcome: "amicable_settlement",
      note: "اتفقنا على دراسة الطلب خلال أسبوع.",
      settlementTerms: "دراسة الطلب في اجتماع اللجنة القادم وإبلاغه بالنتيجة.",
      complainantAccepted: true,
    });
    expect(settled.statusCode, settled.body).toBe(200);
    expect(settled.json()).toMatchObject({ status: "closed", outcome: "amicable_settlement" });
    expect(settled.json().complainantAcceptedAt).not.toBeNull();

    const again = await committee.request("POST", `/api/complaints/${complaint.id}/close`, {
      outcome: "rejected",
      note: "مرة أخرى",
    });
    expect(again.statusCode).toBe(409);

    const tracking = (
      await app.inject({ method: "GET", url: `/api/public/complaints/${receipt.trackingToken}` })
    ).json();
    expect(tracking).toMatchObject({ status: "closed", outcome: "amicable_settlement" });
    expect(tracking.steps.map((s: { kind: string }) => s.kind)).toEqual([
      "received",
      "assigned",
      "contact",
      "closed:amicable_settlement",
    ]);

    const outbox = await h.db.tenant(associationId, (tx) =>
      tx.query.notifications.findMany({ where: (t, { eq }) => eq(t.recipient, "abufahad@example.test") }),
    );
    expect(outbox.map((n) => n.eventKey.split(":").at(-1)).sort()).toEqual([
      "assigned",
      "closed",
      "received",
    ]);
    expect(await h.queue.drain()).toBeGreaterThanOrEqual(3);
  });

  it("records complaints received by phone or fax, and routes technical support to the administrator", async () => {
    const byPhone = await officer.request("POST", "/api/complaints", {
      channel: "phone",
      category: "technical_support",
      subject: "لا أستطيع الدخول إلى البوابة",
      details: "تظهر رسالة خطأ عند تسجيل الدخول منذ يومين.",
      name: "مستفيدة",
    });
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    const list = (await manager.request("GET", "/api/complaints?status=open")).json().items;
    const found = list.find(
      (c: { referenceNumber: string }) => c.referenceNumber === byPhone.json().referenceNumber,
    );
    expect(found).toMatchObject({ channel: "phone", status: "assigned", source: "staff" });
    expect(found.assignedTo.fullName).toContain("مسؤول النظام");
  });

  it("warns before the deadline, escalates to senior management after it, and shows it on the dashboard", async () => {
    const receipt = (await fileComplaint({}, "10.6.6.6")).json();
    h.clock.set("2026-04-06T08:00:00Z");
    await h.queue.drain();
    h.clock.set("2026-04-08T08:00:00Z");
    await h.queue.drain();
    await signInEveryone();
    const list = (await manager.request("GET", "/api/complaints?status=open&limit=200")).json().items;
    const late = list.find((c: { referenceNumber: string }) => c.referenceNumber === receipt.referenceNumber);
    expect(late.overdue).toBe(true);
    expect(late.events.map((e: { kind: string }) => e.kind)).toEqual([
      "received",
      "deadline_warning",
      "escalated",
    ]);
    const dashboard = (await manager.request("GET", "/api/complaints/dashboard")).json();
    expect(dashboard.escalated).toBeGreaterThanOrEqual(1);
    expect(dashboard.overdue).toBeGreaterThanOrEqual(1);
    expect(
      dashboard.byCategory.find((c: { category: string }) => c.category === "delay").total,
    ).toBeGreaterThan(1);
    expect((await officer.request("GET", "/api/complaints/dashboard")).statusCode).toBe(403);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["complaint.deadline_warning", "complaint.escalated"]),
    );
  });
});

describe("compensation", () => {
  it("is refused without proof, approved with dated member-approved minutes, and never paid above the approval", async () => {
    const claim = (
      await committee.request("POST", "/api/compensation-claims", {
        claimantName: "سالم بن راشد",
        description: "تلف أجهزة منزلية سلمتها الجمعية معيبة.",
      })
    ).json();
    await committee.request("POST", `/api/compensation-claims/${claim.id}/rounds`, {
      offerAmount: 100_000,
      response: "counter",
      counterAmount: 150_000,
    });
    await committee.request("POST", `/api/compensation-claims/${claim.id}/settlement`, {
      terms: "تعويض بقيمة ١٢٠٠ ريال تدفع على دفعتين.",
      amount: 120_000,
    });
    const refused = await manager.request("POST", `/api/compensation-claims/${claim.id}/approve`, {
      amount: 120_000,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].message.ar).toContain("محضر لجنة التحقيق");

    const proof = await committee.request("POST", `/api/compensation-claims/${claim.id}/proof`, {
      kind: "investigation_minutes",
      date: "2026-03-12",
      harm: "تلف ثلاجة وغسالة",
      harmSize: "١٢٠٠ ريال",
      causes: "توريد أجهزة معيبة دون فحص",
      approvedBy: [committeeId, managerId],
    });
    expect(proof.statusCode, proof.body).toBe(200);
    expect(
      (await manager.request("POST", `/api/compensation-claims/${claim.id}/approve`, { amount: 150_000 }))
        .statusCode,
    ).toBe(400);
    const approved = await manager.request("POST", `/api/compensation-claims/${claim.id}/approve`, {
      amount: 120_000,
    });
    expect(approved.json()).toMatchObject({ status: "approved", approvedAmount: 120_000 });

    // Two payments at once that together exceed the approval: exactly one goes through.
    const [first, second] = await Promise.all([
      manager.request("POST", `/api/compensation-claims/${claim.id}/payments`, {
        amount: 80_000,
        reference: "TR-1",
      }),
      manager.request("POST", `/api/compensation-claims/${claim.id}/payments`, {
        amount: 80_000,
        reference: "TR-2",
      }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 400]);
    const final = await manager.request("POST", `/api/compensation-claims/${claim.id}/payments`, {
      amount: 40_000,
      reference: "TR-3",
    });
    expect(final.json()).toMatchObject({ status: "paid", paidAmount: 120_000 });
    const more = await manager.request("POST", `/api/compensation-claims/${claim.id}/payments`, {
      amount: 1,
      reference: "TR-4",
    });
    expect(more.statusCode).toBe(409);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["compensation.approved", "compensation.paid"]),
    );
  });

  it("accepts a judicial ruling with its document as proof", async () => {
    const pdf = Buffer.from("%PDF-1.7\nruling\n%%EOF\n");
    const file = (
      await committee.request("POST", "/api/files?name=ruling.pdf", pdf, { contentType: "application/pdf" })
    ).json();
    const claim = (
      await committee.request("POST", "/api/compensation-claims", {
        claimantName: "منيرة",
        description: "ضرر ثابت بحكم.",
      })
    ).json();
    const proof = await committee.request("POST", `/api/compensation-claims/${claim.id}/proof`, {
      kind: "judicial_ruling",
      number: "٤٥٦٧٨",
      date: "2026-02-01",
      authority: "المحكمة العامة بنجران",
      fileId: file.id,
    });
    expect(proof.statusCode, proof.body).toBe(200);
    expect(
      (await manager.request("POST", `/api/compensation-claims/${claim.id}/approve`, { amount: 50_000 }))
        .statusCode,
    ).toBe(200);
  });
});
