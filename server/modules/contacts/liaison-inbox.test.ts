import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

/**
 * Issue 11: an inquiry routed to a liaison officer reached nobody — the officer's «عملي» was empty
 * and no page listed or answered it (I1, H1). Senior management could not see the officers' load (S3).
 */
let h: Harness;
let associationId: string;
let officer: Client;
let liaison: Client;
let liaisonId: string;
let manager: Client;
let admin: Client;
let beneficiaryId: string;
let inquiryId: string;
let libraryVersionId: string;
let foreignVersionId: string;
const emails: Record<"officer" | "liaison" | "manager", string> = { officer: "", liaison: "", manager: "" };

/** Days pass: the clock moves, and each person signs in again as they would that morning. */
async function daysLater(at: string) {
  h.clock.set(at);
  officer = await signIn(h, emails.officer);
  liaison = await signIn(h, emails.liaison);
  manager = await signIn(h, emails.manager);
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function libraryVersion(client: Client, title: string): Promise<string> {
  const file = await ok(
    await client.request("POST", "/api/files?name=guide.pdf", Buffer.from("%PDF-1.4 guide"), {
      contentType: "application/pdf",
    }),
    201,
  );
  const document = await ok(
    await client.request("POST", "/api/library", {
      kind: "support_policy_guide",
      titleAr: title,
      version: { fileId: file.id, versionLabel: "1447" },
    }),
    201,
  );
  return document.versions[0].id;
}

beforeAll(async () => {
  h = await createHarness();
  // Sunday 15 March 2026, 09:00 in Riyadh.
  h.clock.set("2026-03-15T06:00:00.000Z");
  const a = await createAssociation(h, "liaison-a");
  associationId = a.id;
  emails.officer = (await createUser(h, a.id, ["officer"])).email;
  const liaisonUser = await createUser(h, a.id, ["liaison_officer"], "ضابط الاتصال");
  liaisonId = liaisonUser.id;
  emails.liaison = liaisonUser.email;
  emails.manager = (await createUser(h, a.id, ["manager"])).email;
  officer = await signIn(h, emails.officer);
  liaison = await signIn(h, emails.liaison);
  manager = await signIn(h, emails.manager);
  admin = await signIn(h, (await createUser(h, a.id, ["administrator"])).email);
  await ok(await admin.request("PUT", "/api/liaison-routes", { routes: [{ liaisonUserId: liaisonId }] }));
  beneficiaryId = (
    await ok(
      await officer.request("POST", "/api/beneficiaries", {
        lawfulBasis: "service_request",
        fullName: "هيا بنت سعد العتيبي",
        gender: "female",
        phones: ["0551234567"],
      }),
      201,
    )
  ).id;
  libraryVersionId = await libraryVersion(admin, "دليل سياسة الدعم للمستفيدين");
  const b = await createAssociation(h, "liaison-b");
  const otherAdmin = await signIn(h, (await createUser(h, b.id, ["administrator"])).email);
  foreignVersionId = await libraryVersion(otherAdmin, "دليل جمعية أخرى");
});
afterAll(() => h.close());

describe("an inquiry routed to a liaison officer", () => {
  it("is in the liaison officer's inbox with the beneficiary, channel and its age, and in «عملي»", async () => {
    const recorded = await ok(
      await officer.request("POST", "/api/interactions", {
        beneficiaryId,
        kind: "inquiry",
        channel: "whatsapp",
        direction: "inbound",
        subject: "موعد صرف الإعانة الشهرية",
      }),
      201,
    );
    inquiryId = recorded.id;
    expect(recorded.routedTo.id).toBe(liaisonId);

    const inbox = await ok(await liaison.request("GET", "/api/liaison/inbox"));
    expect(inbox.openCount).toBe(1);
    expect(inbox.overdueCount).toBe(0);
    expect(inbox.items).toEqual([
      expect.objectContaining({
        id: inquiryId,
        subject: "موعد صرف الإعانة الشهرية",
        channel: "whatsapp",
        beneficiary: { id: beneficiaryId, fullName: "هيا بنت سعد العتيبي" },
        ageWorkingDays: 0,
        // Three working days after Sunday: Monday, Tuesday, Wednesday.
        dueDate: "2026-03-18",
        overdue: false,
      }),
    ]);

    const work = await ok(await liaison.request("GET", "/api/my-work"));
    expect(work.items).toEqual([
      expect.objectContaining({
        kind: "routed_inquiry",
        ref: inquiryId,
        beneficiary: { id: beneficiaryId, fullName: "هيا بنت سعد العتيبي" },
        dueDate: "2026-03-18",
      }),
    ]);
  });

  it("is nobody else's inbox: an officer is refused it", async () => {
    const refused = await officer.request("GET", "/api/liaison/inbox");
    expect(refused.statusCode).toBe(403);
  });

  it("grows old on working days, turns overdue after its due date, and alerts senior management", async () => {
    // Sunday 29 March: the Eid al-Fitr holidays and the weekends between do not count.
    await daysLater("2026-03-29T06:00:00.000Z");
    const inbox = await ok(await liaison.request("GET", "/api/liaison/inbox"));
    const [item] = inbox.items;
    expect(item.overdue).toBe(true);
    expect(item.ageWorkingDays).toBeGreaterThan(3);
    expect(item.ageWorkingDays).toBeLessThan(10);
    expect(inbox.overdueCount).toBe(1);

    const work = await ok(await manager.request("GET", "/api/my-work"));
    expect(work.items).toContainEqual(expect.objectContaining({ kind: "overdue_inquiry", ref: inquiryId }));

    const load = await ok(await manager.request("GET", "/api/liaison/load"));
    expect(load.answerPeriodWorkingDays).toBe(3);
    expect(load.items).toContainEqual(
      expect.objectContaining({
        liaison: expect.objectContaining({ id: liaisonId }),
        openCount: 1,
        overdueCount: 1,
        answeredCount: 0,
        averageAnswerWorkingDays: null,
      }),
    );
  });

  it("refuses an answer citing another association's library document: a field error, and it stays open", async () => {
    const refused = await liaison.request("POST", `/api/interactions/${inquiryId}/answer`, {
      answer: "يُصرف في الأسبوع الأول من الشهر.",
      citedLibraryVersionId: foreignVersionId,
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({
        path: "citedLibraryVersionId",
        code: "library_version_unknown",
        message: expect.objectContaining({ ar: expect.any(String) }),
      }),
    ]);
    expect((await ok(await liaison.request("GET", "/api/liaison/inbox"))).openCount).toBe(1);
  });

  it("is answered citing a library document: it leaves the open list, the beneficiary is told, and it is audited", async () => {
    const answered = await ok(
      await liaison.request("POST", `/api/interactions/${inquiryId}/answer`, {
        answer: "يُصرف في الأسبوع الأول من الشهر.",
        citedLibraryVersionId: libraryVersionId,
      }),
    );
    expect(answered.citation).toMatchObject({
      versionId: libraryVersionId,
      titleAr: "دليل سياسة الدعم للمستفيدين",
      versionLabel: "1447",
    });
    expect(answered.answeredBy.id).toBe(liaisonId);

    const open = await ok(await liaison.request("GET", "/api/liaison/inbox?status=open"));
    expect(open.items).toEqual([]);
    expect(open.openCount).toBe(0);
    const done = await ok(await liaison.request("GET", "/api/liaison/inbox?status=answered"));
    expect(done.items).toEqual([
      expect.objectContaining({ id: inquiryId, overdue: true, citation: expect.any(Object) }),
    ]);
    expect((await ok(await liaison.request("GET", "/api/my-work"))).items).toEqual([]);

    const sent = await h.db.system((tx) =>
      tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.associationId, associationId),
            eq(notifications.eventKey, `interaction:${inquiryId}:answered`),
          ),
        ),
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain("يُصرف في الأسبوع الأول من الشهر.");
    expect(sent[0]!.body).toContain("دليل سياسة الدعم للمستفيدين");
    expect(await auditTypes(h, associationId)).toContain("interaction.answered");

    const again = await liaison.request("POST", `/api/interactions/${inquiryId}/answer`, {
      answer: "مرة أخرى",
    });
    expect(again.statusCode).toBe(404);
  });

  it("shows senior management each officer's answers and average answer time; only management", async () => {
    const load = await ok(await manager.request("GET", "/api/liaison/load?from=2026-03-01&to=2026-03-31"));
    const row = load.items.find((r: { liaison: { id: string } }) => r.liaison.id === liaisonId);
    expect(row).toMatchObject({ openCount: 0, overdueCount: 0, answeredCount: 1, answeredLateCount: 1 });
    expect(row.averageAnswerWorkingDays).toBeGreaterThan(3);

    const before = await ok(await manager.request("GET", "/api/liaison/load?from=2026-02-01&to=2026-02-28"));
    expect(before.items.find((r: { liaison: { id: string } }) => r.liaison.id === liaisonId)).toMatchObject({
      answeredCount: 0,
      averageAnswerWorkingDays: null,
    });

    const reversed = await manager.request("GET", "/api/liaison/load?from=2026-03-31&to=2026-03-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ path: "from", code: "range_reversed" });

    expect((await liaison.request("GET", "/api/liaison/load")).statusCode).toBe(403);
    expect((await officer.request("GET", "/api/liaison/load")).statusCode).toBe(403);
  });
});

describe("the beneficiary's timeline", () => {
  it("shows each contact's channel and direction, a home visit among them, and a letter's register number and subject", async () => {
    await ok(
      await officer.request("POST", "/api/interactions", {
        beneficiaryId,
        kind: "contact",
        channel: "home_visit",
        direction: "outbound",
        subject: "زيارة منزلية للتحقق من السكن",
      }),
      201,
    );
    const letter = await ok(
      await officer.request("POST", "/api/correspondence", {
        direction: "incoming",
        medium: "letter",
        counterpart: "مستشفى الملك خالد",
        subject: "تقرير طبي للمستفيدة",
        beneficiaryId,
      }),
      201,
    );
    const { items } = await ok(await officer.request("GET", `/api/beneficiaries/${beneficiaryId}/timeline`));
    expect(items).toContainEqual(
      expect.objectContaining({ kind: "contact", channel: "home_visit", direction: "outbound" }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: "inquiry",
        channel: "whatsapp",
        direction: "inbound",
        citation: expect.objectContaining({ titleAr: "دليل سياسة الدعم للمستفيدين" }),
      }),
    );
    const registered = items.filter((i: { kind: string }) => i.kind === "correspondence");
    expect(registered).toEqual([
      expect.objectContaining({
        referenceNumber: letter.referenceNumber,
        title: expect.objectContaining({ ar: "مراسلة: تقرير طبي للمستفيدة" }),
        channel: "letters",
        direction: "inbound",
      }),
    ]);
  });
});
