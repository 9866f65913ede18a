import { describe, expect, it } from "vitest";
import { isAllowed, navigationItem, visibleNavigation } from "./navigation.js";

describe("navigation", () => {
  it("shows the audit log only to senior management and the system administrator", () => {
    expect(visibleNavigation(["officer"]).map((item) => item.id)).toEqual(["home", "beneficiaries"]);
    expect(visibleNavigation(["manager"]).map((item) => item.id)).toEqual(["home", "beneficiaries", "audit"]);
    expect(visibleNavigation(["hr", "administrator"]).map((item) => item.id)).toEqual(["home", "audit"]);
  });

  it("lists the beneficiaries to those who serve them, and keeps the registration form out of the menu", () => {
    expect(visibleNavigation(["board_member"]).map((item) => item.id)).toEqual(["home"]);
    expect(visibleNavigation(["social_researcher"]).map((item) => item.id)).toEqual([
      "home",
      "beneficiaries",
    ]);
    expect(isAllowed(navigationItem("beneficiaries.register"), ["officer"])).toBe(true);
    expect(isAllowed(navigationItem("beneficiaries.register"), ["manager"])).toBe(false);
  });

  it("names every item's page by its path", () => {
    expect(navigationItem("audit").path).toBe("/audit");
  });
});
