import { definePolicy } from "../../http/policy.js";

export const calendarPolicy = definePolicy({
  // Every staff member plans around the calendar; only the administrator corrects it.
  read: [
    "officer",
    "social_researcher",
    "committee_member",
    "followup_committee_member",
    "liaison_officer",
    "branch_representative",
    "manager",
    "hr",
    "board_member",
    "administrator",
  ],
  edit: ["administrator"],
});
