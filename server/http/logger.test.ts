import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
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
