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

let h: Harness;
let associationId: string;
let admin: Client;
let officer: Client;

beforeAll(async () => {
  h = await createHarness();
  associationId = (await createAssociation(h, "services")).id;
  admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  officer = await signIn(h, (await createUser(h, associationId, ["officer"])).email);
});
afterAll(() => h.close());

const medical = {
  code: "medical_support",
  nameAr: "دعم علاج",
  nameEn: "Medical support",
  kind: "medical",
  eligibilityAr: "المرضى المسجلون غير المشمولين بتأمين طبي.",
  requirements: [
    {
      kind: "document",
      code: "national_id",
      labelAr: "صورة الهوية الوطنية",
      validity: { kind: "not_expired" },
    },
    {
      kind: "document",
      code: "medical_report",
      labelAr: "تقرير طبي",
      validity: { kind: "issued_within", months: 6 },
    },
    { kind: "field", code: "hospital", labelAr: "المستشفى المعالج", fieldType: "text", required: false },
  ],
};

describe("the service catalogue (H2, T2)", () => {
  it("is shaped by the administrator only, and read by the officer", async () => {
    expect((await officer.request("POST", "/api/services", medical)).statusCode).toBe(403);
    const created = await admin.request("POST", "/api/services", medical);
    expect(created.statusCode, created.body).toBe(201);
    const service = created.json();
    expect(service.requirements[2]).toMatchObject({ required: false });
    expect((await admin.request("POST", "/api/services", medical)).json().errors[0].code).toBe(
      "service_code_taken",
    );
    const list = (await officer.request("GET", "/api/services?active=true")).json().items;
    expect(list.map((s: { code: string }) => s.code)).toEqual(["medical_support"]);

    const changed = await admin.request("PATCH", `/api/services/${service.id}`, { active: false });
    expect(changed.json().active).toBe(false);
    expect((await officer.request("GET", "/api/services?active=true")).json().items).toEqual([]);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["service.created", "service.updated"]),
    );
  });

  it("gives the officer a requirements sheet to print or send", async () => {
    const service = (await officer.request("GET", "/api/services")).json().items[0];
    const sheet = (await officer.request("GET", `/api/services/${service.id}/requirements`)).json();
    expect(sheet.items.map((i: { rule: { ar: string } | null }) => i.rule?.ar ?? null)).toEqual([
      "سارية المفعول وقت التقديم",
      "صادرة خلال آخر ٦ أشهر",
      null,
    ]);
    expect(sheet.textAr).toContain("متطلبات خدمة: دعم علاج");
    expect(sheet.textAr).toContain("2. تقرير طبي (صادرة خلال آخر ٦ أشهر)");
    expect(sheet.textAr).toContain("1. المستشفى المعالج — اختياري");
  });

  it("refuses a requirement list with the same code twice or a rule it does not know", async () => {
    const twice = await admin.request("POST", "/api/services", {
      ...medical,
      code: "twice",
      requirements: [medical.requirements[0], medical.requirements[0]],
    });
    expect(twice.statusCode).toBe(400);
    const unknownRule = await admin.request("POST", "/api/services", {
      ...medical,
      code: "unknown_rule",
      requirements: [{ kind: "document", code: "x", labelAr: "س", validity: { kind: "issued_yesterday" } }],
    });
    expect(unknownRule.statusCode).toBe(400);
  });
});
