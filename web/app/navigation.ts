import type { StaffRole } from "../../shared/contracts/roles.js";
import type { MessageKey } from "../i18n/i18n.js";

export type NavigationItem = {
  id: string;
  path: string;
  label: MessageKey;
  /** Who sees the item and may open the page; "all" is every signed-in staff member. */
  roles: "all" | readonly StaffRole[];
  /** A page reached from another page (a form, a file), guarded by the same table but not in the sidebar. */
  inMenu?: false;
};

/**
 * The sidebar, declared once: each row is a page that exists and the roles allowed to open it.
 * The router guards the same paths with this table, so hiding a link and refusing the page agree.
 *
 * A new feature adds its row here when its page lands (e.g. beneficiaries, support requests,
 * complaints, committees, the policy) — never a row for a page that does not exist yet.
 */
export const navigation: readonly NavigationItem[] = [
  { id: "home", path: "/", label: "nav.home", roles: "all" },
  {
    id: "beneficiaries",
    path: "/beneficiaries",
    label: "nav.beneficiaries",
    roles: [
      "officer",
      "social_researcher",
      "committee_member",
      "followup_committee_member",
      "liaison_officer",
      "branch_representative",
      "manager",
    ],
  },
  {
    id: "beneficiaries.register",
    path: "/beneficiaries/new",
    label: "beneficiaries.register",
    roles: ["officer", "branch_representative", "social_researcher"],
    inMenu: false,
  },
  {
    id: "beneficiaries.edit",
    path: "/beneficiaries/:beneficiaryId/edit",
    label: "beneficiaries.edit.title",
    roles: ["officer", "branch_representative", "social_researcher"],
    inMenu: false,
  },
  {
    id: "beneficiaries.import",
    path: "/beneficiaries/import",
    label: "nav.import",
    roles: ["manager", "administrator"],
  },
  {
    id: "correspondence",
    path: "/correspondence",
    label: "nav.correspondence",
    roles: [
      "officer",
      "branch_representative",
      "social_researcher",
      "liaison_officer",
      "committee_member",
      "followup_committee_member",
      "manager",
    ],
  },
  { id: "audit", path: "/audit", label: "nav.audit", roles: ["manager", "administrator"] },
  { id: "calendar", path: "/admin/calendar", label: "nav.calendar", roles: "all" },
  { id: "liaison", path: "/admin/liaison", label: "nav.liaison", roles: ["administrator", "manager"] },
  { id: "categories", path: "/admin/categories", label: "nav.categories", roles: ["administrator"] },
];

export function isAllowed(item: NavigationItem, roles: readonly StaffRole[]): boolean {
  return item.roles === "all" || item.roles.some((role) => roles.includes(role));
}

export function visibleNavigation(roles: readonly StaffRole[]): NavigationItem[] {
  return navigation.filter((item) => item.inMenu !== false && isAllowed(item, roles));
}

export function navigationItem(id: string): NavigationItem {
  const item = navigation.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No navigation item "${id}"`);
  return item;
}
