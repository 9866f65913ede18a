import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
  testPassword,
} from "../../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** An association with one administrator signed in, and a helper to add staff to it. */
async function association(label: string) {
  const row = await createAssociation(h, label);
  const admin = await createUser(h, row.id, ["administrator"], "مديرة النظام");
  const adminClient = await signIn(h, admin.email);
  return { row, admin, adminClient };
}

function signInAttempt(email: string, password: string) {
  return h.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
}

const newPassword = "plum vinegar tractor 48";

async function fieldError(response: { statusCode: number; json(): unknown }) {
  const body = response.json() as {
    code: string;
    errors?: { path: string; code: string; message: { ar: string } }[];
  };
  return { status: response.statusCode, code: body.code, field: body.errors?.[0] };
}

describe("staff account administration", () => {
  it("lists the staff with roles, state, lockout and last sign-in, without any secret", async () => {
    const { row, admin, adminClient } = await association("list");
    const officer = await createUser(h, row.id, ["officer"], "موظف الاستقبال");
    const listed = await adminClient.request("GET", "/api/users");
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Record<string, unknown>[];
    const mine = items.find((item) => item.id === admin.id)!;
    const theirs = items.find((item) => item.id === officer.id)!;
    expect(mine).toMatchObject({ active: true, locked: false, roles: ["administrator"] });
    expect(mine.lastSignInAt).toBe("2026-03-15T06:00:00.000Z");
    expect(theirs).toMatchObject({ lastSignInAt: null, passwordChangeRequired: false });
    expect(listed.body).not.toContain("argon2");
  });

  it("creates an account whose first password is temporary: nothing opens until it is changed", async () => {
    const { row, adminClient } = await association("create");
    const created = await adminClient.request("POST", "/api/users", {
      fullName: "هند بنت سعد العمري",
      email: "hind@create.test",
      password: "orchard lantern 71 quietly",
      roles: ["officer"],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ passwordChangeRequired: true, active: true });
    expect(await auditTypes(h, row.id)).toContain("user.created");

    const hind = await signIn(h, "hind@create.test", "orchard lantern 71 quietly");
    expect(hind.session.user.passwordChangeRequired).toBe(true);
    const blocked = await hind.request("GET", "/api/beneficiaries?q=test");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("password_change_required");
    expect((await hind.request("GET", "/api/auth/session")).statusCode).toBe(200);

    const changed = await hind.request("PUT", "/api/me/password", {
      currentPassword: "orchard lantern 71 quietly",
      newPassword,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().passwordChangeRequired).toBe(false);
    expect((await hind.request("GET", "/api/beneficiaries?q=test")).statusCode).toBe(200);
  });

  it.each([
    ["aaaaaaaaaa", "repeated"],
    ["1234567890", "common"],
    ["qwertyuiop", "common"],
    ["weak@create.test", "the e-mail"],
    ["مشاعل الحربي", "the name"],
  ])("refuses the guessable password %s (%s) with a field error", async (password) => {
    const { adminClient } = await association("weak");
    const response = await adminClient.request("POST", "/api/users", {
      fullName: "مشاعل الحربي",
      email: "weak@create.test",
      password,
      roles: ["officer"],
    });
    const error = await fieldError(response);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.field).toMatchObject({ path: "password", code: "password_weak" });
    expect(error.field?.message.ar).toMatch(/كلمة المرور/);
  });

  it("refuses a guessable password on the command line path too", async () => {
    const row = await createAssociation(h, "cli");
    await expect(
      h.modules.users.service.createBySystem(row.id, {
        fullName: "مشغل النظام",
        email: "operator@cli.test",
        password: "1234567890",
        roles: ["administrator"],
        locale: "ar",
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("deactivating signs the person out on their very next request, and reactivating lets them back", async () => {
    const { row, adminClient } = await association("deactivate");
    const officer = await createUser(h, row.id, ["officer"]);
    const officerClient = await signIn(h, officer.email);
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(200);

    const deactivated = await adminClient.request("POST", `/api/users/${officer.id}/deactivate`);
    expect(deactivated.statusCode, deactivated.body).toBe(200);
    expect(deactivated.json().active).toBe(false);
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await signInAttempt(officer.email, testPassword)).statusCode).toBe(401);

    const reactivated = await adminClient.request("POST", `/api/users/${officer.id}/reactivate`);
    expect(reactivated.json().active).toBe(true);
    expect((await signInAttempt(officer.email, testPassword)).statusCode).toBe(200);
    expect(await auditTypes(h, row.id)).toEqual(
      expect.arrayContaining(["user.deactivated", "user.reactivated"]),
    );
  });

  it("a session of a user made inactive by any means is refused (belt and braces)", async () => {
    const row = await createAssociation(h, "braces");
    const officer = await createUser(h, row.id, ["officer"]);
    const officerClient = await signIn(h, officer.email);
    await h.db.system((tx) => tx.update(users).set({ active: false }).where(eq(users.id, officer.id)));
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(401);
  });

  it("changing roles ends the person's sessions at once", async () => {
    const { row, adminClient } = await association("roles");
    const officer = await createUser(h, row.id, ["officer"]);
    const officerClient = await signIn(h, officer.email);
    const changed = await adminClient.request("PUT", `/api/users/${officer.id}/roles`, {
      roles: ["social_researcher", "officer"],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().roles).toEqual(["social_researcher", "officer"]);
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(401);
    const again = await signIn(h, officer.email);
    expect(again.session.user.roles).toEqual(["social_researcher", "officer"]);
    expect(await auditTypes(h, row.id)).toContain("user.roles_changed");
  });

  it("resets a password to a typed or a generated temporary one, ending the sessions", async () => {
    const { row, adminClient } = await association("reset");
    const officer = await createUser(h, row.id, ["officer"]);
    const officerClient = await signIn(h, officer.email);

    const weak = await adminClient.request("POST", `/api/users/${officer.id}/password-reset`, {
      password: "aaaaaaaaaa",
    });
    expect((await fieldError(weak)).field).toMatchObject({ path: "password", code: "password_weak" });
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(200);

    const typed = await adminClient.request("POST", `/api/users/${officer.id}/password-reset`, {
      password: "harbour violet 39 ladder",
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json()).toMatchObject({ temporaryPassword: null, user: { passwordChangeRequired: true } });
    expect((await officerClient.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await signInAttempt(officer.email, testPassword)).statusCode).toBe(401);

    const generated = await adminClient.request("POST", `/api/users/${officer.id}/password-reset`, {});
    const temporary = generated.json().temporaryPassword as string;
    expect(temporary).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    expect((await signInAttempt(officer.email, "harbour violet 39 ladder")).statusCode).toBe(401);
    const signedIn = await signIn(h, officer.email, temporary);
    expect(signedIn.session.user.passwordChangeRequired).toBe(true);
    // Shown once: never again in the list, nor in the audit trail.
    expect((await adminClient.request("GET", "/api/users")).body).not.toContain(temporary);
    expect((await adminClient.request("GET", "/api/audit-events")).body).not.toContain(temporary);
    expect(await auditTypes(h, row.id)).toContain("user.password_reset");
  });

  it("unlocks an account slowed by failed sign-ins", async () => {
    const { row, adminClient } = await association("unlock");
    const officer = await createUser(h, row.id, ["officer"]);
    for (let i = 0; i < 5; i++) await signInAttempt(officer.email, "wrong-password");
    // The address that failed five times waits, even with the right password (ADR 0011).
    expect((await signInAttempt(officer.email, testPassword)).statusCode).toBe(429);
    const listed = (await adminClient.request("GET", "/api/users")).json().items;
    expect(listed.find((u: { id: string }) => u.id === officer.id)).toMatchObject({ locked: true });

    const unlocked = await adminClient.request("POST", `/api/users/${officer.id}/unlock`);
    expect(unlocked.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect((await signInAttempt(officer.email, testPassword)).statusCode).toBe(200);
    expect(await auditTypes(h, row.id)).toContain("user.unlocked");
  });

  it("ends every session of a person", async () => {
    const { row, adminClient } = await association("sessions");
    const officer = await createUser(h, row.id, ["officer"]);
    const office = await signIn(h, officer.email);
    const home = await signIn(h, officer.email);
    const ended = await adminClient.request("POST", `/api/users/${officer.id}/sessions/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await office.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await home.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await adminClient.request("GET", "/api/auth/session")).statusCode).toBe(200);
    expect(await auditTypes(h, row.id)).toContain("user.sessions_ended");
  });

  it("an administrator cannot deactivate themselves, reset their own password, or leave no administrator", async () => {
    const { row, admin, adminClient } = await association("guard");
    const own = await adminClient.request("POST", `/api/users/${admin.id}/deactivate`);
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe("own_account");
    expect((await adminClient.request("POST", `/api/users/${admin.id}/password-reset`, {})).json().code).toBe(
      "own_account",
    );
    const demote = await adminClient.request("PUT", `/api/users/${admin.id}/roles`, { roles: ["manager"] });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe("last_administrator");
    expect(demote.json().message.ar).toMatch(/مدير نظام/);

    // With a second administrator, stepping down is allowed and keeps this session.
    await createUser(h, row.id, ["administrator"]);
    const stepDown = await adminClient.request("PUT", `/api/users/${admin.id}/roles`, {
      roles: ["manager"],
    });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect((await adminClient.request("GET", "/api/auth/session")).json().user.roles).toEqual(["manager"]);
  });

  it("only administrators administer accounts", async () => {
    const { row } = await association("roles-only");
    const officer = await createUser(h, row.id, ["officer"]);
    const manager = await signIn(h, (await createUser(h, row.id, ["manager", "hr"])).email);
    expect((await manager.request("GET", "/api/users")).statusCode).toBe(200);
    for (const [method, path, body] of [
      ["POST", `/api/users/${officer.id}/deactivate`, undefined],
      ["PUT", `/api/users/${officer.id}/roles`, { roles: ["manager"] }],
      ["POST", `/api/users/${officer.id}/password-reset`, {}],
      ["POST", `/api/users/${officer.id}/unlock`, undefined],
      ["POST", `/api/users/${officer.id}/sessions/end`, undefined],
    ] as const) {
      expect((await manager.request(method, path, body)).statusCode, path).toBe(403);
    }
  });
});

describe("«حسابي»: changing one's own password", () => {
  let client: Client;
  let other: Client;
  let email: string;
  beforeAll(async () => {
    const row = await createAssociation(h, "mine");
    const officer = await createUser(h, row.id, ["officer"], "سلطان بن ماجد");
    email = officer.email;
    client = await signIn(h, email);
    other = await signIn(h, email);
  });

  it("requires the current password", async () => {
    const response = await client.request("PUT", "/api/me/password", {
      currentPassword: "not-my-password",
      newPassword,
    });
    expect((await fieldError(response)).field).toMatchObject({
      path: "currentPassword",
      code: "wrong_password",
    });
  });

  it("refuses a guessable new password", async () => {
    const response = await client.request("PUT", "/api/me/password", {
      currentPassword: testPassword,
      newPassword: "1234567890",
    });
    expect((await fieldError(response)).field).toMatchObject({ path: "newPassword", code: "password_weak" });
  });

  it("changes it, keeps this session and ends every other", async () => {
    const response = await client.request("PUT", "/api/me/password", {
      currentPassword: testPassword,
      newPassword,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(200);
    expect((await other.request("GET", "/api/auth/session")).statusCode).toBe(401);
    expect((await signInAttempt(email, testPassword)).statusCode).toBe(401);
    expect((await signInAttempt(email, newPassword)).statusCode).toBe(200);
  });
});
