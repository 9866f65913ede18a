import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
  testPassword,
} from "../../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ SILAH_SESSION_TTL_MINUTES: "480", SILAH_SESSION_IDLE_MINUTES: "60" });
});
afterAll(() => h.close());

const signInRequest = (email: string, password: string, ip = "10.0.0.1") =>
  h.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password }, remoteAddress: ip });

describe("staff sign-in", () => {
  it("signs in with e-mail and password, sets an HttpOnly SameSite cookie and records the event", async () => {
    const association = await createAssociation(h, "signin");
    const user = await createUser(h, association.id, ["officer"]);
    const response = await signInRequest(user.email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "silah_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    expect(response.json().user).toMatchObject({ id: user.id, roles: ["officer"], locale: "ar" });
    expect(response.json().user.association.id).toBe(association.id);
    expect(await auditTypes(h, association.id)).toContain("auth.signed_in");
  });

  it("refuses a wrong password with the Arabic message and the same answer as an unknown e-mail", async () => {
    const association = await createAssociation(h, "wrong");
    const user = await createUser(h, association.id, ["officer"]);
    const wrong = await signInRequest(user.email, "not-the-password", "10.0.1.1");
    const unknown = await signInRequest("nobody@example.test", "not-the-password", "10.0.1.1");
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({
        code: "invalid_credentials",
        message: { ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة." },
      });
    }
    expect(await auditTypes(h, association.id)).toContain("auth.sign_in_failed");
  });

  it("locks the account after five wrong passwords, even against the right one, until the lock passes", async () => {
    const association = await createAssociation(h, "lock");
    const user = await createUser(h, association.id, ["officer"]);
    for (let i = 0; i < 4; i++)
      expect((await signInRequest(user.email, "bad", "10.0.2.1")).statusCode).toBe(401);
    const fifth = await signInRequest(user.email, "bad", "10.0.2.1");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe("account_locked");
    expect(Number(fifth.headers["retry-after"])).toBeGreaterThan(0);
    expect((await signInRequest(user.email, testPassword, "10.0.2.1")).statusCode).toBe(423);
    expect(await auditTypes(h, association.id)).toContain("auth.account_locked");

    h.clock.advance(16 * 60_000);
    expect((await signInRequest(user.email, testPassword, "10.0.2.1")).statusCode).toBe(200);
  });

  it("slows down one source that keeps failing, without touching other sources", async () => {
    for (let i = 0; i < 20; i++) await signInRequest(`guess${i}@example.test`, "x", "10.9.9.9");
    const throttled = await signInRequest("guess@example.test", "x", "10.9.9.9");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe("too_many_attempts");

    const association = await createAssociation(h, "other-source");
    const user = await createUser(h, association.id, ["officer"]);
    expect((await signInRequest(user.email, testPassword, "10.8.8.8")).statusCode).toBe(200);
    h.clock.advance(16 * 60_000);
  });
});

describe("sessions", () => {
  it("ends on sign-out on the server: the old cookie no longer opens anything", async () => {
    const association = await createAssociation(h, "signout");
    const user = await createUser(h, association.id, ["manager"]);
    const client = await signIn(h, user.email);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(200);
    expect((await client.request("POST", "/api/auth/sign-out")).statusCode).toBe(204);
    const after = await client.request("GET", "/api/auth/session");
    expect(after.statusCode).toBe(401);
    expect(await auditTypes(h, association.id)).toContain("auth.signed_out");
  });

  it("expires after the idle limit and says so", async () => {
    const association = await createAssociation(h, "idle");
    const user = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, user.email);
    h.clock.advance(30 * 60_000);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(200);
    h.clock.advance(61 * 60_000);
    const expired = await client.request("GET", "/api/auth/session");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("session_expired");
  });

  it("expires at its absolute end even when used all the time", async () => {
    const association = await createAssociation(h, "absolute");
    const user = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, user.email);
    for (let i = 0; i < 16; i++) {
      h.clock.advance(30 * 60_000);
      const response = await client.request("GET", "/api/auth/session");
      expect(response.statusCode).toBe(i < 15 ? 200 : 401);
    }
  });

  it("refuses a state-changing request without the CSRF token, and changes nothing", async () => {
    const association = await createAssociation(h, "csrf");
    const user = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, user.email);
    const refused = await client.request("PATCH", "/api/me/preferences", { locale: "en" }, { csrf: false });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("csrf_failed");
    expect((await client.request("GET", "/api/auth/session")).json().user.locale).toBe("ar");

    const accepted = await client.request("PATCH", "/api/me/preferences", { locale: "en" });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().locale).toBe("en");
    expect(await auditTypes(h, association.id)).toContain("user.locale_changed");
  });

  it("refuses a sign-in posted from another site", async () => {
    const response = await h.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: "https://evil.example", host: "silah.local" },
      payload: { email: "a@b.test", password: "x" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe("csrf_failed");
  });

  it("answers API calls without a session with 401 problem+json", async () => {
    const response = await h.app.inject({ method: "GET", url: "/api/audit-events" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: "unauthenticated", message: { ar: "يلزم تسجيل الدخول." } });
  });
});
