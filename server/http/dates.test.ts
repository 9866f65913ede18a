import { describe, expect, it } from "vitest";
import { assertHappened, futureMessage, riyadhDay } from "./dates.js";
import { AppError } from "./errors.js";

// 2026-03-15 09:00 Riyadh is 26 Ramadan 1447.
const now = new Date("2026-03-15T06:00:00Z");

describe("dates the server refuses", () => {
  it("takes today as the Riyadh day", () => {
    expect(riyadhDay(new Date("2026-03-15T21:30:00Z"))).toBe("2026-03-16");
  });

  it("quotes the refused day and today in both calendars, naming the field", () => {
    expect(futureMessage("2026-03-16", "2026-03-15", { ar: "تاريخ المحضر", en: "The minutes date" })).toEqual(
      {
        ar: "تاريخ المحضر ٢٧ رمضان ١٤٤٧هـ (١٦ مارس ٢٠٢٦م) بعد اليوم ٢٦ رمضان ١٤٤٧هـ (١٥ مارس ٢٠٢٦م)؛ سجّل يومًا مضى أو اليوم.",
        en: "The minutes date 27 Ramadan 1447 AH (16 March 2026) is after today, 26 Ramadan 1447 AH (15 March 2026); record a day that has come.",
      },
    );
  });

  it("refuses every future field at once and lets today through", () => {
    expect(() => assertHappened(now, [{ path: "on", date: "2026-03-15" }])).not.toThrow();
    try {
      assertHappened(now, [
        { path: "on", date: "2026-03-16" },
        { path: "deliveredOn", date: "2026-04-01", label: { ar: "تاريخ التسليم", en: "The delivery date" } },
        { path: "heldOn", date: null },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const fields = (error as AppError).details.fieldErrors ?? [];
      expect(fields.map((f) => [f.path, f.code])).toEqual([
        ["on", "date_in_future"],
        ["deliveredOn", "date_in_future"],
      ]);
      expect(fields[0]!.message.ar).toMatch(/^التاريخ ٢٧ رمضان ١٤٤٧هـ \(١٦ مارس ٢٠٢٦م\) بعد اليوم/);
      expect(fields[1]!.message.ar).toMatch(/^تاريخ التسليم ١٣ شوال ١٤٤٧هـ \(١ أبريل ٢٠٢٦م\)/);
    }
  });
});
