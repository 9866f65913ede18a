import { describe, expect, it } from "vitest";
import { committeeWordings, suggestCommittee, suggestRole } from "./policy-wording.js";

describe("the policy's wording mapped to roles and committees", () => {
  it("suggests the staff role a referral wording means, whatever its spelling", () => {
    expect(suggestRole("الباحث الاجتماعي")).toBe("social_researcher");
    expect(suggestRole("الباحثه الاجتماعيه")).toBe("social_researcher");
    expect(suggestRole("مدير الإدارة الصحية")).toBe("manager");
    expect(suggestRole("ضابط الاتصال")).toBe("liaison_officer");
    expect(suggestRole("شخص غير معروف")).toBeNull();
  });

  it("finds the bodies a committees text names", () => {
    const text =
      "١- تُعرض الطلبات على اللجنة المختصة للبت فيها.\nوتُرفع الحالات الطبية إلى مدير الإدارة الصحية، ويعتمد مجلس الإدارة القرارات الكبرى.";
    expect(committeeWordings(text)).toEqual([
      "تُعرض الطلبات على اللجنة المختصة للبت فيها",
      "وتُرفع الحالات الطبية إلى مدير الإدارة الصحية",
      "ويعتمد مجلس الإدارة القرارات الكبرى",
    ]);
    expect(committeeWordings("")).toEqual([]);
  });

  it("suggests the committee whose name shares the wording's words, or the only one", () => {
    const research = { id: "1", nameAr: "لجنة البحث والدراسة" };
    const medical = { id: "2", nameAr: "اللجنة الطبية" };
    expect(suggestCommittee("تُرفع الحالات إلى اللجنه الطبيه", [research, medical])).toBe(medical);
    expect(suggestCommittee("اللجنة المختصة", [research])).toBe(research);
    expect(suggestCommittee("اللجنة المختصة", [])).toBeNull();
  });
});
