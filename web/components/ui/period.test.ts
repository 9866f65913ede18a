import { describe, expect, it } from "vitest";
import { periodOf } from "./period.js";

describe("the dashboard's period", () => {
  it("is a Gregorian month from its first to its last day, February of a leap year included", () => {
    expect(periodOf({ calendar: "gregorian", year: 2028, month: 2 })).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
    });
    expect(periodOf({ calendar: "gregorian", year: 2026, month: 0 })).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
    });
  });

  it("is a Hijri month by Umm al-Qura: Ramadan 1447 and the whole year 1447", () => {
    // Ramadan 1447 runs 18 February to 19 March 2026 (30 days in the Umm al-Qura table, 1 Shawwal on the 20th).
    expect(periodOf({ calendar: "hijri", year: 1447, month: 9 })).toEqual({
      from: "2026-02-18",
      to: "2026-03-19",
    });
    expect(periodOf({ calendar: "hijri", year: 1447, month: 0 })).toEqual({
      from: "2025-06-26",
      to: "2026-06-15",
    });
  });
});
