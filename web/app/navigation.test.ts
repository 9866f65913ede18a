import { describe, expect, it } from "vitest";
import { isAllowed, navigation, navigationItem, visibleNavigation } from "./navigation.js";

const menu = (...roles: Parameters<typeof visibleNavigation>[0]) =>
  visibleNavigation(roles).map((item) => item.id);

describe("navigation", () => {
  it("shows the platform operator its associations and its own log, none of an association's pages", () => {
    expect(menu("platform_operator")).toEqual(["home", "audit", "platform", "account"]);
    expect(menu("administrator")).not.toContain("platform");
  });

  it("shows the audit log only to senior management and the system administrator", () => {
    expect(menu("officer")).toEqual([
      "home",
      "requests",
      "beneficiaries",
      "correspondence",
      "complaints.record",
      "services",
      "calendar",
      "policy",
      "library",
      "account",
    ]);
    expect(menu("manager")).toEqual([
      "home",
      "requests",
      "dashboards.management",
      "evidence",
      "reports.compliance",
      "beneficiaries",
      "beneficiaries.import",
      "correspondence",
      "complaints",
      "complaints.record",
      "complaints.dashboard",
      "field",
      "surveys",
      "surveys.campaigns",
      "surveys.followUps",
      "reports.liaison",
      "compensation",
      "meetings",
      "committees",
      "services",
      "audit",
      "calendar",
      "liaison",
      "policy",
      "policy.acknowledgements",
      "library",
      "account",
    ]);
    expect(menu("hr", "administrator")).toEqual([
      "home",
      "reports.compliance",
      "beneficiaries.import",
      "complaints",
      "field",
      "surveys",
      "surveys.campaigns",
      "meetings",
      "committees",
      "services",
      "requests.settings",
      "audit",
      "calendar",
      "liaison",
      "categories",
      "policy",
      "policy.drafts",
      "policy.acknowledgements",
      "library",
      "users",
      "account",
    ]);
  });

  it("gives the surveys and campaigns to management and the administrator, their follow-ups to the follow-up committee", () => {
    expect(menu("followup_committee_member")).toContain("surveys.followUps");
    expect(menu("followup_committee_member")).not.toContain("surveys");
    expect(menu("administrator")).not.toContain("surveys.followUps");
    expect(menu("officer").filter((id) => id.startsWith("surveys"))).toEqual([]);
  });

  it("gives field oversight to management, the administrator and branch representatives; a visit's page to its action owners", () => {
    expect(menu("branch_representative")).toContain("field");
    expect(menu("officer")).not.toContain("field");
    expect(menu("board_member")).not.toContain("field");
    const visit = navigation.find((item) => item.id === "field.visit");
    expect(visit?.roles).toBe("all");
    expect(navigation.find((item) => item.id === "field.checklists")?.roles).toEqual([
      "administrator",
      "manager",
    ]);
  });

  it("lists the beneficiaries to those who serve them, and keeps the registration and edit forms out of the menu", () => {
    expect(menu("board_member")).toEqual([
      "home",
      "complaints",
      "complaints.dashboard",
      "calendar",
      "policy",
      "policy.drafts",
      "library",
      "account",
    ]);
    expect(menu("social_researcher")).toEqual([
      "home",
      "requests",
      "beneficiaries",
      "correspondence",
      "services",
      "calendar",
      "policy",
      "library",
      "account",
    ]);
    expect(isAllowed(navigationItem("beneficiaries.register"), ["officer"])).toBe(true);
    expect(isAllowed(navigationItem("beneficiaries.register"), ["manager"])).toBe(false);
    expect(isAllowed(navigationItem("beneficiaries.edit"), ["officer"])).toBe(true);
    expect(isAllowed(navigationItem("beneficiaries.edit"), ["manager"])).toBe(false);
  });

  it("lets every staff member read the working calendar, and keeps categories to the administrator", () => {
    expect(isAllowed(navigationItem("calendar"), ["hr"])).toBe(true);
    expect(isAllowed(navigationItem("categories"), ["manager"])).toBe(false);
    expect(isAllowed(navigationItem("beneficiaries.import"), ["officer"])).toBe(false);
  });

  it("gives complaints to the follow-up committee and management, their recording to whoever receives them, and compensation to the committee and management", () => {
    const complaintItems = (...roles: Parameters<typeof visibleNavigation>[0]) =>
      menu(...roles).filter((id) => id.startsWith("complaints") || id === "compensation");
    expect(complaintItems("followup_committee_member")).toEqual([
      "complaints",
      "complaints.record",
      "complaints.dashboard",
      "compensation",
    ]);
    expect(complaintItems("officer")).toEqual(["complaints.record"]);
    expect(complaintItems("board_member")).toEqual(["complaints", "complaints.dashboard"]);
    expect(complaintItems("administrator")).toEqual(["complaints"]);
    expect(isAllowed(navigationItem("complaints"), ["officer"])).toBe(false);
    expect(isAllowed(navigationItem("complaints.record"), ["liaison_officer"])).toBe(true);
    expect(isAllowed(navigationItem("complaints.dashboard"), ["administrator"])).toBe(false);
    expect(isAllowed(navigationItem("compensation.claim"), ["board_member"])).toBe(false);
  });

  it("lets everyone read the policy and the library, keeps drafts to the administrator and the board, and sign-off to HR and management", () => {
    expect(isAllowed(navigationItem("policy"), ["officer"])).toBe(true);
    expect(isAllowed(navigationItem("library"), ["social_researcher"])).toBe(true);
    expect(isAllowed(navigationItem("policy.drafts"), ["manager"])).toBe(false);
    expect(isAllowed(navigationItem("policy.draft"), ["board_member"])).toBe(true);
    expect(isAllowed(navigationItem("policy.acknowledgements"), ["hr"])).toBe(true);
    expect(isAllowed(navigationItem("policy.acknowledgements"), ["officer"])).toBe(false);
  });

  it("gives staff accounts to the administrator alone, and «my account» to everyone", () => {
    expect(isAllowed(navigationItem("users"), ["administrator"])).toBe(true);
    expect(isAllowed(navigationItem("users"), ["manager", "hr"])).toBe(false);
    expect(isAllowed(navigationItem("account"), ["board_member"])).toBe(true);
  });

  it("names every item's page by its path", () => {
    expect(navigationItem("audit").path).toBe("/audit");
    expect(navigationItem("calendar").path).toBe("/admin/calendar");
  });
  it("opens support requests to the front line, the committee and management, and the catalogue's editing to the administrator", () => {
    expect(menu("committee_member")).toContain("meetings");
    expect(isAllowed(navigationItem("meetings.new"), ["committee_member"])).toBe(true);
    expect(isAllowed(navigationItem("meetings.new"), ["administrator"])).toBe(false);
    expect(isAllowed(navigationItem("requests.new"), ["officer"])).toBe(true);
    expect(isAllowed(navigationItem("requests.new"), ["manager"])).toBe(false);
    expect(isAllowed(navigationItem("meetings.meeting"), ["officer"])).toBe(false);
    expect(isAllowed(navigationItem("services.manage"), ["manager"])).toBe(false);
    expect(isAllowed(navigationItem("services.manage"), ["administrator"])).toBe(true);
  });
});
