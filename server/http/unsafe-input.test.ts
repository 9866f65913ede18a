import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../test/harness.js";

let h: Harness;
let officer: Client;
let slug: string;
beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "unsafe");
  slug = association.slug;
  const user = await createUser(h, association.id, ["officer", "manager"]);
  officer = await signIn(h, user.email);
});
afterAll(() => h.close());

type FieldErrors = { path: string; code: string; message: { ar: string; en: string } }[];

function expectRefused(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(response.statusCode).toBe(400);
  expect(String(response.headers["content-type"])).toContain("application/problem+json");
  const body = response.json() as { code: string; errors: FieldErrors };
  expect(body.code).toBe("validation_failed");
  return body.errors;
}

describe("values the database cannot or should not hold are refused at the door", () => {
  it("refuses a NUL byte in a beneficiary's health notes with a field error, not a server failure", async () => {
    const response = await officer.request("POST", "/api/beneficiaries", {
      fullName: "هيا بنت ناصر العتيبي",
      gender: "female",
      lawfulBasis: "service_request",
      nationalId: "1000000040",
      healthNotes: "سكري\u0000مزمن",
    });
    const errors = expectRefused(response);
    expect(errors).toEqual([
      {
        path: "healthNotes",
        code: "unsafe_characters",
        message: {
          ar: expect.stringContaining("رموز غير مسموح بها"),
          en: expect.stringContaining("not allowed"),
        },
      },
    ]);
    const list = await officer.request("GET", `/api/beneficiaries?q=${encodeURIComponent("هيا العتيبي")}`);
    expect(list.json().items).toEqual([]);
  });

  it("names every unsafe field of an anonymous public complaint, before any other check", async () => {
    const response = await h.app.inject({
      method: "POST",
      url: `/api/public/associations/${slug}/complaints`,
      payload: {
        category: "other",
        subject: "موضوع\u0000",
        details: "تفاصيل الشكوى\uD800 هنا",
        name: "مشتكٍ\u0007",
        challengeToken: "aaaaaaaaaaaa.bbbb",
        challengeAnswer: "1",
      },
    });
    const errors = expectRefused(response);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["subject", "unsafe_characters"],
      ["details", "unsafe_characters"],
      ["name", "unsafe_characters"],
    ]);
  });

  it("checks nested values, query strings and path parameters the same way", async () => {
    const nested = await officer.request("POST", "/api/beneficiaries", {
      fullName: "سارة بنت علي",
      gender: "female",
      lawfulBasis: "service_request",
      household: [{ relation: "son", fullName: "علي\uFFFF" }],
    });
    expect(expectRefused(nested).map((e) => e.path)).toEqual(["household.0.fullName"]);

    const query = await officer.request("GET", "/api/beneficiaries?q=%00abc");
    expect(expectRefused(query).map((e) => e.path)).toEqual(["querystring.q"]);

    const params = await h.app.inject({
      method: "GET",
      url: "/api/public/complaints/abc%00defghijklmnopqrstuvwxyz",
    });
    expect(expectRefused(params).map((e) => e.path)).toEqual(["params.token"]);

    const key = await officer.request("PUT", "/api/request-settings", { "referral\u0000Role": "x" });
    expect(expectRefused(key).map((e) => e.path)).toEqual(["(key)"]);
  });

  it("keeps ordinary Arabic text with tabs, line breaks, emoji and direction marks", async () => {
    const response = await officer.request("POST", "/api/beneficiaries", {
      fullName: "نورة بنت سعد القحطاني",
      gender: "female",
      lawfulBasis: "service_request",
      nationalId: "1000000057",
      notes: "السطر الأول\r\nالسطر\tالثاني \u200Fرقم 05\u200E 🌿",
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it("refuses unsafe characters in a text upload body as a whole", async () => {
    const csv = "الاسم,رقم الهوية,الجنس\nسلمى\u0000 بنت حمد,1000000065,أنثى\n";
    const response = await officer.request("POST", "/api/beneficiaries/import", csv, {
      contentType: "text/csv",
    });
    const errors = expectRefused(response);
    expect(errors.map((e) => e.code)).toEqual(["unsafe_characters"]);
  });
});
