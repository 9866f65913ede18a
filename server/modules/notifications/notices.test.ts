import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoticeView } from "../../../shared/contracts/notifications.js";
import { auditEvents } from "../../db/schema.js";
import { createAssociation, createHarness, createUser, type Harness, signIn } from "../../test/harness.js";
import type { Transports } from "./notifications.service.js";
import type { OutgoingMessage } from "./transports.js";

/** No SMS gateway at first, as in the demo; a test configures one later (the object is read when sending). */
const transports: Transports = {};
const gatewaySent: OutgoingMessage[] = [];
const secret = "a-shared-secret-for-reports";

let h: Harness;
let associationId: string;
let officer: Awaited<ReturnType<typeof signIn>>;
let officerName: string;

beforeAll(async () => {
  h = await createHarness({ SILAH_SMS_GATEWAY_REPORT_SECRET: secret }, { transports });
  const association = await createAssociation(h, "notices");
  associationId = association.id;
  const user = await createUser(h, association.id, ["officer"], "سلمى الموظفة");
  officerName = user.fullName;
  officer = await signIn(h, user.email);
});
afterAll(async () => {
  await h?.close();
});

async function person(body: Record<string, unknown>) {
  const response = await officer.request("POST", "/api/beneficiaries", {
    lawfulBasis: "service_request",
    gender: "female",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

const notify = (beneficiaryId: string, eventKey: string, body = "نفيدكم بقبول طلبكم.") =>
  h.db.tenant(associationId, (tx) =>
    h.modules.notifications.service.notifyBeneficiary(
      tx,
      { system: true, associationId },
      { beneficiaryId, eventKey, subject: "قرار طلبكم", body },
    ),
  );

async function notices(query: string): Promise<NoticeView[]> {
  const response = await officer.request("GET", `/api/notices?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: NoticeView[] }).items;
}

const events = (type: string) =>
  h.db.system((tx) =>
    tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.associationId, associationId), eq(auditEvents.type, type))),
  );

describe("a notice that cannot arrive says so (SPEC C2, G1)", () => {
  it("an SMS beneficiary with no gateway: the notice fails at once with its reason, never waits", async () => {
    const nora = await person({
      fullName: "نورة بنت سعد الدوسري",
      phones: ["0551239876"],
      preferredChannel: "sms",
    });
    const request = randomUUID();
    const row = await notify(nora.id, `support_request:${request}:decided:1`);
    expect(row).toMatchObject({ status: "failed", failureReason: "no_transport" });
    expect(await h.queue.drain()).toBe(0);

    const [shown] = await notices(`subjectType=support_request&subjectId=${request}`);
    expect(shown).toMatchObject({
      status: "failed",
      failureReason: "no_transport",
      channel: "sms",
      retryable: false,
      beneficiary: { id: nora.id, fullName: "نورة بنت سعد الدوسري" },
    });
    // Reachable by a call or a letter (the phone is known); e-mail unknown, SMS has no gateway.
    expect(shown!.switchTo.sort()).toEqual(["letter", "phone"]);
    expect((await notices(`beneficiaryId=${nora.id}`)).map((n) => n.id)).toEqual([shown!.id]);

    const retried = await officer.request("POST", `/api/notices/${shown!.id}/retry`);
    expect(retried.statusCode).toBe(409);
    expect(retried.json().errors[0]).toMatchObject({ code: "notice_cannot_retry" });
  });

  it("switched to a phone call it becomes a task with the whole text, marked done with who and when", async () => {
    const huda = await person({
      fullName: "هدى بنت ناصر الشمري",
      phones: ["0561112222"],
      preferredChannel: "sms",
    });
    const request = randomUUID();
    const failed = await notify(
      huda.id,
      `support_request:${request}:decided:1`,
      "نفيدكم بقبول طلبكم رقم ط-٧.",
    );

    const refused = await officer.request("POST", `/api/notices/${failed!.id}/switch`, { channel: "email" });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: "channel", code: "channel_unavailable" });

    h.clock.advance(60_000);
    const switched = await officer.request("POST", `/api/notices/${failed!.id}/switch`, { channel: "phone" });
    expect(switched.statusCode, switched.body).toBe(200);
    const task = switched.json() as NoticeView;
    expect(task).toMatchObject({ status: "manual", channel: "phone", body: "نفيدكم بقبول طلبكم رقم ط-٧." });
    const all = await notices(`subjectType=support_request&subjectId=${request}`);
    expect(all.map((n) => [n.channel, n.status])).toEqual([
      ["phone", "manual"],
      ["sms", "superseded"],
    ]);
    expect((await notices("open=true")).map((n) => n.id)).toContain(task.id);
    expect((await events("notification.switched")).at(-1)?.payload).toMatchObject({
      from: "sms",
      to: "phone",
      notificationId: failed!.id,
    });

    h.clock.advance(60_000);
    const done = await officer.request("POST", `/api/notices/${task.id}/done`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: "done",
      handledBy: officerName,
      handledAt: h.clock.now().toISOString(),
    });
    expect((await notices("open=true")).map((n) => n.id)).not.toContain(task.id);
    const [audited] = await events("notification.done_by_hand");
    expect(audited).toMatchObject({ subjectType: "beneficiary", subjectId: huda.id });
    expect(audited!.actorUserId).toBe(officer.session.user.id);

    const again = await officer.request("POST", `/api/notices/${task.id}/done`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ code: "notice_not_manual" });
  });

  it("three one-time codes for one declaration leave one open task, holding the latest code", async () => {
    const amal = await person({
      fullName: "أمل بنت سالم المري",
      phones: ["0507654321"],
      preferredChannel: "phone",
    });
    const request = randomUUID();
    for (const code of ["111111", "222222", "333333"]) {
      h.clock.advance(60_000); // the officer sends again a minute later
      await notify(
        amal.id,
        `support_request:${request}:declaration:${randomUUID()}`,
        `رمز إقراركم هو ${code}.`,
      );
    }
    const rows = await notices(`subjectType=support_request&subjectId=${request}`);
    expect(rows.map((n) => n.status)).toEqual(["manual", "superseded", "superseded"]);
    const open = (await notices("open=true")).filter((n) => n.about?.id === request);
    expect(open).toHaveLength(1);
    expect(open[0]!.body).toBe("رمز إقراركم هو 333333.");
    expect(open[0]!.purpose).toBe("declaration");
  });

  it("a list names what it is for, and another role may not act on notices", async () => {
    const bad = await officer.request("GET", "/api/notices");
    expect(bad.statusCode).toBe(400);
    const hr = await signIn(h, (await createUser(h, associationId, ["hr"])).email);
    expect((await hr.request("GET", "/api/notices?open=true")).statusCode).toBe(403);
  });

  it("once a gateway is configured a failed SMS is retried, and the gateway's report marks it delivered", async () => {
    const reem = await person({
      fullName: "ريم بنت فهد العتيبي",
      phones: ["0559998877"],
      preferredChannel: "sms",
    });
    const failed = await notify(reem.id, `support_request:${randomUUID()}:complete:2026-04-01`);
    expect(failed?.status).toBe("failed");

    transports.sms = {
      name: "test-gateway",
      async send(message) {
        gatewaySent.push(message);
        return { providerId: `gw-${gatewaySent.length}` };
      },
    };
    const retried = await officer.request("POST", `/api/notices/${failed!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: "queued", failureReason: null });
    expect(await h.queue.drain()).toBe(1);
    expect(gatewaySent.map((m) => m.to)).toEqual(["+966559998877"]);
    expect((await notices(`beneficiaryId=${reem.id}`))[0]).toMatchObject({ status: "sent" });

    const report = (headers: Record<string, string>, payload: Record<string, string>) =>
      h.app.inject({ method: "POST", url: "/api/notices/delivery-reports", headers, payload });
    expect((await report({}, { idempotencyKey: failed!.id, status: "delivered" })).statusCode).toBe(401);
    expect(
      (
        await report(
          { authorization: "Bearer wrong-secret-of-same-size!" },
          { idempotencyKey: failed!.id, status: "delivered" },
        )
      ).statusCode,
    ).toBe(401);
    expect((await notices(`beneficiaryId=${reem.id}`))[0]!.status).toBe("sent");

    const accepted = await report({ authorization: `Bearer ${secret}` }, { id: "gw-1", status: "delivered" });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ accepted: true });
    expect((await notices(`beneficiaryId=${reem.id}`))[0]).toMatchObject({
      status: "delivered",
      deliveredAt: h.clock.now().toISOString(),
    });
    const unknown = await report(
      { authorization: `Bearer ${secret}` },
      { id: "gw-nothing", status: "failed" },
    );
    expect(unknown.json()).toEqual({ accepted: false });
    delete transports.sms;
  });
});

describe("a change is told to the people it concerns, with what changed (SPEC I3, G1)", () => {
  it("a beneficiary's new phone number is told on the agreed channel, from what to what", async () => {
    const sara = await person({
      fullName: "سارة بنت علي القحطاني",
      phones: ["0551110000"],
      preferredChannel: "phone",
    });
    h.clock.advance(60_000);
    const edited = await officer.request("PATCH", `/api/beneficiaries/${sara.id}`, {
      phones: ["0552220000"],
      confirmNotDuplicate: true,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const [told] = await notices(`beneficiaryId=${sara.id}`);
    expect(told).toMatchObject({ channel: "phone", status: "manual", subject: "تحديث بيانات التواصل" });
    expect(told!.body).toContain("أرقام الجوال: من «+966551110000» إلى «+966552220000»");
    expect(told!.recipient).toBe("+966552220000");

    // A change that leaves how she is reached alone tells her nothing.
    await officer.request("PATCH", `/api/beneficiaries/${sara.id}`, { city: "نجران" });
    expect(await notices(`beneficiaryId=${sara.id}`)).toHaveLength(1);

    // Two changes, two notices: a later change does not supersede the earlier one.
    h.clock.advance(60_000);
    await officer.request("PATCH", `/api/beneficiaries/${sara.id}`, { preferredChannel: "letter" });
    const both = await notices(`beneficiaryId=${sara.id}`);
    expect(both.map((n) => [n.channel, n.status])).toEqual([
      ["letter", "manual"],
      ["phone", "manual"],
    ]);
    expect(both[0]!.body).toContain("وسيلة التواصل المتفق عليها: من «الاتصال الهاتفي» إلى «خطاب»");
  });

  it("a service's new requirement is told to those with an undecided request for it, and audited with before and after", async () => {
    const admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
    const created = await admin.request("POST", "/api/services", {
      code: "rent_aid",
      nameAr: "مساعدة الإيجار",
      kind: "financial",
      requirements: [{ kind: "field", code: "rent", labelAr: "قيمة الإيجار", fieldType: "number" }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const serviceId = (created.json() as { id: string }).id;
    const huda = await person({
      fullName: "هند بنت سالم العنزي",
      phones: ["0553330000"],
      preferredChannel: "phone",
    });
    const opened = await officer.request("POST", "/api/requests", {
      beneficiaryId: huda.id,
      serviceId,
      channel: "interview",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const request = opened.json() as { id: string; referenceNumber: string };

    h.clock.advance(60_000);
    const changed = await admin.request("PATCH", `/api/services/${serviceId}`, {
      requirements: [
        { kind: "field", code: "rent", labelAr: "قيمة الإيجار", fieldType: "number" },
        { kind: "document", code: "lease", labelAr: "عقد الإيجار" },
      ],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const [told] = await notices(`subjectType=support_request&subjectId=${request.id}`);
    expect(told).toMatchObject({ status: "manual", beneficiary: { id: huda.id } });
    expect(told!.body).toContain(`بالطلب رقم ${request.referenceNumber}`);
    expect(told!.body).toContain("المتطلبات: من «قيمة الإيجار» إلى «قيمة الإيجار، عقد الإيجار»");
    const [audited] = (await events("service.updated")).filter((e) => e.subjectId === serviceId);
    expect(audited!.payload).toMatchObject({
      changes: [{ field: "requirements", before: "قيمة الإيجار", after: "قيمة الإيجار، عقد الإيجار" }],
    });

    // Only the words of the catalogue's English name changed: nothing a beneficiary reads, nobody told.
    await admin.request("PATCH", `/api/services/${serviceId}`, { nameEn: "Rent aid" });
    expect(await notices(`subjectType=support_request&subjectId=${request.id}`)).toHaveLength(1);
  });
});

describe("a date the beneficiary was told that moves is told again as a change (SPEC I3)", () => {
  it("completing again after the calendar gained a closure tells the new response date, from what to what", async () => {
    const admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
    const created = await admin.request("POST", "/api/services", {
      code: "water_bill",
      nameAr: "سداد فاتورة الماء",
      kind: "financial",
      requirements: [{ kind: "field", code: "bill", labelAr: "قيمة الفاتورة", fieldType: "number" }],
    });
    const serviceId = (created.json() as { id: string }).id;
    const lama = await person({
      fullName: "لمى بنت حمد الحربي",
      phones: ["0554440000"],
      preferredChannel: "phone",
    });
    const opened = await officer.request("POST", "/api/requests", {
      beneficiaryId: lama.id,
      serviceId,
      channel: "interview",
      data: { bill: 300 },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const request = opened.json() as { id: string; state: string; due: { dueDate: string } };
    expect(request.state).toBe("complete");
    const query = `subjectType=support_request&subjectId=${request.id}`;
    const [first] = await notices(query);
    expect(first!.body).not.toContain("تغيّر موعد الرد");

    // The administrator closes the association on a working day before the due date.
    expect(
      (
        await admin.request("PUT", "/api/calendar/days/2026-03-16", {
          kind: "closure",
          nameAr: "صيانة المقر",
        })
      ).statusCode,
    ).toBe(200);
    h.clock.advance(60_000);
    await officer.request("PUT", `/api/requests/${request.id}/data`, { data: { bill: null } });
    const again = await officer.request("PUT", `/api/requests/${request.id}/data`, { data: { bill: 320 } });
    expect(again.statusCode, again.body).toBe(200);
    const moved = (again.json() as { due: { dueDate: string } }).due.dueDate;
    expect(moved > request.due.dueDate).toBe(true);

    const [latest, older] = await notices(query);
    expect(latest!.body).toMatch(/^تغيّر موعد الرد على طلبكم رقم .+: من .+ إلى .+\.\n/);
    expect(latest!.status).toBe("manual");
    expect(older).toMatchObject({ id: first!.id, status: "superseded" }); // one call to make, with the new date
    const completed = (await events("support_request.completed")).filter(
      (e) => (e.payload as { requestId: string }).requestId === request.id,
    );
    expect(completed.at(-1)!.payload).toMatchObject({ dueDate: moved, previousDueDate: request.due.dueDate });
  });
});
