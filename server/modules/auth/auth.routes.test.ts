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

  it("answers an unknown e-mail exactly as a wrong password, however many times either is tried", async () => {
    const association = await createAssociation(h, "same-answer");
    const user = await createUser(h, association.id, ["officer"]);
    const shape = (response: Awaited<ReturnType<typeof signInRequest>>) => {
      const { requestId: _, ...body } = response.json();
      return { status: response.statusCode, body, retry: response.headers["retry-after"] !== undefined };
    };
    for (let i = 0; i < 8; i++) {
      const known = await signInRequest(user.email, "not-the-password", "10.0.2.1");
      const unknown = await signInRequest(
        `nobody-${association.slug}@example.test`,
        "not-the-password",
        "10.0.2.2",
      );
      expect(shape(unknown), `attempt ${i + 1}`).toEqual(shape(known));
    }
  });

  it("does not let a stranger's failures lock the owner out: her right password from her own address works", async () => {
    const association = await createAssociation(h, "no-lockout");
    const user = await createUser(h, association.id, ["officer"]);
    const stranger = [];
    for (let i = 0; i < 12; i++)
      stranger.push((await signInRequest(user.email, `guess-${i}`, "10.0.3.1")).statusCode);
    // The stranger is slowed after five failures on this account...
    expect(stranger.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(stranger.slice(5).every((status) => status === 429)).toBe(true);
    // ...and even the right password from the stranger's address waits,
    expect((await signInRequest(user.email, testPassword, "10.0.3.1")).statusCode).toBe(429);
    // while the owner, from an address that has not failed, signs in at once.
    expect((await signInRequest(user.email, testPassword, "10.0.3.2")).statusCode).toBe(200);
    expect(await auditTypes(h, association.id)).toContain("auth.sign_in_failed");
  });

  it("slows the owner's own address after five wrong passwords, saying how long to wait, until an administrator clears it", async () => {
    const association = await createAssociation(h, "slowed");
    const user = await createUser(h, association.id, ["officer"]);
    for (let i = 0; i < 5; i++)
      expect((await signInRequest(user.email, "bad", "10.0.4.1")).statusCode).toBe(401);
    const slowed = await signInRequest(user.email, testPassword, "10.0.4.1");
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json().code).toBe("too_many_attempts");
    expect(Number(slowed.headers["retry-after"])).toBeGreaterThan(0);

    // The staff list can tell; the administrator's «unlock» (users module) frees her own address again.
    expect(await h.modules.auth.service.signInLimitedFor(user.email)).toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
    await h.modules.auth.service.clearSignInLimits({ email: user.email, userId: user.id });
    expect(await h.modules.auth.service.signInLimitedFor(user.email)).toBeNull();
    expect((await signInRequest(user.email, testPassword, "10.0.4.1")).statusCode).toBe(200);
  });

  it("slows down one source that keeps failing, without touching other sources", async () => {
    for (let i = 0; i < 20; i++) await signInRequest(`guess${i}@example.test`, "x", "10.9.9.9");
    const throttled = await signInRequest("guess@example.test", "x", "10.9.9.9");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe("too_many_attempts");

    const association = await createAssociation(h, "other-source");
    const user = await createUser(h, association.id, ["officer"]);
    expect((await signInRequest(user.email, testPassword, "10.8.8.8")).statusCode).toBe(200);
  });

  it("does not count good sign-ins against a shared office address", async () => {
    const association = await createAssociation(h, "office");
    const users = [];
    for (let i = 0; i < 3; i++) users.push(await createUser(h, association.id, ["officer"]));
    for (let round = 0; round < 8; round++) {
      for (const user of users)
        expect((await signInRequest(user.email, testPassword, "10.0.5.1")).statusCode).toBe(200);
    }
  });

  it("gives 429 to 40 failed sign-ins that rotate X-Forwarded-For when no proxy is trusted", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await h.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: `rotate${i}@example.test`, password: "wrong-password" },
        remoteAddress: "198.51.100.40",
        headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 429).length).toBe(20);
  });

  it("costs an unknown e-mail about as much time as a known one (a decoy password is hashed)", async () => {
    const association = await createAssociation(h, "timing");
    const user = await createUser(h, association.id, ["officer"]);
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      await signInRequest(email, "not-the-password", ip);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.email, `10.0.6.${i + 1}`));
      unknown.push(await time(`nobody-timing-${i}@example.test`, `10.0.7.${i + 1}`));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
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
