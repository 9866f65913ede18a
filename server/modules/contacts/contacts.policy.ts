import { definePolicy } from "../../http/policy.js";

const frontLine = [
  "officer",
  "branch_representative",
  "social_researcher",
  "liaison_officer",
  "manager",
] as const;

export const contactsPolicy = definePolicy({
  record: frontLine,
  answer: frontLine,
  read: [...frontLine, "committee_member", "followup_committee_member", "administrator"],
  manageRoutes: ["administrator", "manager"],
});
