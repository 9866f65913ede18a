import { describe, expect, it } from "vitest";
import { formatHalalas, riyalsToHalalas } from "./money.js";

describe("riyals and halalas", () => {
  it("reads riyals as typed, in either digits, into whole halalas", () => {
    expect(riyalsToHalalas("1200")).toBe(120_000);
    expect(riyalsToHalalas("١٢٠٠")).toBe(120_000);
    expect(riyalsToHalalas("1,200.5")).toBe(120_050);
    expect(riyalsToHalalas("١٢٠٠٫٧٥")).toBe(120_075);
    expect(riyalsToHalalas("0.01")).toBe(1);
  });

  it("refuses what is not an amount of riyals", () => {
    expect(riyalsToHalalas("")).toBeNull();
    expect(riyalsToHalalas("12.345")).toBeNull();
    expect(riyalsToHalalas("-5")).toBeNull();
    expect(riyalsToHalalas("ألف")).toBeNull();
  });

  it("shows halalas as riyals", () => {
    expect(formatHalalas(120_050, "en")).toContain("1,200.50");
  });
});
