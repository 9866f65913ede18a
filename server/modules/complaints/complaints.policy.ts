import { definePolicy } from "../../http/policy.js";

export const complaintsPolicy = definePolicy({
  // Complaints arrive on every channel; whoever receives one records it.
  record: ["officer", "branch_representative", "liaison_officer", "followup_committee_member", "manager"],
  // The follow-up committee handles them (Q2); senior management follows all (S3); the
  // administrator answers the technical-support ones routed to them.
  read: ["followup_committee_member", "manager", "administrator", "board_member"],
  handle: ["followup_committee_member", "manager", "administrator"],
  assign: ["followup_committee_member", "manager"],
  dashboard: ["manager", "board_member", "followup_committee_member"],
  direct: ["manager", "board_member"],
  // Compensation (K1, K2): the committee negotiates; senior management approves and pays.
  manageClaims: ["followup_committee_member", "manager"],
  approveClaims: ["manager"],
});
