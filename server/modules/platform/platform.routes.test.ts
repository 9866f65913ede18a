import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
let operator: Client;
let platformId: string;
beforeAll(async () => {
  h = await createHarness();
  const row = await h.modules.platform.service.createOperatorBySystem({
    fullName: "بدر بن عادل الرشيد",
    email: "operator@platform.test",
    password: testPassword,
    locale: "ar",
  });
  platformId = row.associationId;
  operator = await signIn(h, "operator@platform.test");
});
afterAll(() => h.close());

const opening = (slug: string) => ({
  slug,
  nameAr: "جمعية البر الخيرية بنجران",
  region: "نجران",
  administrator: { fullName: "سلمى بنت ناصر اليامي", email: `admin@${slug}.test` },
});

async function open(slug: string) {
  const response = await operator.request("POST", "/api/platform/associations", opening(slug));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as {
    association: { id: string; slug: string; status: string };
    administrator: { email: string };
    temporaryPassword: string;
  };
}

function signInAttempt(email: string, password: string) {
  return h.app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password } });
}

describe("the platform operator", () => {
  it("must enrol a second factor, like the roles that hold sensitive data", () => {
    expect(operator.session.secondFactor).toEqual({ required: true, enrolled: true });
  });

  it("opens an association with its first administrator, who signs in with the temporary password once", async () => {
    const opened = await open("albir-najran");
    expect(opened.association).toMatchObject({ slug: "albir-najran", status: "active" });
    expect(opened.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    const first = await signInAttempt(opened.administrator.email, opened.temporaryPassword);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().user.passwordChangeRequired).toBe(true);
    expect(first.json().user.roles).toEqual(["administrator"]);

    expect(await auditTypes(h, platformId)).toContain("association.opened_by_operator");
    expect(await auditTypes(h, opened.association.id)).toEqual(
      expect.arrayContaining(["association.created", "user.created", "association.opened_by_operator"]),
    );
  });

  it("refuses a taken identifier with an Arabic field error, and opens nothing", async () => {
    await open("taken-slug");
    const again = await operator.request("POST", "/api/platform/associations", {
      ...opening("taken-slug"),
      administrator: { fullName: "شخص آخر تمامًا", email: "other@taken.test" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ path: "slug", code: "slug_taken" });
    expect(again.json().errors[0].message.ar).toMatch(/مستخدم لجمعية أخرى/);
    expect((await signInAttempt("other@taken.test", "whatever-password")).statusCode).toBe(401);
  });

  it("sees each association's usage as counts, never a person's data", async () => {
    const served = await createAssociation(h, "usage");
    await createUser(h, served.id, ["officer"], "موظفة الاستقبال");
    await createUser(h, served.id, ["manager"], "مدير الجمعية");
    const listed = await operator.request("GET", "/api/platform/associations");
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as { id: string; slug: string; usage: Record<string, unknown> }[];
    expect(items.some((item) => item.slug === "platform")).toBe(false);
    expect(items.find((item) => item.id === served.id)!.usage).toMatchObject({
      staff: 2,
      beneficiaries: 0,
      requestsThisMonth: 0,
      storageBytes: 0,
    });
    expect(listed.body).not.toContain("موظفة الاستقبال");
    expect(listed.body).not.toContain("@example.test");
  });

  it("suspends an association: its sessions end, sign-in and the public page are refused in Arabic; reactivation opens it again", async () => {
    const served = await createAssociation(h, "suspend");
    const staff = await createUser(h, served.id, ["officer"], "موظف الجمعية");
    const client = await signIn(h, staff.email);
    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(200);

    const suspended = await operator.request("POST", `/api/platform/associations/${served.id}/suspend`);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json().status).toBe("suspended");

    expect((await client.request("GET", "/api/auth/session")).statusCode).toBe(401);
    const refused = await signInAttempt(staff.email, testPassword);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("association_suspended");
    const publicPage = await h.app.inject({
      method: "GET",
      url: `/api/public/associations/${served.slug}/complaint-challenge`,
    });
    expect(publicPage.statusCode).toBe(403);
    expect(publicPage.json().code).toBe("association_suspended");

    const reactivated = await operator.request("POST", `/api/platform/associations/${served.id}/reactivate`);
    expect(reactivated.json().status).toBe("active");
    expect((await signInAttempt(staff.email, testPassword)).statusCode).toBe(200);
    expect(await auditTypes(h, served.id)).toEqual(
      expect.arrayContaining(["association.suspended", "association.reactivated"]),
    );
  });

  it("is refused to an association's own staff, whatever their roles", async () => {
    const served = await createAssociation(h, "refused");
    const admin = await createUser(h, served.id, ["administrator"], "مديرة النظام");
    const client = await signIn(h, admin.email);
    for (const [method, url] of [
      ["GET", "/api/platform/associations"],
      ["POST", `/api/platform/associations/${served.id}/suspend`],
    ] as const) {
      expect((await client.request(method, url)).statusCode).toBe(403);
    }
    const granted = await client.request("PUT", `/api/users/${admin.id}/roles`, {
      roles: ["platform_operator"],
    });
    expect(granted.statusCode).toBe(400);
  });

  it("cannot suspend the platform itself", async () => {
    const response = await operator.request("POST", `/api/platform/associations/${platformId}/suspend`);
    expect(response.statusCode).toBe(404);
  });
});

describe("the first administrator's temporary password", () => {
  it("is replaced before the second factor is enrolled, so the person who enrols holds the account alone", async () => {
    const opened = await open("first-steps");
    const first = await signInAttempt(opened.administrator.email, opened.temporaryPassword);
    const cookie = first.cookies.find((c) => c.name === "silah_session")!.value;
    const csrf = first.json().csrfToken as string;
    const call = (method: "POST" | "PUT", url: string, payload?: object) =>
      h.app.inject({
        method,
        url,
        cookies: { silah_session: cookie },
        headers: { "x-csrf-token": csrf },
        ...(payload ? { payload } : {}),
      });
    const enrolFirst = await call("POST", "/api/auth/second-factor/enrolment");
    expect(enrolFirst.json().code).toBe("password_change_required");
    const changed = await call("PUT", "/api/me/password", {
      currentPassword: opened.temporaryPassword,
      newPassword: "orchard lantern 71 quietly",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const enrol = await call("POST", "/api/auth/second-factor/enrolment");
    expect(enrol.statusCode, enrol.body).toBe(200);
  });
});
