import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  createAssociation,
  createHarness,
  createUser,
  enrolSecondFactor,
  type Harness,
  nextCode,
  signIn,
  testPassword,
} from "../../test/harness.js";
import { codeAt } from "./index.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

let ip = 0;
/** The password step alone, from a fresh address each time so throttling stays out of the way. */
async function passwordStep(email: string) {
  ip++;
  const response = await h.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password: testPassword },
    remoteAddress: `10.3.${Math.floor(ip / 250)}.${(ip % 250) + 1}`,
  });
  expect(response.statusCode).toBe(200);
  return response;
}

const codeStep = (challenge: string, code: string) =>
  h.app.inject({ method: "POST", url: "/api/auth/sign-in/second-factor", payload: { challenge, code } });

/** A session straight after the password, for a user who has not enrolled yet. */
async function bareSession(email: string) {
  const response = await passwordStep(email);
  const cookie = response.cookies.find((c) => c.name === "silah_session")!.value;
  const csrf = response.json().csrfToken as string;
  return {
    body: response.json(),
    request: (method: "GET" | "POST", url: string, payload?: object) =>
      h.app.inject({
        method,
        url,
        cookies: { silah_session: cookie },
        headers: { "x-csrf-token": csrf },
        ...(payload ? { payload } : {}),
      }),
  };
}

describe("two-step verification is required of administrators and of roles that read sensitive fields", () => {
  it("gives an administrator who has not enrolled a session that can only enrol", async () => {
    const association = await createAssociation(h, "must-enrol");
    const admin = await createUser(h, association.id, ["administrator"]);
    const session = await bareSession(admin.email);
    expect(session.body).toMatchObject({
      step: "signed_in",
      secondFactor: { required: true, enrolled: false },
    });

    const refused = await session.request("GET", "/api/users");
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("second_factor_enrolment_required");
    expect((await session.request("POST", "/api/beneficiaries", {})).json().code).toBe(
      "second_factor_enrolment_required",
    );
    // Its own session, the enrolment and signing out stay open.
    expect((await session.request("GET", "/api/auth/session")).statusCode).toBe(200);
    expect((await session.request("GET", "/api/auth/second-factor")).json()).toMatchObject({
      required: true,
      enrolled: false,
    });
    expect((await session.request("POST", "/api/auth/sign-out")).statusCode).toBe(204);
  });

  it("enrols with the key and a code, shows ten recovery codes once, and then opens everything", async () => {
    const association = await createAssociation(h, "enrol");
    const manager = await createUser(h, association.id, ["manager"]);
    const session = await bareSession(manager.email);
    const started = await session.request("POST", "/api/auth/second-factor/enrolment");
    expect(started.statusCode).toBe(200);
    const { secret, uri } = started.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);

    const wrong = await session.request("POST", "/api/auth/second-factor/enrolment/confirm", {
      code: "000000",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("invalid_second_factor");

    // Arabic-Indic digits, as a phone keyboard may type them, are accepted.
    const arabicDigits = codeAt(secret, h.clock.now()).replace(/\d/g, (d) =>
      String.fromCharCode(0x0660 + Number(d)),
    );
    const confirmed = await session.request("POST", "/api/auth/second-factor/enrolment/confirm", {
      code: arabicDigits,
    });
    expect(confirmed.statusCode).toBe(200);
    const { recoveryCodes, session: upgraded } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(upgraded.secondFactor).toEqual({ required: true, enrolled: true });

    // The session got a new cookie: the one from before the code no longer opens anything.
    expect((await session.request("GET", "/api/auth/session")).statusCode).toBe(401);
    const cookie = confirmed.cookies.find((c) => c.name === "silah_session")!.value;
    const users = await h.app.inject({
      method: "GET",
      url: "/api/users",
      cookies: { silah_session: cookie },
    });
    expect(users.statusCode).toBe(200);

    // Nothing readable is stored: the secret is encrypted, the recovery codes hashed.
    const stored = await h.db.system((tx) =>
      tx.query.secondFactors.findFirst({ where: (t, { eq }) => eq(t.userId, manager.id) }),
    );
    expect(stored?.secretCiphertext).not.toContain(secret);
    const codes = await h.db.system((tx) =>
      tx.query.recoveryCodes.findMany({ where: (t, { eq }) => eq(t.userId, manager.id) }),
    );
    expect(codes).toHaveLength(10);
    for (const row of codes) expect(recoveryCodes).not.toContain(row.codeHash);

    const types = await auditTypes(h, association.id);
    expect(types).toContain("auth.second_factor_started");
    expect(types).toContain("auth.second_factor_enrolled");
    expect(types).toContain("auth.second_factor_failed");
  });

  it("asks for the code after the password, refuses a wrong one and a replayed one", async () => {
    const association = await createAssociation(h, "code");
    const researcher = await createUser(h, association.id, ["social_researcher"]);
    await signIn(h, researcher.email); // enrols

    const first = await passwordStep(researcher.email);
    expect(first.json().step).toBe("second_factor");
    expect(first.cookies.find((c) => c.name === "silah_session")).toBeUndefined();
    const { challenge } = first.json();

    const wrong = await codeStep(challenge, "123456");
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe("invalid_second_factor");

    const code = nextCode(h, researcher.email);
    const accepted = await codeStep(challenge, code);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.id).toBe(researcher.id);

    // The same code again, even within its 30 seconds, is refused.
    const again = await passwordStep(researcher.email);
    const replayed = await codeStep(again.json().challenge, code);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe("invalid_second_factor");

    const forged = await codeStep(`${challenge.slice(0, -2)}xx`, nextCode(h, researcher.email));
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe("session_expired");
    expect(await auditTypes(h, association.id)).toContain("auth.second_factor_failed");
  });

  it("refuses a challenge after five minutes", async () => {
    const association = await createAssociation(h, "late");
    const member = await createUser(h, association.id, ["committee_member"]);
    await signIn(h, member.email);
    const { challenge } = (await passwordStep(member.email)).json();
    h.clock.advance(6 * 60_000);
    const late = await codeStep(challenge, nextCode(h, member.email));
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe("session_expired");
  });

  it("accepts a recovery code once instead of the app's code", async () => {
    const association = await createAssociation(h, "recovery");
    const member = await createUser(h, association.id, ["followup_committee_member"]);
    const client = await bareSession(member.email);
    const enrolled = await enrolSecondFactor(h, {
      session: client.body,
      cookie: "",
      request: (method, url, body) => client.request(method as "GET" | "POST", url, body as object),
    });
    const recovery = enrolled.recoveryCodes[3]!;

    const { challenge } = (await passwordStep(member.email)).json();
    const used = await codeStep(challenge, recovery.toLowerCase());
    expect(used.statusCode).toBe(200);

    const { challenge: again } = (await passwordStep(member.email)).json();
    expect((await codeStep(again, recovery)).statusCode).toBe(401);
    expect(await auditTypes(h, association.id)).toContain("auth.recovery_code_used");

    const status = await h.app.inject({
      method: "GET",
      url: "/api/auth/second-factor",
      cookies: { silah_session: used.cookies.find((c) => c.name === "silah_session")!.value },
    });
    expect(status.json()).toMatchObject({ enrolled: true, recoveryCodesLeft: 9 });
  });

  it("limits attempts at the code: after five wrong ones even the right code waits", async () => {
    const association = await createAssociation(h, "code-limit");
    const admin = await createUser(h, association.id, ["administrator"]);
    await signIn(h, admin.email);
    const { challenge } = (await passwordStep(admin.email)).json();
    for (let i = 0; i < 5; i++) expect((await codeStep(challenge, `11111${i}`)).statusCode).toBe(401);
    const limited = await codeStep(challenge, nextCode(h, admin.email));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("too_many_attempts");
  });

  it("lets an administrator reset a user's second factor: sessions end, the next sign-in enrols again", async () => {
    const association = await createAssociation(h, "reset");
    const admin = await createUser(h, association.id, ["administrator"]);
    const manager = await createUser(h, association.id, ["manager"]);
    const officer = await createUser(h, association.id, ["officer"]);
    const managerClient = await signIn(h, manager.email);
    const adminClient = await signIn(h, admin.email);
    const actor = (client: typeof adminClient, userId: string, roles: ("administrator" | "officer")[]) => ({
      userId,
      associationId: association.id,
      roles,
      sessionId: client.session.user.id,
      requestId: "test",
    });

    const officerClient = await signIn(h, officer.email);
    await expect(
      h.modules.auth.service.resetSecondFactor(actor(officerClient, officer.id, ["officer"]), manager.id),
    ).rejects.toMatchObject({ code: "forbidden" });

    await h.modules.auth.service.resetSecondFactor(
      actor(adminClient, admin.id, ["administrator"]),
      manager.id,
    );
    expect((await managerClient.request("GET", "/api/auth/session")).statusCode).toBe(401);
    const again = await passwordStep(manager.email);
    expect(again.json()).toMatchObject({
      step: "signed_in",
      secondFactor: { required: true, enrolled: false },
    });
    expect(await auditTypes(h, association.id)).toContain("auth.second_factor_reset");
  });
});

describe("two-step verification for the other roles", () => {
  it("is optional for an officer, who signs in with the password alone until she turns it on", async () => {
    const association = await createAssociation(h, "optional");
    const officer = await createUser(h, association.id, ["officer"]);
    const client = await signIn(h, officer.email);
    expect(client.session.secondFactor).toEqual({ required: false, enrolled: false });
    expect((await client.request("GET", "/api/beneficiary-categories")).statusCode).toBe(200);

    await enrolSecondFactor(h, client);
    expect((await passwordStep(officer.email)).json().step).toBe("second_factor");
  });
});
