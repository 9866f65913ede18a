import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { associations } from "../db/schema.js";
import { createAssociation, createHarness, createUser, type Harness } from "../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("structured logs", () => {
  it("record what happened on which route, never who it was about (PDPL)", async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: { ...h.config, logLevel: "info" },
      db: h.db,
      clock: h.clock,
      modules: h.modules,
      logStream: { write: (line) => lines.push(line) },
    });
    const association = await createAssociation(h, "logs");
    const user = await createUser(h, association.id, ["officer"], "سلطانة السبيعي");
    const signedIn = await app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      payload: { email: user.email, password: "correct-horse-battery" },
    });
    const cookie = signedIn.cookies[0]!.value;
    const csrf = signedIn.json().csrfToken as string;
    const registered = await app.inject({
      method: "POST",
      url: "/api/beneficiaries",
      cookies: { silah_session: cookie },
      headers: { "x-csrf-token": csrf },
      payload: {
        fullName: "جواهر بنت منصور الحارثي",
        gender: "female",
        lawfulBasis: "service_request",
        nationalId: "1000000008",
        phones: ["0557654321"],
      },
    });
    expect(registered.statusCode).toBe(201);
    await app.inject({
      method: "GET",
      url: `/api/beneficiaries?q=${encodeURIComponent("جواهر الحارثي")}`,
      cookies: { silah_session: cookie },
    });
    await app.close();

    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(4);
    expect(JSON.parse(lines[0]!)).toHaveProperty("level");
    expect(log).toContain("/api/beneficiaries");
    for (const personal of [
      user.email,
      "سلطانة",
      "جواهر",
      "الحارثي",
      "1000000008",
      "557654321",
      cookie,
      csrf,
    ]) {
      expect(log.includes(personal), `log contains ${personal}`).toBe(false);
    }
    expect(log).not.toMatch(/%D8|remoteAddress|127\.0\.0\.1/);
  });
});

describe("a failing database query in the log", () => {
  it("names the error class, SQLSTATE, constraint, route and request, never a value of the query", async () => {
    const lines: string[] = [];
    const app = await buildApp({
      config: { ...h.config, logLevel: "debug" },
      db: h.db,
      clock: h.clock,
      modules: h.modules,
      logStream: { write: (line) => lines.push(line) },
    });
    const existing = await createAssociation(h, "taken");
    // Values a real failure would carry as parameters: a health note, a national ID, a password hash.
    const markers = {
      health: "مريض-سكري-MARKER-HEALTH",
      nationalId: "1099999993",
      hash: "$argon2id$v=19$m=19456,t=2,p=1$MARKERHASH",
    };
    // A unique violation: PostgreSQL's `detail` echoes the key, drizzle's message every parameter.
    app.post("/api/test/duplicate", { config: { access: "public" } }, async () => {
      await h.db.system((tx) =>
        tx.insert(associations).values({
          slug: existing.slug,
          nameAr: markers.health,
          nameEn: markers.nationalId,
          licenseNumber: markers.hash,
        }),
      );
    });
    // A cast failure: the driver's own message quotes the value it could not read.
    app.post("/api/test/cast", { config: { access: "public" } }, async () => {
      await h.db.system((tx) => tx.execute(sql`select ${markers.nationalId + markers.health}::integer`));
    });

    const duplicate = await app.inject({ method: "POST", url: "/api/test/duplicate" });
    const cast = await app.inject({ method: "POST", url: "/api/test/cast" });
    await app.close();

    for (const response of [duplicate, cast]) {
      expect(response.statusCode).toBe(500);
      expect(response.json().code).toBe("internal_error");
    }
    const log = lines.join("");
    for (const marker of [...Object.values(markers), "MARKER", existing.slug, "1099999993"]) {
      expect(log.includes(marker), `log contains ${marker}`).toBe(false);
    }
    expect(log).not.toMatch(/insert into|select \$1|params|Key \(slug\)/i);

    const errors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.err);
    expect(errors).toHaveLength(2);
    const [first, second] = errors;
    expect(first).toMatchObject({
      reqId: duplicate.headers["x-request-id"],
      route: "/api/test/duplicate",
      err: { causes: [{ code: "23505", constraint: "associations_slug_unique", table: "associations" }] },
    });
    expect(first.err.type).toBe("DrizzleQueryError");
    // The driver's class name (minified in PGlite's bundle), never its message.
    expect(first.err.causes[0].type).toMatch(/^\w+$/);
    expect(first.err.causes[0]).not.toHaveProperty("message");
    expect(first.err.stack.length).toBeGreaterThan(0);
    expect(second).toMatchObject({
      reqId: cast.headers["x-request-id"],
      err: { causes: [{ code: "22P02" }] },
    });
  });
});
