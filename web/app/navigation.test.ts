import { describe, expect, it } from "vitest";
import { navigationItem, visibleNavigation } from "./navigation.js";

describe("navigation", () => {
  it("shows the audit log only to senior management and the system administrator", () => {
    expect(visibleNavigation(["officer"]).map((item) => item.id)).toEqual(["home"]);
    expect(visibleNavigation(["manager"]).map((item) => item.id)).toEqual(["home", "audit"]);
    expect(visibleNavigation(["hr", "administrator"]).map((item) => item.id)).toEqual(["home", "audit"]);
  });

  it("names every item's page by its path", () => {
    expect(navigationItem("audit").path).toBe("/audit");
  });
});
