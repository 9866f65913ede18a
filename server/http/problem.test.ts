import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // A route that fails the way a bug or a broken query would, to see what the caller gets.
  h.app.get("/api/test/boom", { config: { access: "public" } }, async () => {
    throw new Error('relation "secret_table" does not exist at line 42');
  });
});
afterAll(() => h.close());

describe("errors as RFC 9457 problems", () => {
  it("hides internals of an unexpected failure behind a request id", async () => {
    const response = await h.app.inject({ method: "GET", url: "/api/test/boom" });
    expect(response.statusCode).toBe(500);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const body = response.json();
    expect(body).toMatchObject({
      code: "internal_error",
      status: 500,
      type: "urn:silah:problem:internal_error",
    });
    expect(body.message.ar).toContain("حدث خطأ غير متوقع");
    expect(body.requestId).toBe(response.headers["x-request-id"]);
    expect(response.body).not.toMatch(/secret_table|line 42|at .*\.ts/);
  });

  it("answers an unknown API path with not_found", async () => {
    const response = await h.app.inject({ method: "GET", url: "/api/nothing-here", cookies: {} });
    expect([401, 404]).toContain(response.statusCode);
    const publicMissing = await h.app.inject({ method: "POST", url: "/healthz/nothing" });
    expect(publicMissing.statusCode).toBe(404);
    expect(publicMissing.json().code).toBe("not_found");
  });

  it("refuses malformed JSON and oversized bodies with stable codes", async () => {
    const malformed = await h.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("validation_failed");

    const huge = await h.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: "a@b.test", password: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe("payload_too_large");
  });

  it("answers a too-long or malformed address as a problem that quotes nothing of it", async () => {
    const secret = `1000000008${"x".repeat(300)}`;
    const long = await h.app.inject({ method: "GET", url: `/api/beneficiaries/${secret}` });
    // 414 from the router; where the built web app is served, its catch-all route answers not found.
    expect(long.headers["content-type"]).toContain("application/problem+json");
    expect([
      [414, "uri_too_long"],
      [404, "not_found"],
    ]).toContainEqual([long.statusCode, long.json().code]);
    expect(long.json().requestId).toBe(long.headers["x-request-id"]);
    expect(long.body).not.toContain("1000000008");

    const malformed = await h.app.inject({ method: "GET", url: "/api/beneficiaries/1000000008%E0%A4%A" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["content-type"]).toContain("application/problem+json");
    expect(malformed.json().code).toBe("validation_failed");
    expect(malformed.body).not.toContain("1000000008");
  });

  it("names each missing field in Arabic", async () => {
    const response = await h.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: {} });
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as { path: string; code: string; message: { ar: string } }[];
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ["email", "required"],
      ["password", "required"],
    ]);
    expect(errors[0]!.message.ar).toBe("هذا الحقل مطلوب.");
  });

  it("serves a generated OpenAPI 3.1 document and a health check", async () => {
    const doc = (await h.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/auth/sign-in"].post.requestBody).toBeDefined();
    const health = await h.app.inject({ method: "GET", url: "/healthz" });
    expect(health.json()).toEqual({ status: "ok", database: h.db.kind });
  });
});
