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
  // The inbox of inquiries routed to me (I1); senior management supervises every officer's (S3).
  inbox: ["liaison_officer"],
  supervise: ["manager"],
});
