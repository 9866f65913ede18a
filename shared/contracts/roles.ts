import { z } from "zod";

/** Staff roles of an association (SPEC §1). A user may hold several. Arabic names: docs/glossary.md. */
export const staffRoles = [
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

export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;
