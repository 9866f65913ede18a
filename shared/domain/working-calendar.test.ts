import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoFromDayNumber } from "./hijri.js";
import {
  createSaudiWorkingCalendar,
  createWorkingCalendar,
  generateOfficialHolidays,
  generateOfficialHolidaysForGregorianYear,
} from "./working-calendar.js";

describe("official holidays", () => {
  it("generates 1447 AH: Eid al-Fitr from the day after 29 Ramadan, Eid al-Adha from Arafah", () => {
    const list = generateOfficialHolidays(1447);
    expect(list.filter((h) => h.kind === "eid_al_fitr").map((h) => h.date)).toEqual([
      "2026-03-19",
      "2026-03-20",
      "2026-03-21",
      "2026-03-22",
    ]);
    expect(list.filter((h) => h.kind === "eid_al_adha").map((h) => h.date)).toEqual([
      "2026-05-26",
      "2026-05-27",
      "2026-05-28",
      "2026-05-29",
    ]);
    // 1447 AH runs from 26 June 2025 to 15 June 2026: it holds National Day 2025 and Founding Day 2026.
    expect(list.find((h) => h.kind === "national_day")?.date).toBe("2025-09-23");
    expect(list.find((h) => h.kind === "founding_day")).toMatchObject({
      date: "2026-02-22",
      name: { ar: "يوم التأسيس", en: "Founding Day" },
    });
  });

  it("starts Eid al-Fitr on 30 Ramadan when Ramadan has 30 days (1445: 29 Ramadan = 8 April 2024)", () => {
    const fitr = generateOfficialHolidays(1445).filter((h) => h.kind === "eid_al_fitr");
    expect(fitr.map((h) => h.date)).toEqual(["2024-04-09", "2024-04-10", "2024-04-11", "2024-04-12"]);
  });

  it("moves Founding Day and National Day off the weekend: Friday → Thursday, Saturday → Sunday", () => {
    const y2022 = generateOfficialHolidaysForGregorianYear(2022);
    // 23 September 2022 was a Friday.
    expect(y2022.find((h) => h.kind === "national_day")).toMatchObject({
      date: "2022-09-22",
      observedFor: "2022-09-23",
    });
    // 22 February 2025 and 23 September 2023 were Saturdays.
    expect(
      generateOfficialHolidaysForGregorianYear(2025).find((h) => h.kind === "founding_day"),
    ).toMatchObject({
      date: "2025-02-23",
      observedFor: "2025-02-22",
    });
    expect(generateOfficialHolidaysForGregorianYear(2023).find((h) => h.kind === "national_day")?.date).toBe(
      "2023-09-24",
    );
  });

  it("lists a Gregorian year in date order with both Eids and both national days", () => {
    const list = generateOfficialHolidaysForGregorianYear(2026);
    expect(list).toHaveLength(10);
    expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
    expect(list[0]?.kind).toBe("founding_day");
    expect(list.at(-1)?.kind).toBe("national_day");
  });

  it("has no Founding Day before 2022", () => {
    expect(generateOfficialHolidaysForGregorianYear(2021).some((h) => h.kind === "founding_day")).toBe(false);
  });

  it("rejects years outside Umm al-Qura", () => {
    expect(() => generateOfficialHolidays(1300)).toThrow(/hijri_out_of_range/);
    expect(() => generateOfficialHolidaysForGregorianYear(1900)).toThrow(/hijri_out_of_range/);
  });
});

describe("working calendar", () => {
  const calendar = createSaudiWorkingCalendar({ fromYear: 2026, toYear: 2026, closures: ["2026-03-24"] });

  it("treats Friday, Saturday, holidays and closures as days off", () => {
    expect(calendar.isWorkingDay("2026-03-15")).toBe(true); // Sunday
    expect(calendar.isWorkingDay("2026-03-13")).toBe(false); // Friday
    expect(calendar.isWorkingDay("2026-03-14")).toBe(false); // Saturday
    expect(calendar.isWorkingDay("2026-03-22")).toBe(false); // Sunday inside Eid al-Fitr
    expect(calendar.isWorkingDay("2026-03-24")).toBe(false); // the association's closure
  });

  it("steps over Eid and the weekend", () => {
    expect(calendar.nextWorkingDay("2026-03-18")).toBe("2026-03-23");
    expect(calendar.onOrAfterWorkingDay("2026-03-20")).toBe("2026-03-23");
    expect(calendar.onOrAfterWorkingDay("2026-03-23")).toBe("2026-03-23");
    expect(calendar.addWorkingDays("2026-03-17", 3)).toBe("2026-03-25");
    expect(calendar.addWorkingDays("2026-03-25", -3)).toBe("2026-03-17");
    expect(calendar.addWorkingDays("2026-03-20", 0)).toBe("2026-03-20");
    expect(calendar.workingDaysBetween("2026-03-17", "2026-03-25")).toBe(3);
    expect(calendar.workingDaysBetween("2026-03-25", "2026-03-17")).toBe(-3);
  });

  it("accepts another weekend", () => {
    const sundayOff = createWorkingCalendar({ weekend: [0], holidays: [] });
    expect(sundayOff.isWorkingDay("2026-03-13")).toBe(true);
    expect(sundayOff.isWorkingDay("2026-03-15")).toBe(false);
    expect(() => createWorkingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(
      /calendar_no_working_days/,
    );
  });

  it("addWorkingDays and workingDaysBetween are inverses and land on working days", () => {
    const base = 20_454; // 2026-01-01
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 60 }), (offset, count) => {
        const from = isoFromDayNumber(base + offset);
        const to = calendar.addWorkingDays(from, count);
        expect(calendar.isWorkingDay(to)).toBe(true);
        expect(calendar.workingDaysBetween(from, to)).toBe(count);
      }),
    );
  });
});
