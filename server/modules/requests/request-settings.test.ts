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
});
