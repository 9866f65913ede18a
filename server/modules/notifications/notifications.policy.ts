import { definePolicy } from "../../http/policy.js";

/** Who reads the notices sent to people and does the ones no machine can carry (SPEC C2, ADR 0020). */
export const notificationsPolicy = definePolicy({
  read: [
    "officer",
    "branch_representative",
    "social_researcher",
    "liaison_officer",
    "followup_committee_member",
    "manager",
  ],
  // Calling, writing, retrying or choosing another channel: the front line and who follows complaints.
  act: ["officer", "branch_representative", "liaison_officer", "followup_committee_member", "manager"],
});
