import { definePolicy } from "../../http/policy.js";

const frontLine = ["officer", "branch_representative", "social_researcher"] as const;

/** Who may do what with support requests and their committees (SPEC H1–H8, R2). */
export const requestsPolicy = definePolicy({
  // Reading includes whoever may own a referral: the role is the association's choice (H4).
  read: [...frontLine, "committee_member", "liaison_officer", "manager"],
  open: frontLine,
  edit: frontLine,
  refer: ["officer", "branch_representative"],
  declare: frontLine,
  cancel: ["officer", "manager"],
  deliver: ["officer", "branch_representative", "manager"],
  close: ["officer", "manager"],
  schedule: ["manager", "committee_member"],
  vote: ["committee_member"],
  manageCommittees: ["administrator"],
  readCommittees: ["committee_member", "manager", "administrator"],
  settings: ["administrator"],
  readSettings: ["administrator", "manager", "officer", "branch_representative"],
  reports: ["manager", "administrator"],
});
