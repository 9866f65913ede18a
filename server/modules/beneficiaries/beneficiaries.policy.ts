import { definePolicy } from "../../http/policy.js";

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
  // Health, disability, income and circumstances: those who assess need, not everyone who serves.
  readSensitive: ["social_researcher", "committee_member", "manager"],
  manageCategories: ["administrator"],
  recordConsent: ["officer", "branch_representative", "social_researcher"],
});
