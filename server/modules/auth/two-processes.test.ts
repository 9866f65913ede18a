import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createHarness,
  createSecondProcess,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
let second: FastifyInstance;
beforeAll(async () => {
  h = await createHarness();
  second = await createSecondProcess(h);
});
afterAll(async () => {
  await second.close();
  await h.close();
});

describe("two server processes on one database", () => {
  it("share sessions: signed in on one, recognised and signed out on the other", async () => {
    const association = await createAssociation(h, "two");
    const user = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, user.email);
    const headers = { "x-csrf-token": client.session.csrfToken };
    const cookies = { silah_session: client.cookie };

    const seen = await second.inject({ method: "GET", url: "/api/auth/session", cookies });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().user.id).toBe(user.id);

    expect(
      (await second.inject({ method: "POST", url: "/api/auth/sign-out", cookies, headers })).statusCode,
    ).toBe(204);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("share the sign-in limits: failures counted on either process slow that address on both", async () => {
    const association = await createAssociation(h, "two-lock");
    const user = await createUser(h, association.id, ["officer"]);
    const attempt = (app: FastifyInstance, password: string, remoteAddress = "10.1.1.1") =>
      app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        payload: { email: user.email, password },
        remoteAddress,
      });
    for (let i = 0; i < 5; i++) await attempt(i % 2 ? second : h.app, "wrong-password");
    expect((await attempt(h.app, "correct-horse-battery")).statusCode).toBe(429);
    expect((await attempt(second, "correct-horse-battery")).statusCode).toBe(429);
    // The owner elsewhere is not locked out by them.
    expect((await attempt(second, "correct-horse-battery", "10.1.1.2")).statusCode).toBe(200);
  });
});
