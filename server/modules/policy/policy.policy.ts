import { staffRoles } from "../../../shared/contracts/roles.js";
import { definePolicy } from "../../http/policy.js";

export const policyPolicy = definePolicy({
  // Every staff member works by the policy: reads it, consults the library, and signs it (P3).
  read: staffRoles,
  acknowledge: staffRoles,
  // Drafts are the administrator's work; the board sees them before it approves.
  editDrafts: ["administrator"],
  readDrafts: ["administrator", "board_member"],
  // A draft becomes the policy only by the board's resolution (P2), recorded by a member or the administrator.
  approve: ["board_member", "administrator"],
  // HR follows who has signed the current version, and so does senior management.
  acknowledgementReport: ["hr", "manager"],
  editLibrary: ["administrator"],
});
