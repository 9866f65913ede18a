import type { StaffRole } from "../contracts/roles.js";

/**
 * Roles that must sign in with a second factor (ASVS level 2, V2.2/V2.8): administrators, who
 * control accounts and configuration, and the roles that read sensitive fields of beneficiaries
 * (health, income, home-visit findings, ID scans). The list is shared so the web can tell a user
 * why they are asked to enrol, and the server enforces it.
 */
export const secondFactorRoles: readonly StaffRole[] = [
  "administrator",
  "manager",
  "social_researcher",
  "committee_member",
  "followup_committee_member",
  "platform_operator",
];

/** True when any of the roles makes a second factor mandatory. */
export function secondFactorRequired(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => secondFactorRoles.includes(role));
}
