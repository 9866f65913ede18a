import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const signInRequest = (payload: Record<string, string>, ip: string) =>
  h.app.inject({ method: "POST", url: "/api/auth/sign-in", payload, remoteAddress: ip });

async function staffWithEmail(associationId: string, email: string, password: string) {
  return h.modules.users.service.createBySystem(associationId, {
    fullName: "موظف يحمل بريدًا مشتركًا",
    email,
    password,
    roles: ["officer"],
    locale: "ar",
  });
}

describe("staff e-mail addresses belong to one association, not to the deployment", () => {
  it("lets association A create an address B already uses, without telling A anything", async () => {
    const a = await createAssociation(h, "emails-a");
    const b = await createAssociation(h, "emails-b");
    await staffWithEmail(b.id, "manager@b.test", "b-password-long");
    const adminA = await createUser(h, a.id, ["administrator"]);
    const client = await signIn(h, adminA.email);
    const created = await client.request("POST", "/api/users", {
      fullName: "مدير جمعية أ",
      email: "Manager@B.test",
      password: "a-password-long",
      roles: ["manager"],
    });
    expect(created.statusCode).toBe(201);
    // Within one association an address still belongs to one account.
    const again = await client.request("POST", "/api/users", {
      fullName: "مدير مكرر",
      email: "manager@b.test",
      password: "another-password",
      roles: ["officer"],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].code).toBe("email_taken");
  });

  it("signs into the one association whose account the password opens", async () => {
    const a = await createAssociation(h, "shared-a");
    const b = await createAssociation(h, "shared-b");
    const inA = await staffWithEmail(a.id, "shared@example.test", "password-of-a-1");
    const inB = await staffWithEmail(b.id, "shared@example.test", "password-of-b-1");
    const intoA = await signInRequest(
      { email: "shared@example.test", password: "password-of-a-1" },
      "10.2.0.1",
    );
    expect(intoA.statusCode).toBe(200);
    expect(intoA.json()).toMatchObject({
      step: "signed_in",
      user: { id: inA.id, association: { id: a.id } },
    });
    const intoB = await signInRequest(
      { email: "shared@example.test", password: "password-of-b-1" },
      "10.2.0.1",
    );
    expect(intoB.json()).toMatchObject({
      step: "signed_in",
      user: { id: inB.id, association: { id: b.id } },
    });

    const neither = await signInRequest(
      { email: "shared@example.test", password: "password-of-c-1" },
      "10.2.0.2",
    );
    expect(neither.statusCode).toBe(401);
    expect(neither.json().code).toBe("invalid_credentials");
    expect(await auditTypes(h, a.id)).toContain("auth.sign_in_failed");
    expect(await auditTypes(h, b.id)).toContain("auth.sign_in_failed");
  });

  it("asks to choose only among the associations the password opens, then signs into the chosen one", async () => {
    const a = await createAssociation(h, "choose-a");
    const b = await createAssociation(h, "choose-b");
    const c = await createAssociation(h, "choose-c");
    await staffWithEmail(a.id, "two@example.test", "same-password-1");
    const inB = await staffWithEmail(b.id, "two@example.test", "same-password-1");
    await staffWithEmail(c.id, "two@example.test", "other-password-1");

    const first = await signInRequest({ email: "two@example.test", password: "same-password-1" }, "10.2.1.1");
    expect(first.statusCode).toBe(200);
    expect(first.cookies.find((cookie) => cookie.name === "silah_session")).toBeUndefined();
    const body = first.json();
    expect(body.step).toBe("choose_association");
    expect(body.associations.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(body.associations.find((x: { id: string }) => x.id === a.id).name).toBe(a.nameAr);

    const chosen = await signInRequest(
      { email: "two@example.test", password: "same-password-1", associationId: b.id },
      "10.2.1.1",
    );
    expect(chosen.json()).toMatchObject({ step: "signed_in", user: { id: inB.id } });

    // Naming an association the password does not open is the usual refusal.
    const wrongChoice = await signInRequest(
      { email: "two@example.test", password: "same-password-1", associationId: c.id },
      "10.2.1.2",
    );
    expect(wrongChoice.statusCode).toBe(401);
    expect(wrongChoice.json().code).toBe("invalid_credentials");
  });
});
