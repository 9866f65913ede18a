import type { StaffRole } from "../../shared/contracts/roles.js";
import type { Modules } from "../app.js";

export const demoPassword = "silah-demo-2026";
export const demoAssociationSlug = "demo";

/** One demo user per role; the e-mail's local part is the role, as README tells people. */
export const demoUsers: { role: StaffRole; local: string; fullName: string }[] = [
  { role: "officer", local: "officer", fullName: "نورة بنت عبدالله القحطاني" },
  { role: "social_researcher", local: "social-researcher", fullName: "فاطمة بنت سعد الشهري" },
  { role: "committee_member", local: "committee-member", fullName: "خالد بن محمد العتيبي" },
  { role: "followup_committee_member", local: "followup-committee-member", fullName: "سارة بنت علي الغامدي" },
  { role: "liaison_officer", local: "liaison-officer", fullName: "عبدالرحمن بن فهد الدوسري" },
  { role: "branch_representative", local: "branch-representative", fullName: "ماجد بن ناصر اليامي" },
  { role: "manager", local: "manager", fullName: "عبدالعزيز بن إبراهيم الحربي" },
  { role: "hr", local: "hr", fullName: "هيفاء بنت سلمان الزهراني" },
  { role: "board_member", local: "board-member", fullName: "د. سليمان بن حمد المطيري" },
  { role: "administrator", local: "admin", fullName: "ريم بنت تركي السبيعي" },
];

export function demoEmail(local: string): string {
  return `${local}@demo.silah.sa`;
}

/** Creates the demo association and its users; does nothing if it already exists. */
export async function seedDemo(modules: Modules): Promise<{ created: boolean; associationId: string }> {
  const existing = await modules.associations.service.findBySlug(demoAssociationSlug);
  if (existing) return { created: false, associationId: existing.id };
  const association = await modules.associations.service.createBySystem({
    slug: demoAssociationSlug,
    nameAr: "جمعية صلة التجريبية للتنمية الاجتماعية",
    nameEn: "Silah Demo Social Development Association",
    licenseNumber: "9999",
    supervisingAuthority: "وزارة الموارد البشرية والتنمية الاجتماعية",
  });
  for (const user of demoUsers) {
    await modules.users.service.createBySystem(association.id, {
      fullName: user.fullName,
      email: demoEmail(user.local),
      password: demoPassword,
      roles: [user.role],
      locale: "ar",
    });
  }
  return { created: true, associationId: association.id };
}
