import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  type Client,
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

const policyText = {
  generalGoal: "تنظيم العلاقة مع المستفيدين.",
  channels: ["interview", "phone"],
  handlingSteps: ["استقبال المستفيد بلباقة واحترام"],
  responsePeriod: { value: 15, unit: "working_days", bound: "max", startsAt: "completion" },
  referralRole: "مدير الإدارة الصحية",
  committees: "تُعرض الطلبات على اللجنة المختصة.\nوتُرفع الحالات العلاجية إلى اللجنة الطبية.",
};

/** An association whose board approved a policy with referral and committee wording, and two committees. */
async function withApprovedPolicy(label: string) {
  const association = await createAssociation(h, label);
  const adminUser = await createUser(h, association.id, ["administrator"], "مديرة النظام");
  const boardUser = await createUser(h, association.id, ["board_member"], "عضو المجلس");
  const manager = await createUser(h, association.id, ["manager"], "مدير الإدارة");
  const members = [
    await createUser(h, association.id, ["committee_member"], "عضو أول"),
    await createUser(h, association.id, ["committee_member"], "عضو ثان"),
  ];
  const admin = await signIn(h, adminUser.email);
  const board = await signIn(h, boardUser.email);
  const committee = async (nameAr: string) =>
    (
      await admin.request("POST", "/api/committees", {
        nameAr,
        quorum: 2,
        memberIds: members.map((m) => m.id),
      })
    ).json() as { id: string };
  const research = await committee("لجنة البحث والدراسة");
  const medical = await committee("اللجنة الطبية");
  const draft = (await admin.request("POST", "/api/policy/drafts", policyText)).json() as { id: string };
  const approved = await board.request("POST", `/api/policy/drafts/${draft.id}/approve`, {
    meetingNumber: "2",
    term: "4",
    hijriDate: "2/3/1441هـ",
    chair: "عبدالله بن سعد الحربي",
    members: [
      { name: "عبدالله بن سعد الحربي", position: "رئيس مجلس الإدارة", signature: { kind: "recorded" } },
    ],
    resolution: "اعتماد السياسة.",
  });
  expect(approved.statusCode, approved.body).toBe(200);
  for (const [client, user] of [
    [admin, adminUser],
    [board, boardUser],
  ] as [Client, typeof adminUser][]) {
    const current = (await client.request("GET", "/api/policy/current")).json();
    await client.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: user.fullName,
    });
  }
  return { association, admin, manager, research, medical };
}

describe("the policy's wording mapped to staff roles and committees", () => {
  it("is suggested from the words, confirmed by the administrator, and then decides whom requests are referred to", async () => {
    const { association, admin, manager, research, medical } = await withApprovedPolicy("wording");
    const suggested = (await admin.request("GET", "/api/request-settings/policy-wording")).json();
    expect(suggested.referral).toEqual({
      wording: "مدير الإدارة الصحية",
      suggestedRole: "manager",
      role: null,
      confirmed: false,
    });
    expect(suggested.committees).toEqual([
      expect.objectContaining({ wording: "تُعرض الطلبات على اللجنة المختصة", confirmed: false }),
      expect.objectContaining({
        wording: "وتُرفع الحالات العلاجية إلى اللجنة الطبية",
        suggestedCommitteeId: medical.id,
        confirmed: false,
      }),
    ]);
    const before = (await admin.request("GET", "/api/request-settings")).json();
    expect(before).toMatchObject({ referralRole: "social_researcher", referralRoleSource: "default" });

    const confirmed = await admin.request("PUT", "/api/request-settings/policy-wording", {
      referralRole: "manager",
      committees: [
        { wording: "تُعرض الطلبات على اللجنة المختصة", committeeId: research.id },
        { wording: "وتُرفع الحالات العلاجية إلى اللجنة الطبية", committeeId: medical.id },
      ],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().referral).toMatchObject({ role: "manager", confirmed: true });
    expect(confirmed.json().committees.map((c: { committeeId: string }) => c.committeeId)).toEqual([
      research.id,
      medical.id,
    ]);

    const after = (await admin.request("GET", "/api/request-settings")).json();
    expect(after).toMatchObject({ referralRole: "manager", referralRoleSource: "policy" });
    expect(after.referralStaff).toEqual([{ id: manager.id, fullName: manager.fullName }]);
    expect(await auditTypes(h, association.id)).toContain("policy_wording.confirmed");
  });

  it("refuses a wording the policy does not hold or a committee that does not exist, in Arabic, keeping what was confirmed", async () => {
    const { admin } = await withApprovedPolicy("wording-bad");
    for (const body of [
      { referralRole: "manager", committees: [{ wording: "لجنة لا ذكر لها", committeeId: null }] },
      {
        referralRole: "manager",
        committees: [
          { wording: "تُعرض الطلبات على اللجنة المختصة", committeeId: "00000000-0000-4000-8000-000000000000" },
        ],
      },
      { committees: [] },
    ]) {
      const refused = await admin.request("PUT", "/api/request-settings/policy-wording", body);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].message.ar).toMatch(/[\u0600-\u06FF]/);
    }
    const still = (await admin.request("GET", "/api/request-settings/policy-wording")).json();
    expect(still.referral.confirmed).toBe(false);
  });

  it("is the administrator's to confirm, not a manager's", async () => {
    const { manager } = await withApprovedPolicy("wording-manager");
    const client = await signIn(h, manager.email);
    const current = (await client.request("GET", "/api/policy/current")).json();
    await client.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: manager.fullName,
    });
    const refused = await client.request("PUT", "/api/request-settings/policy-wording", {
      referralRole: "officer",
    });
    expect(refused.statusCode).toBe(403);
  });
});
