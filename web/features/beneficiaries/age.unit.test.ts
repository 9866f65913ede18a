import { describe, expect, it } from "vitest";
import { ageInYears, riyadhToday } from "./age.js";

describe("a household member's age", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageInYears("2015-03-02", "2026-03-01")).toBe(10);
    expect(ageInYears("2015-03-02", "2026-03-02")).toBe(11);
    expect(ageInYears("2026-01-10", "2026-11-29")).toBe(0);
    expect(ageInYears(null, "2026-11-29")).toBeNull();
  });

  it("takes today in Riyadh, three hours ahead of UTC", () => {
    expect(riyadhToday(new Date("2026-11-29T22:30:00Z"))).toBe("2026-11-30");
  });
});
