import { definePolicy } from "../../http/policy.js";

// Senior management supervises the offices and branches (S2); the branch representative records
// the visits and surveys made in their branch; the administrator sets the association up.
const overseers = ["manager", "administrator", "branch_representative"] as const;

export const fieldworkPolicy = definePolicy({
  record: overseers,
  read: overseers,
  // The checklists are the association's own: defined by its administrator or management.
  manageChecklists: ["administrator", "manager"],
  // Every overdue action, whoever owns it; any action may be marked done by management.
  supervise: ["manager"],
  // Counts only, no personal data: the board follows them on its dashboard.
  summary: ["manager", "administrator", "board_member"],
});
