import { describe, expect, it } from "vitest";
import { run } from "./calendar.js";

async function call(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("silah calendar", () => {
  it("converts Gregorian to Hijri and back, Gregorian first", async () => {
    const fromGregorian = await call("convert", "2026-02-18");
    expect(fromGregorian.code).toBe(0);
    expect(fromGregorian.out[0]).toBe("2026-02-18 1447-09-01");
    expect(fromGregorian.out[1]).toContain("1 رمضان 1447هـ");
    const fromHijri = await call("convert", "1447-09-01");
    expect(fromHijri.out[0]).toBe("2026-02-18 1447-09-01");
    expect((await call("convert", "٢٠٢٤-٠٣-١١")).out[0]).toBe("2024-03-11 1445-09-01");
  });

  it("computes a due date with the default Saudi calendar", async () => {
    const result = await call(
      "due",
      "--from",
      "2026-03-15T09:00:00+03:00",
      "--rule",
      '{"value":15,"unit":"working_days","bound":"max","startsAt":"completion"}',
    );
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe("2026-04-07 1447-10-19");
  });

  it("lists holidays of a Hijri or a Gregorian year", async () => {
    const hijri = await call("holidays", "1447");
    expect(hijri.code).toBe(0);
    expect(hijri.out).toContain("2026-03-19 1447-09-30 eid_al_fitr إجازة عيد الفطر");
    expect(hijri.out).toContain("2026-05-26 1447-12-09 eid_al_adha إجازة عيد الأضحى");
    const gregorian = await call("holidays", "2026");
    expect(gregorian.out).toHaveLength(10);
    expect(gregorian.out[0]).toBe("2026-02-22 1447-09-05 founding_day يوم التأسيس");
  });

  it.each([
    [[]],
    [["convert"]],
    [["convert", "18/02/2026"]],
    [["convert", "2026-02-30"]],
    [["convert", "1447-08-30"]],
    [["convert", "1200-01-01"]],
    [["due", "--from", "yesterday", "--rule", "{}"]],
    [["due", "--from", "2026-03-15T09:00:00+03:00", "--rule", "not json"]],
    [
      [
        "due",
        "--from",
        "2026-03-15T09:00:00+03:00",
        "--rule",
        '{"value":0,"unit":"days","bound":"max","startsAt":"submission"}',
      ],
    ],
    [["due", "--unknown"]],
    [["holidays", "soon"]],
    [["holidays", "1300"]],
    [["leap"]],
  ])("exits 2 with a message for bad arguments %j", async (argv) => {
    const result = await call(...argv);
    expect(result.code).toBe(2);
    expect(result.err.join("\n").length).toBeGreaterThan(0);
  });
});
