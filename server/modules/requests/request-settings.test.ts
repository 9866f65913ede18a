import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation, createHarness, createUser, type Harness, signIn } from "../../test/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("request settings", () => {
  it("tell an officer whom a request can be referred to, by name", async () => {
    const association = await createAssociation(h, "settings");
    const researcher = await createUser(h, association.id, ["social_researcher"], "باحثة اجتماعية");
    await createUser(h, association.id, ["manager"], "مدير");
    const officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
    const settings = (await officer.request("GET", "/api/request-settings")).json();
    expect(settings.referralRole).toBe("social_researcher");
    expect(settings.referralStaff).toEqual([{ id: researcher.id, fullName: researcher.fullName }]);
  });

  it("are changed by the administrator: the period in force, where it comes from, and the referral role", async () => {
    const association = await createAssociation(h, "settings-admin");
    const admin = await signIn(h, (await createUser(h, association.id, ["administrator"])).email);
    const before = (await admin.request("GET", "/api/request-settings")).json();
    expect(before.responsePeriodSource).toBe("default");
    const rule = { value: 10, unit: "working_days", bound: "max", startsAt: "completion" };
    const saved = await admin.request("PUT", "/api/request-settings", {
      responsePeriod: rule,
      referralRole: "liaison_officer",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      responsePeriod: rule,
      responsePeriodSource: "settings",
      referralRole: "liaison_officer",
    });
  });

  it("refuse a period of no days and a role an association cannot give, with Arabic field errors, changing nothing", async () => {
    const association = await createAssociation(h, "settings-bad");
    const admin = await signIn(h, (await createUser(h, association.id, ["administrator"])).email);
    for (const body of [
      { responsePeriod: { value: 0, unit: "working_days", bound: "max", startsAt: "completion" } },
      { referralRole: "platform_operator" },
    ]) {
      const refused = await admin.request("PUT", "/api/request-settings", body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].message.ar).toMatch(/[\u0600-\u06FF]/);
    }
    const after = (await admin.request("GET", "/api/request-settings")).json();
    expect(after).toMatchObject({ responsePeriodSource: "default", referralRole: "social_researcher" });
  });
});
