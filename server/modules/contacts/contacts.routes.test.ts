import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

/** What a contact may name (issue 10): only a support request or complaint of its own association. */
let h: Harness;
let officer: Client;
let otherOfficer: Client;
let beneficiaryId: string;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function complaintOf(client: Client, manager: Client): Promise<string> {
  const { referenceNumber } = await ok(
    await client.request("POST", "/api/complaints", {
      channel: "phone",
      category: "technical_support",
      subject: "تأخر الرد على الطلب",
      details: "لم يصلني رد منذ أسبوعين.",
      name: "مستفيدة",
    }),
    201,
  );
  const { items } = await ok(await manager.request("GET", "/api/complaints"));
  return items.find((c: { referenceNumber: string }) => c.referenceNumber === referenceNumber).id;
}

async function requestOf(admin: Client, client: Client, person: string): Promise<string> {
  const service = await ok(
    await admin.request("POST", "/api/services", {
      code: `basket_${Math.floor(Math.random() * 1e6)}`,
      nameAr: "سلة غذائية",
      kind: "in_kind",
      requirements: [
        { kind: "field", code: "family_size", labelAr: "عدد أفراد الأسرة", fieldType: "number" },
      ],
    }),
    201,
  );
  return (
    await ok(
      await client.request("POST", "/api/requests", {
        beneficiaryId: person,
        serviceId: service.id,
        channel: "phone",
        data: { family_size: 4 },
      }),
      201,
    )
  ).id;
}

async function personOf(client: Client, fullName: string): Promise<string> {
  return (
    await ok(
      await client.request("POST", "/api/beneficiaries", {
        fullName,
        gender: "female",
        lawfulBasis: "service_request",
      }),
      201,
    )
  ).id;
}

let otherComplaintId: string;
let otherRequestId: string;
let ownComplaintId: string;
let ownRequestId: string;

beforeAll(async () => {
  h = await createHarness();
  const a = await createAssociation(h, "contacts-a");
  const b = await createAssociation(h, "contacts-b");
  officer = await signIn(h, (await createUser(h, a.id, ["officer"])).email);
  const admin = await signIn(h, (await createUser(h, a.id, ["administrator"])).email);
  const manager = await signIn(h, (await createUser(h, a.id, ["manager"])).email);
  otherOfficer = await signIn(h, (await createUser(h, b.id, ["officer"])).email);
  const otherAdmin = await signIn(h, (await createUser(h, b.id, ["administrator"])).email);
  const otherManager = await signIn(h, (await createUser(h, b.id, ["manager"])).email);
  beneficiaryId = await personOf(officer, "نورة عبدالله السبيعي");
  ownComplaintId = await complaintOf(officer, manager);
  ownRequestId = await requestOf(admin, officer, beneficiaryId);
  otherComplaintId = await complaintOf(otherOfficer, otherManager);
  otherRequestId = await requestOf(
    otherAdmin,
    otherOfficer,
    await personOf(otherOfficer, "سارة محمد القحطاني"),
  );
});
afterAll(() => h.close());

const contact = (extra: Record<string, string>) => ({
  beneficiaryId,
  kind: "contact",
  channel: "phone",
  direction: "inbound",
  subject: "استفسار عن الطلب",
  ...extra,
});

describe("a contact names a request or complaint", () => {
  it("of its own association", async () => {
    const recorded = await ok(
      await officer.request(
        "POST",
        "/api/interactions",
        contact({ supportRequestId: ownRequestId, complaintId: ownComplaintId }),
      ),
      201,
    );
    expect(recorded).toMatchObject({ supportRequestId: ownRequestId, complaintId: ownComplaintId });
  });

  it.each([
    [
      "another association's support request",
      "supportRequestId",
      () => otherRequestId,
      "support_request_unknown",
    ],
    [
      "a support request that does not exist",
      "supportRequestId",
      () => randomUUID(),
      "support_request_unknown",
    ],
    ["another association's complaint", "complaintId", () => otherComplaintId, "complaint_unknown"],
    ["a complaint that does not exist", "complaintId", () => randomUUID(), "complaint_unknown"],
  ])("never %s: a field error, and nothing recorded", async (_label, field, id, code) => {
    const before = (
      await ok(await officer.request("GET", `/api/interactions?beneficiaryId=${beneficiaryId}`))
    ).items.length;
    const response = await officer.request("POST", "/api/interactions", contact({ [field]: id() }));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const problem = response.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: field,
        code,
        message: expect.objectContaining({ ar: expect.any(String) }),
      }),
    ]);
    const after = (await ok(await officer.request("GET", `/api/interactions?beneficiaryId=${beneficiaryId}`)))
      .items.length;
    expect(after).toBe(before);
  });
});

describe("the correspondence register", () => {
  it("refuses a letter dated after today in Riyadh, and takes one dated today", async () => {
    const letter = (datedOn: string) =>
      officer.request("POST", "/api/correspondence", {
        direction: "incoming",
        medium: "letter",
        counterpart: "وزارة الموارد البشرية",
        subject: "خطاب بشأن الدعم",
        datedOn,
      });
    const ahead = await letter("2026-03-16");
    expect(ahead.statusCode, ahead.body).toBe(400);
    expect(ahead.json().errors).toEqual([
      expect.objectContaining({ path: "datedOn", code: "date_in_future" }),
    ]);
    // The refusal quotes the letter's day and today in both calendars (ADR 0018).
    expect(ahead.json().errors[0].message.ar).toBe(
      "تاريخ المراسلة ٢٧ رمضان ١٤٤٧هـ (١٦ مارس ٢٠٢٦م) بعد اليوم ٢٦ رمضان ١٤٤٧هـ (١٥ مارس ٢٠٢٦م)؛ سجّل يومًا مضى أو اليوم.",
    );
    expect((await letter("2026-03-15")).statusCode).toBe(201);
    // Typed as the letter bears it: Hijri, Arabic-Indic digits; kept as the Gregorian day.
    const hijri = await letter("٢٥/٠٩/١٤٤٧هـ");
    expect(hijri.statusCode, hijri.body).toBe(201);
    expect(hijri.json().datedOn).toBe("2026-03-14");
    const impossible = await letter("30/02/1447");
    expect(impossible.json().errors[0]).toMatchObject({ path: "datedOn", code: "hijri_invalid_date" });
  });
});
