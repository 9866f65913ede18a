import type { StaffRole } from "../../shared/contracts/roles.js";
import { surveyRoles } from "../../shared/contracts/surveys.js";
import type { MessageKey } from "../i18n/i18n.js";

export type NavigationItem = {
  id: string;
  path: string;
  label: MessageKey;
  /**
   * Who sees the item and may open the page: "all" is every association staff member, "everyone"
   * also the platform operator (ADR 0024), who works above the associations and has none of their pages.
   */
  roles: "everyone" | "all" | readonly StaffRole[];
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
  { id: "home", path: "/", label: "nav.home", roles: "everyone" },
  // The liaison officer's inbox of routed inquiries (I1, H1).
  { id: "inbox", path: "/inbox", label: "nav.inbox", roles: ["liaison_officer"] },
  {
    id: "requests",
    path: "/requests",
    label: "nav.requests",
    roles: [
      "officer",
      "branch_representative",
      "social_researcher",
      "committee_member",
      "liaison_officer",
      "manager",
    ],
  },
  {
    id: "requests.new",
    path: "/requests/new",
    label: "requests.open.title",
    roles: ["officer", "branch_representative", "social_researcher"],
    inMenu: false,
  },
  {
    id: "requests.request",
    path: "/requests/:requestId",
    label: "nav.requests",
    roles: [
      "officer",
      "branch_representative",
      "social_researcher",
      "committee_member",
      "liaison_officer",
      "manager",
    ],
    inMenu: false,
  },
  // Senior management's dashboard (S3, G7): dashboards.policy.ts: read.
  { id: "dashboards.management", path: "/dashboards", label: "nav.managementDashboard", roles: ["manager"] },
  // The governance assessment's evidence pack (G7): evidence.policy.ts: request, read.
  { id: "evidence", path: "/evidence", label: "nav.evidence", roles: ["manager"] },
  {
    id: "reports.compliance",
    path: "/reports/response-compliance",
    label: "nav.compliance",
    // requests.policy.ts: reports
    roles: ["manager", "administrator"],
  },
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
  {
    id: "complaints",
    path: "/complaints",
    label: "nav.complaints",
    roles: ["followup_committee_member", "manager", "administrator", "board_member"],
  },
  {
    id: "complaints.file",
    path: "/complaints/:complaintId",
    label: "complaints.page.title",
    roles: ["followup_committee_member", "manager", "administrator", "board_member"],
    inMenu: false,
  },
  {
    id: "complaints.record",
    path: "/complaints/new",
    label: "nav.recordComplaint",
    roles: ["officer", "branch_representative", "liaison_officer", "followup_committee_member", "manager"],
  },
  {
    id: "complaints.dashboard",
    path: "/complaints/dashboard",
    label: "nav.complaintsDashboard",
    roles: ["manager", "board_member", "followup_committee_member"],
  },
  // Field oversight (S2): fieldwork.policy.ts `record`/`read`; a visit's page also opens for the
  // staff member who owns one of its follow-up actions (the server decides).
  {
    id: "field",
    path: "/field",
    label: "nav.field",
    roles: ["manager", "administrator", "branch_representative"],
  },
  {
    id: "field.new",
    path: "/field/new",
    label: "field.record",
    roles: ["manager", "administrator", "branch_representative"],
    inMenu: false,
  },
  {
    id: "field.checklists",
    path: "/field/checklists",
    label: "field.checklists.title",
    roles: ["administrator", "manager"],
    inMenu: false,
  },
  {
    id: "field.visit",
    path: "/field/visits/:visitId",
    label: "nav.field",
    roles: "all",
    inMenu: false,
  },
  // Satisfaction surveys (S1, G6): the roles of surveys.policy.ts, from shared/contracts/surveys.ts.
  // Management and the administrator build them and run campaigns; management and the board read
  // the results; management and the follow-up committee act on the follow-ups respondents allowed.
  { id: "surveys", path: "/surveys", label: "nav.surveys", roles: surveyRoles.build },
  {
    id: "surveys.new",
    path: "/surveys/new",
    label: "surveys.new",
    roles: surveyRoles.build,
    inMenu: false,
  },
  {
    id: "surveys.survey",
    path: "/surveys/:surveyId",
    label: "nav.surveys",
    roles: surveyRoles.build,
    inMenu: false,
  },
  {
    id: "surveys.results",
    path: "/surveys/:surveyId/results",
    label: "surveys.results.title",
    roles: surveyRoles.results,
    inMenu: false,
  },
  {
    id: "surveys.campaigns",
    path: "/survey-campaigns",
    label: "nav.surveyCampaigns",
    roles: surveyRoles.build,
  },
  {
    id: "surveys.followUps",
    path: "/survey-follow-ups",
    label: "nav.surveyFollowUps",
    roles: surveyRoles.followUps,
  },
  // Senior management supervises the liaison officers (S3).
  {
    id: "reports.liaison",
    path: "/reports/liaison-officers",
    label: "nav.liaisonLoad",
    roles: ["manager"],
  },
  {
    id: "compensation",
    path: "/compensation",
    label: "nav.compensation",
    roles: ["followup_committee_member", "manager"],
  },
  {
    id: "compensation.new",
    path: "/compensation/new",
    label: "compensation.open.title",
    roles: ["followup_committee_member", "manager"],
    inMenu: false,
  },
  {
    id: "compensation.claim",
    path: "/compensation/:claimId",
    label: "compensation.claim.heading",
    roles: ["followup_committee_member", "manager"],
    inMenu: false,
  },
  // Committee meetings: the list opens each meeting; calling one is the committee's and management's.
  {
    id: "meetings",
    path: "/meetings",
    label: "nav.meetings",
    roles: ["committee_member", "manager", "administrator"],
  },
  {
    id: "meetings.new",
    path: "/meetings/new",
    label: "meetings.new",
    roles: ["manager", "committee_member"],
    inMenu: false,
  },
  {
    id: "meetings.meeting",
    path: "/meetings/:meetingId",
    label: "nav.meetings",
    roles: ["committee_member", "manager", "administrator"],
    inMenu: false,
  },
  {
    id: "committees",
    path: "/admin/committees",
    label: "nav.committees",
    roles: ["administrator", "manager", "committee_member"],
  },
  {
    id: "services",
    path: "/services",
    label: "nav.services",
    roles: [
      "officer",
      "branch_representative",
      "social_researcher",
      "committee_member",
      "liaison_officer",
      "manager",
      "administrator",
    ],
  },
  {
    id: "services.sheet",
    path: "/services/:serviceId/sheet",
    label: "services.sheet.print",
    roles: [
      "officer",
      "branch_representative",
      "social_researcher",
      "committee_member",
      "liaison_officer",
      "manager",
      "administrator",
    ],
    inMenu: false,
  },
  {
    id: "services.manage",
    path: "/admin/services/new",
    label: "services.new",
    roles: ["administrator"],
    inMenu: false,
  },
  // The response period and the referral role (requests.policy.ts `settings`).
  {
    id: "requests.settings",
    path: "/admin/request-settings",
    label: "nav.requestSettings",
    roles: ["administrator"],
  },
  {
    id: "audit",
    path: "/audit",
    label: "nav.audit",
    roles: ["manager", "administrator", "platform_operator"],
  },
  { id: "calendar", path: "/admin/calendar", label: "nav.calendar", roles: "all" },
  { id: "liaison", path: "/admin/liaison", label: "nav.liaison", roles: ["administrator", "manager"] },
  { id: "categories", path: "/admin/categories", label: "nav.categories", roles: ["administrator"] },
  // The policy (P1–P4) and the officer's library (T1): everyone reads and signs; drafts are the
  // administrator's and the board's; HR and management follow who has signed.
  { id: "policy", path: "/policy", label: "nav.policy", roles: "all" },
  {
    id: "policy.version",
    path: "/policy/versions/:versionId",
    label: "policy.title",
    roles: "all",
    inMenu: false,
  },
  {
    id: "policy.drafts",
    path: "/policy/drafts",
    label: "nav.policyDrafts",
    roles: ["administrator", "board_member"],
  },
  {
    id: "policy.draft",
    path: "/policy/drafts/:draftId",
    label: "policy.draft.title",
    roles: ["administrator", "board_member"],
    inMenu: false,
  },
  {
    id: "policy.acknowledgements",
    path: "/policy/acknowledgements",
    label: "nav.policyAcknowledgements",
    roles: ["hr", "manager"],
  },
  { id: "library", path: "/library", label: "nav.library", roles: "all" },
  // The platform operator's associations: opening, suspending, usage (ADR 0024).
  { id: "platform", path: "/platform/associations", label: "nav.platform", roles: ["platform_operator"] },
  {
    id: "platform.open",
    path: "/platform/associations/new",
    label: "platform.open.title",
    roles: ["platform_operator"],
    inMenu: false,
  },
  // Access itself: who works here, with which roles; only the administrator grants and revokes it.
  { id: "users", path: "/admin/users", label: "nav.users", roles: ["administrator"] },
  { id: "account", path: "/account", label: "nav.account", roles: "everyone" },
];

export function isAllowed(item: NavigationItem, roles: readonly StaffRole[]): boolean {
  if (item.roles === "everyone") return true;
  if (item.roles === "all") return roles.some((role) => role !== "platform_operator");
  return item.roles.some((role) => roles.includes(role));
}

export function visibleNavigation(roles: readonly StaffRole[]): NavigationItem[] {
  return navigation.filter((item) => item.inMenu !== false && isAllowed(item, roles));
}

export function navigationItem(id: string): NavigationItem {
  const item = navigation.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`No navigation item "${id}"`);
  return item;
}
