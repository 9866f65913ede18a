import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * Field oversight (SPEC S2, issue 12): a supervisory visit recorded with its checklist, observations,
 * photos and follow-up actions whose due dates fall on the association's working calendar; a late
 * action waits in its owner's «عملي» and management's until someone marks it done.
 */
let h: Harness;
let associationId: string;
let manager: Client;
let admin: Client;
let officer: Client;
let officerId: string;
let managerId: string;
let otherManager: Client;
let otherManagerEmail: string;
let checklistId: string;
let visitId: string;
const emails = { manager: "", officer: "" };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

// A PNG's signature followed by a header chunk: what the files module recognises from the bytes.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);

beforeAll(async () => {
  h = await createHarness();
  // Thursday 16 April 2026, 09:00 in Riyadh.
  h.clock.set("2026-04-16T06:00:00.000Z");
  const a = await createAssociation(h, "field-a");
  associationId = a.id;
  const managerUser = await createUser(h, a.id, ["manager"], "مدير الجمعية");
  managerId = managerUser.id;
  emails.manager = managerUser.email;
  const officerUser = await createUser(h, a.id, ["officer"], "موظف الاستقبال");
  officerId = officerUser.id;
  emails.officer = officerUser.email;
  manager = await signIn(h, emails.manager);
  officer = await signIn(h, emails.officer);
  admin = await signIn(h, (await createUser(h, a.id, ["administrator"])).email);
  // Sunday 19 April is a closure in this association's calendar.
  await ok(
    await admin.request("PUT", "/api/calendar/days/2026-04-19", { kind: "closure", nameAr: "جرد الفرع" }),
  );
  const b = await createAssociation(h, "field-b");
  otherManagerEmail = (await createUser(h, b.id, ["manager"])).email;
});
afterAll(() => h.close());

describe("field oversight", () => {
  it("lets the administrator define a checklist; an officer may not", async () => {
    const refused = await officer.request("POST", "/api/field/checklists", { name: "قائمة", items: ["بند"] });
    expect(refused.statusCode).toBe(403);
    const checklist = await ok(
      await admin.request("POST", "/api/field/checklists", {
        name: "زيارة مكتب فرعي",
        items: ["لوحة الجمعية ظاهرة", "سجل الزوار محدّث"],
      }),
      201,
    );
    checklistId = checklist.id;
    expect(checklist).toMatchObject({ version: 1, items: ["لوحة الجمعية ظاهرة", "سجل الزوار محدّث"] });
  });

  it("refuses a visit dated in the future, naming the field, and records nothing", async () => {
    const response = await manager.request("POST", "/api/field/visits", {
      kind: "supervisory_visit",
      visitedOn: "2026-04-17",
      place: "مكتب حي النسيم",
      observations: "ملاحظات",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: "visitedOn", code: "date_in_future" });
    expect((await ok(await manager.request("GET", "/api/field/visits"))).items).toEqual([]);
  });

  it("refuses a due date on a weekend day of the association's calendar", async () => {
    const response = await manager.request("POST", "/api/field/visits", {
      kind: "supervisory_visit",
      visitedOn: "2026-04-15",
      place: "مكتب حي النسيم",
      observations: "ملاحظات",
      actions: [{ text: "تحديث السجل", ownerId: officerId, dueDate: "2026-04-17" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      path: "actions.0.dueDate",
      code: "not_working_day",
    });
    const tooFar = await manager.request("POST", "/api/field/visits", {
      kind: "supervisory_visit",
      visitedOn: "2026-04-15",
      place: "مكتب حي النسيم",
      observations: "ملاحظات",
      actions: [{ text: "تحديث السجل", ownerId: officerId, dueDate: "2029-04-16" }],
    });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json().errors[0]).toMatchObject({ path: "actions.0.dueDate", code: "due_too_far" });
  });

  it("records a supervisory visit; N working days skip the weekend and the association's closure", async () => {
    const photo = await ok(
      await manager.request("POST", "/api/files?name=office.png", png, { contentType: "image/png" }),
      201,
    );
    // Wednesday 15 April + 2 working days: Thursday 16, (Friday, Saturday, closure Sunday 19) Monday 20.
    const visit = await ok(
      await manager.request("POST", "/api/field/visits", {
        kind: "supervisory_visit",
        visitedOn: "2026-04-15",
        place: "مكتب حي النسيم",
        participantIds: [managerId, officerId],
        checklistId,
        answers: [{ answer: "met" }, { answer: "not_met", note: "آخر تحديث قبل شهرين" }],
        observations: "السجل غير محدّث واللوحة جيدة.",
        photoFileIds: [photo.id],
        actions: [{ text: "تحديث سجل الزوار", ownerId: officerId, dueInWorkingDays: 2 }],
      }),
      201,
    );
    visitId = visit.id;
    expect(visit.actions).toEqual([
      expect.objectContaining({
        text: "تحديث سجل الزوار",
        owner: { id: officerId, fullName: expect.stringContaining("موظف الاستقبال") },
        dueDate: "2026-04-20",
        status: "open",
        overdue: false,
      }),
    ]);
    expect(visit.status).toBe("follow_up");
    expect(visit.checklist).toMatchObject({ id: checklistId, version: 1 });
    expect(visit.photos).toEqual([expect.objectContaining({ id: photo.id, mediaType: "image/png" })]);
    expect(visit.participants.map((p: { id: string }) => p.id)).toEqual([managerId, officerId]);
    // The photo is a field photo now: an officer who only owns an action does not open it.
    expect((await manager.request("GET", `/api/files/${photo.id}`)).statusCode).toBe(200);
    expect((await officer.request("GET", `/api/files/${photo.id}`)).statusCode).toBe(403);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["field_checklist.saved", "field_visit.recorded"]),
    );
  });

  it("keeps the items a visit was answered with after the checklist changes", async () => {
    const changed = await ok(
      await admin.request("PUT", `/api/field/checklists/${checklistId}`, {
        name: "زيارة مكتب فرعي",
        items: ["بند جديد كليًا"],
      }),
    );
    expect(changed.version).toBe(2);
    const visit = await ok(await manager.request("GET", `/api/field/visits/${visitId}`));
    expect(visit.checklist.version).toBe(1);
    expect(visit.answers).toEqual([
      { item: "لوحة الجمعية ظاهرة", answer: "met", note: null },
      { item: "سجل الزوار محدّث", answer: "not_met", note: "آخر تحديث قبل شهرين" },
    ]);
  });

  it("puts the action in its owner's «عملي», late once its day has passed, and management sees it", async () => {
    const before = await ok(await officer.request("GET", "/api/my-work"));
    expect(before.items).toContainEqual(
      expect.objectContaining({ kind: "field_action", dueDate: "2026-04-20", ref: visitId }),
    );
    // Tuesday 21 April: the due day has passed.
    h.clock.set("2026-04-21T06:00:00.000Z");
    officer = await signIn(h, emails.officer);
    manager = await signIn(h, emails.manager);
    const late = await ok(await officer.request("GET", "/api/my-work"));
    expect(late.items).toContainEqual(
      expect.objectContaining({ kind: "overdue_field_action", dueDate: "2026-04-20", ref: visitId }),
    );
    const managerWork = await ok(await manager.request("GET", "/api/my-work"));
    expect(managerWork.items).toContainEqual(expect.objectContaining({ kind: "overdue_field_action" }));
    const summary = await ok(await manager.request("GET", "/api/field/summary"));
    expect(summary).toEqual({
      openActions: 1,
      overdueActions: 1,
      visitsByMonth: [{ month: "2026-04", count: 1 }],
    });
    const overdue = await ok(await manager.request("GET", "/api/field/actions?scope=overdue"));
    expect(overdue.items).toHaveLength(1);
  });

  it("takes a done action out of «عملي», recording who and when, once", async () => {
    const visit = await ok(await officer.request("GET", `/api/field/visits/${visitId}`));
    const actionId = visit.actions[0].id;
    const done = await ok(await officer.request("POST", `/api/field/actions/${actionId}/done`));
    expect(done).toMatchObject({ status: "done", doneBy: { id: officerId }, overdue: false });
    expect(done.doneAt).toBe("2026-04-21T06:00:00.000Z");
    const again = await officer.request("POST", `/api/field/actions/${actionId}/done`);
    expect(again.statusCode).toBe(409);
    for (const client of [officer, manager]) {
      const work = await ok(await client.request("GET", "/api/my-work"));
      expect(work.items.filter((i: { kind: string }) => i.kind.endsWith("field_action"))).toEqual([]);
    }
    const closed = await ok(await manager.request("GET", `/api/field/visits/${visitId}`));
    expect(closed.status).toBe("closed");
    expect(await auditTypes(h, associationId)).toContain("field_action.done");
  });

  it("filters visits by kind and period", async () => {
    const all = await ok(await manager.request("GET", "/api/field/visits?from=2026-04-01&to=2026-04-30"));
    expect(all.items.map((v: { id: string }) => v.id)).toEqual([visitId]);
    expect((await ok(await manager.request("GET", "/api/field/visits?kind=interview"))).items).toEqual([]);
    expect((await ok(await manager.request("GET", "/api/field/visits?to=2026-04-14"))).items).toEqual([]);
  });

  it("never shows one association's visits to another", async () => {
    otherManager = await signIn(h, otherManagerEmail);
    expect((await ok(await otherManager.request("GET", "/api/field/visits"))).items).toEqual([]);
    expect((await otherManager.request("GET", `/api/field/visits/${visitId}`)).statusCode).toBe(404);
    expect((await ok(await otherManager.request("GET", "/api/field/checklists"))).items).toEqual([]);
    const foreign = await otherManager.request("POST", "/api/field/visits", {
      kind: "interview",
      visitedOn: "2026-04-20",
      place: "مقر الجمعية",
      observations: "مقابلة",
      checklistId,
      answers: [{ answer: "met" }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe("checklistId");
  });
});
