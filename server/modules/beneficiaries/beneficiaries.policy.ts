import type { SensitiveField } from "../../../shared/contracts/access.js";
import { definePolicy } from "../../http/policy.js";

/** The file's fields that only some readers see: who, is decided in shared/contracts/access.ts. */
export const beneficiarySensitiveFields = [
  "beneficiary.monthly_income",
  "beneficiary.circumstances",
  "beneficiary.health_notes",
  "beneficiary.disability",
] as const satisfies readonly SensitiveField[];

/** Who may do what with beneficiary files (SPEC R2: access by role and need). */
export const beneficiariesPolicy = definePolicy({
  read: [
    "officer",
    "social_researcher",
    "committee_member",
    "followup_committee_member",
    "liaison_officer",
    "branch_representative",
    "manager",
  ],
  register: ["officer", "branch_representative", "social_researcher"],
  edit: ["officer", "branch_representative", "social_researcher"],
  merge: ["officer", "manager"],
  import: ["administrator", "manager"],
  manageCategories: ["administrator"],
  recordConsent: ["officer", "branch_representative", "social_researcher"],
});
