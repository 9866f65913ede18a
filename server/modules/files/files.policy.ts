import { definePolicy } from "../../http/policy.js";

const staff = [
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
] as const;

export const filesPolicy = definePolicy({ upload: staff, read: staff });
