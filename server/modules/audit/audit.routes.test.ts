import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation, createHarness, createUser, type Harness, signIn } from "../../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the audit log page", () => {
  it("shows a manager the association's events newest first, with actor names, one page at a time", async () => {
    const association = await createAssociation(h, "audit");
    const manager = await createUser(h, association.id, ["manager"], "مدير");
    const officer = await createUser(h, association.id, ["officer"], "موظفة");
    const officerClient = await signIn(h, officer.email);
    await officerClient.request("PATCH", "/api/me/preferences", { locale: "en" });
    const client = await signIn(h, manager.email);

    // A manager must use two-step verification: her first sign-in enrols it.
    const first = await client.request("GET", "/api/audit-events?limit=4");
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items.map((e: { type: string }) => e.type)).toEqual([
      "auth.second_factor_enrolled",
      "auth.second_factor_started",
      "auth.signed_in",
      "user.locale_changed",
    ]);
    expect(page.items[3].actor).toEqual({ id: officer.id, fullName: officer.fullName });
    expect(page.nextBefore).not.toBeNull();

    const rest = (await client.request("GET", `/api/audit-events?limit=50&before=${page.nextBefore}`)).json();
    const types = rest.items.map((e: { type: string }) => e.type);
    expect(types).toContain("user.created");
    expect(types.at(-1)).toBe("association.created");
    expect(rest.nextBefore).toBeNull();

    const filtered = (await client.request("GET", "/api/audit-events?type=user.created")).json();
    expect(filtered.items).toHaveLength(2);
  });

  it("names each subject as a reader knows it — a user by name, a beneficiary by file number — only within the association", async () => {
    const association = await createAssociation(h, "audit-subjects");
    const other = await createAssociation(h, "audit-subjects-other");
    const manager = await createUser(h, association.id, ["manager"], "مديرة");
    const officer = await createUser(h, association.id, ["officer"], "موظفة التسجيل");
    const outsider = await createUser(h, other.id, ["officer"], "موظفة جمعية أخرى");
    const registered = await (await signIn(h, officer.email)).request("POST", "/api/beneficiaries", {
      fullName: "سلمى بنت ناصر العتيبي",
      gender: "female",
      nationalId: "1000000008",
      birthDate: "1990-05-14",
      phones: ["0551234567"],
      household: [],
      consent: { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "1" },
      confirmNotDuplicate: true,
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const file = registered.json();

    const client = await signIn(h, manager.email);
    const items: {
      type: string;
      subjectType: string | null;
      subjectId: string | null;
      about: { type: string; label: string } | null;
    }[] = (await client.request("GET", "/api/audit-events?limit=100")).json().items;

    const created = items.find((e) => e.type === "user.created" && e.subjectId === officer.id);
    expect(created).toMatchObject({ subjectType: "user", about: { type: "user", label: officer.fullName } });
    const beneficiary = items.find((e) => e.subjectType === "beneficiary" && e.subjectId === file.id);
    // The file number, not the person's name: the audit log is read by roles that do not open the registry.
    expect(beneficiary?.about).toEqual({ type: "beneficiary", label: String(file.fileNumber) });
    expect(JSON.stringify(items)).not.toContain("سلمى");
    // Nothing of another association, named or not.
    expect(JSON.stringify(items)).not.toContain(outsider.fullName);
    // A subject whose module does not name it keeps its type and id, with no label.
    for (const item of items) if (item.subjectType === "session") expect(item.about).toBeNull();
  });

  it("refuses a paging cursor beyond the largest event number with a field error, not a failure", async () => {
    const association = await createAssociation(h, "audit-cursor");
    const manager = await createUser(h, association.id, ["manager"]);
    const client = await signIn(h, manager.email);
    for (const before of ["99999999999999999999", "9223372036854775808", "1".repeat(400)]) {
      const response = await client.request("GET", `/api/audit-events?before=${before}`);
      expect(response.statusCode, before).toBe(400);
      expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(["querystring.before"]);
    }
    const largest = await client.request("GET", "/api/audit-events?before=9223372036854775807");
    expect(largest.statusCode).toBe(200);
    expect(largest.json().items.length).toBeGreaterThan(0);
  });

  it("is closed to roles without the right", async () => {
    const association = await createAssociation(h, "audit-forbidden");
    const officer = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, officer.email);
    const response = await client.request("GET", "/api/audit-events");
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: "forbidden",
      message: { ar: "لا تملك صلاحية هذا الإجراء." },
    });
  });

  it("refuses unknown query fields and bad limits with field errors", async () => {
    const association = await createAssociation(h, "audit-bad");
    const manager = await createUser(h, association.id, ["manager"]);
    const client = await signIn(h, manager.email);
    const response = await client.request("GET", "/api/audit-events?limit=9999&colour=red");
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "querystring.colour",
      "querystring.limit",
    ]);
  });

  it("rolls an event back with the change it records", async () => {
    const association = await createAssociation(h, "audit-tx");
    const before = await h.db.system((tx) =>
      tx.query.auditEvents.findMany({ where: (t, { eq }) => eq(t.associationId, association.id) }),
    );
    await expect(
      h.db.tenant(association.id, async (tx) => {
        await h.modules.audit.service.record(
          tx,
          { system: true, associationId: association.id },
          {
            type: "user.roles_changed",
            payload: { roles: ["officer"] },
          },
        );
        throw new Error("the change fails after its event was written");
      }),
    ).rejects.toThrow();
    const after = await h.db.system((tx) =>
      tx.query.auditEvents.findMany({ where: (t, { eq }) => eq(t.associationId, association.id) }),
    );
    expect(after).toHaveLength(before.length);
  });

  it("refuses a payload the catalogue does not describe", async () => {
    const association = await createAssociation(h, "audit-catalogue");
    await expect(
      h.db.tenant(association.id, (tx) =>
        h.modules.audit.service.record(
          tx,
          { system: true, associationId: association.id },
          {
            type: "user.roles_changed",
            // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong payload.
            payload: { roles: ["pilot"] } as any,
          },
        ),
      ),
    ).rejects.toThrow();
  });
});
