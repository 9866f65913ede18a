import { describe, expect, it } from "vitest";
import { isAllowed, navigationItem, visibleNavigation } from "./navigation.js";

const menu = (...roles: Parameters<typeof visibleNavigation>[0]) =>
  visibleNavigation(roles).map((item) => item.id);

describe("navigation", () => {
  it("shows the audit log only to senior management and the system administrator", () => {
    expect(menu("officer")).toEqual(["home", "beneficiaries", "correspondence", "calendar"]);
    expect(menu("manager")).toEqual([
      "home",
      "beneficiaries",
      "beneficiaries.import",
      "correspondence",
      "audit",
      "calendar",
      "liaison",
    ]);
    expect(menu("hr", "administrator")).toEqual([
      "home",
      "beneficiaries.import",
      "audit",
      "calendar",
      "liaison",
      "categories",
    ]);
  });

  it("lists the beneficiaries to those who serve them, and keeps the registration and edit forms out of the menu", () => {
    expect(menu("board_member")).toEqual(["home", "calendar"]);
    expect(menu("social_researcher")).toEqual(["home", "beneficiaries", "correspondence", "calendar"]);
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

  it("names every item's page by its path", () => {
    expect(navigationItem("audit").path).toBe("/audit");
    expect(navigationItem("calendar").path).toBe("/admin/calendar");
  });
});
