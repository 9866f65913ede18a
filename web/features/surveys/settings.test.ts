import { describe, expect, it } from "vitest";
import { monthParts, responseRate } from "./rates.js";
import { checkSettings } from "./settings.js";

describe("the survey settings' numbers", () => {
  it("reads Arabic-Indic digits and sends whole numbers", () => {
    expect(checkSettings({ quietDays: "٩٠", linkValidDays: "14", reminderAfterDays: "٣" })).toEqual({
      values: { quietDays: 90, linkValidDays: 14, reminderAfterDays: 3 },
      problems: [],
    });
  });

  it("refuses words, fractions and numbers outside the contract's range, naming each field", () => {
    const { values, problems } = checkSettings({
      quietDays: "-1",
      linkValidDays: "أسبوعان",
      reminderAfterDays: "2.5",
    });
    expect(values).toBeNull();
    expect(problems).toEqual([
      { kind: "range", path: "quietDays", min: 0, max: 730 },
      { kind: "range", path: "linkValidDays", min: 1, max: 90 },
      { kind: "range", path: "reminderAfterDays", min: 1, max: 60 },
    ]);
  });

  it("lets zero quiet days through, but not a reminder after the link has expired", () => {
    expect(checkSettings({ quietDays: "0", linkValidDays: "7", reminderAfterDays: "6" }).problems).toEqual(
      [],
    );
    expect(checkSettings({ quietDays: "0", linkValidDays: "7", reminderAfterDays: "7" }).problems).toEqual([
      { kind: "reminder_after_expiry", path: "reminderAfterDays" },
    ]);
  });
});

describe("the figures shown beside the counts", () => {
  it("has no response rate when nobody was invited, and never above one", () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(3, 12)).toBe(0.25);
    expect(responseRate(5, 4)).toBe(1);
  });

  it("reads a month key", () => {
    expect(monthParts("2026-03")).toEqual({ year: 2026, month: 3 });
    expect(monthParts("2026-13")).toBeNull();
  });
});
