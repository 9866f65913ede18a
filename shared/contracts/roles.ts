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
  "platform_operator",
] as const;

export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * The roles an association gives its staff. `platform_operator` is not one of them: it exists only
 * in the platform's own association and is granted by the command line (ADR 0024).
 */
export const associationRoles = staffRoles.filter(
  (role): role is Exclude<StaffRole, "platform_operator"> => role !== "platform_operator",
);
export type AssociationRole = Exclude<StaffRole, "platform_operator">;
export const associationRoleSchema = z.enum(associationRoles as [AssociationRole, ...AssociationRole[]]);
