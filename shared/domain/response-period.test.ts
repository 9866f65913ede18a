import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeDeadline,
  RESPONSE_PERIOD_PRESETS,
  type ResponsePeriodRule,
  responsePeriodRuleSchema,
  wasMet,
} from "./response-period.js";
import { createSaudiWorkingCalendar } from "./working-calendar.js";

const calendar = createSaudiWorkingCalendar({ fromYear: 2024, toYear: 2031 });
const riyadh = (local: string) => new Date(`${local}+03:00`);
const fifteenWorkingDays = RESPONSE_PERIOD_PRESETS.atMostFifteenWorkingDaysFromCompletion;

describe("response period rule", () => {
  it("expresses the policy wordings and rejects nonsense", () => {
    expect(responsePeriodRuleSchema.parse(RESPONSE_PERIOD_PRESETS.notLessThanTwoWeeks)).toEqual({
      value: 2,
      unit: "weeks",
      bound: "min",
      startsAt: "submission",
    });
    expect(responsePeriodRuleSchema.safeParse({ ...fifteenWorkingDays, value: 0 }).success).toBe(false);
    expect(responsePeriodRuleSchema.safeParse({ ...fifteenWorkingDays, value: 1.5 }).success).toBe(false);
    expect(responsePeriodRuleSchema.safeParse({ ...fifteenWorkingDays, unit: "years" }).success).toBe(false);
  });
});

describe("computeDeadline", () => {
  it("at most 15 working days from completion, across Eid al-Fitr 1447", () => {
    const deadline = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T09:00:00"),
      calendar,
    });
    // Working days after Sunday 15 March: 16–18, (Eid 19–22), 23–26, 29–2 April, 5–7 April.
    expect(deadline.dueDate).toBe("2026-04-07");
    expect(deadline.dueAt.toISOString()).toBe("2026-04-07T20:59:59.999Z");
    expect(deadline.periodWorkingDays).toBe(15);
  });

  it("counts from the Riyadh day after the start, whatever the hour", () => {
    const early = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T00:10:00"),
      calendar,
    });
    const late = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T23:50:00"),
      calendar,
    });
    // 21:30 UTC on 14 March is already 15 March in Riyadh.
    const utcEvening = computeDeadline({
      rule: fifteenWorkingDays,
      start: new Date("2026-03-14T21:30:00Z"),
      calendar,
    });
    expect(new Set([early.dueDate, late.dueDate, utcEvening.dueDate])).toEqual(new Set(["2026-04-07"]));
    const oneDay: ResponsePeriodRule = {
      value: 1,
      unit: "working_days",
      bound: "max",
      startsAt: "submission",
    };
    expect(computeDeadline({ rule: oneDay, start: riyadh("2026-03-15T08:00:00"), calendar }).dueDate).toBe(
      "2026-03-16",
    );
    // Thursday afternoon: the next working day is Sunday.
    expect(computeDeadline({ rule: oneDay, start: riyadh("2026-03-12T15:00:00"), calendar }).dueDate).toBe(
      "2026-03-15",
    );
  });

  it("not less than two weeks: a due date inside Eid moves to the first working day after it", () => {
    const deadline = computeDeadline({
      rule: RESPONSE_PERIOD_PRESETS.notLessThanTwoWeeks,
      start: riyadh("2026-03-05T10:00:00"),
      calendar,
    });
    // 5 March + 14 days = Thursday 19 March, the first day of Eid al-Fitr (19–22); Monday is the next working day.
    expect(deadline.dueDate).toBe("2026-03-23");
  });

  it("not less than a month: calendar months with end-of-month clamping, rolled past weekends and Eid", () => {
    const rule = RESPONSE_PERIOD_PRESETS.notLessThanOneMonth;
    // 31 January + 1 month = 28 February 2026 (Saturday) → Sunday 1 March.
    expect(computeDeadline({ rule, start: riyadh("2026-01-31T12:00:00"), calendar }).dueDate).toBe(
      "2026-03-01",
    );
    // 26 April + 1 month = 26 May, Eid al-Adha (26–29), then Saturday → Sunday 31 May.
    expect(computeDeadline({ rule, start: riyadh("2026-04-26T12:00:00"), calendar }).dueDate).toBe(
      "2026-05-31",
    );
    // A plain case: 10 March → 10 April 2026 is a Friday → Sunday 12 April.
    expect(computeDeadline({ rule, start: riyadh("2026-03-10T12:00:00"), calendar }).dueDate).toBe(
      "2026-04-12",
    );
  });

  it("plain calendar days and weeks land as counted when the day is a working day", () => {
    const tenDays: ResponsePeriodRule = { value: 10, unit: "days", bound: "target", startsAt: "submission" };
    expect(computeDeadline({ rule: tenDays, start: riyadh("2026-01-04T09:00:00"), calendar }).dueDate).toBe(
      "2026-01-14",
    );
  });

  it("extends the deadline by paused days", () => {
    const closed = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T09:00:00"),
      calendar,
      // Monday 23 → Wednesday 25 March: two working days (24 and 25) on hold.
      pauses: [{ from: riyadh("2026-03-23T10:00:00"), to: riyadh("2026-03-25T10:00:00") }],
    });
    expect(closed.pausedDays).toBe(2);
    expect(closed.dueDate).toBe("2026-04-09");

    const sameDay = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T09:00:00"),
      calendar,
      pauses: [{ from: riyadh("2026-03-23T10:00:00"), to: riyadh("2026-03-23T15:00:00") }],
    });
    expect(sameDay.dueDate).toBe("2026-04-07");

    const open = computeDeadline({
      rule: fifteenWorkingDays,
      start: riyadh("2026-03-15T09:00:00"),
      calendar,
      pauses: [{ from: riyadh("2026-03-23T10:00:00"), to: null }],
      now: riyadh("2026-03-26T10:00:00"),
    });
    expect(open.status).toBe("paused");
    expect(open.pausedDays).toBe(3);
    expect(open.dueDate).toBe("2026-04-12");

    const twoWeeks = computeDeadline({
      rule: RESPONSE_PERIOD_PRESETS.notLessThanTwoWeeks,
      start: riyadh("2026-01-04T09:00:00"),
      calendar,
      pauses: [{ from: riyadh("2026-01-06T09:00:00"), to: riyadh("2026-01-09T09:00:00") }],
    });
    // 4 + 14 = 18 January, plus 3 paused calendar days = Wednesday 21 January.
    expect(twoWeeks.dueDate).toBe("2026-01-21");
  });

  it("reports on track, warning, breached, met and missed", () => {
    const at = (now: string, answeredAt?: string) =>
      computeDeadline({
        rule: fifteenWorkingDays,
        start: riyadh("2026-03-15T09:00:00"),
        calendar,
        now: riyadh(now),
        ...(answeredAt ? { answeredAt: riyadh(answeredAt) } : {}),
      });
    expect(at("2026-03-20T10:00:00").status).toBe("on_track");
    // 20% of 15 working days = 3: the warning starts once 3 working days remain counting today.
    const warnAt = at("2026-03-20T10:00:00").warnAt;
    expect(warnAt.toISOString()).toBe("2026-04-02T21:00:00.000Z");
    expect(at("2026-04-02T23:59:00").status).toBe("on_track");
    const warning = at("2026-04-05T10:00:00");
    expect(warning.status).toBe("warning");
    expect(warning.workingDaysLeft).toBe(2);
    expect(at("2026-04-07T23:59:59").status).toBe("warning");
    expect(at("2026-04-07T23:59:59").workingDaysLeft).toBe(0);
    const late = at("2026-04-08T00:00:00");
    expect(late.status).toBe("breached");
    expect(late.workingDaysLeft).toBe(-1);
    expect(at("2026-04-20T10:00:00", "2026-04-07T23:00:00").status).toBe("met");
    expect(at("2026-04-20T10:00:00", "2026-04-08T08:00:00").status).toBe("missed");
    expect(wasMet(late, riyadh("2026-04-07T23:59:59"))).toBe(true);
    expect(wasMet(late, riyadh("2026-04-08T00:00:01"))).toBe(false);
  });

  it("takes the warning share as a parameter, never less than one working day", () => {
    const start = riyadh("2026-03-15T09:00:00");
    const half = computeDeadline({ rule: fifteenWorkingDays, start, calendar, warnRatio: 0.5 });
    expect(half.warnAt.getTime()).toBeLessThan(
      computeDeadline({ rule: fifteenWorkingDays, start, calendar }).warnAt.getTime(),
    );
    const tiny = computeDeadline({
      rule: { value: 2, unit: "working_days", bound: "max", startsAt: "submission" },
      start,
      calendar,
      warnRatio: 0.01,
    });
    // Due Tuesday 17 March; one working day of warning starts on that Tuesday.
    expect(tiny.warnAt.toISOString()).toBe("2026-03-16T21:00:00.000Z");
  });

  it("never puts a due date on a weekend, holiday or closure", () => {
    const ruleArb = fc.record({
      value: fc.integer({ min: 1, max: 40 }),
      unit: fc.constantFrom("days", "working_days", "weeks", "months" as const),
      bound: fc.constantFrom("min", "max", "target" as const),
      startsAt: fc.constantFrom("submission", "completion" as const),
    });
    const from = Date.parse("2024-01-01T00:00:00Z");
    const to = Date.parse("2027-06-01T00:00:00Z");
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: from, max: to }), (rule, ms) => {
        const safe = { ...rule, value: rule.unit === "months" ? Math.min(rule.value, 24) : rule.value };
        const deadline = computeDeadline({ rule: safe as ResponsePeriodRule, start: new Date(ms), calendar });
        expect(calendar.isWorkingDay(deadline.dueDate)).toBe(true);
        expect(deadline.dueAt.getTime()).toBeGreaterThan(ms);
      }),
      { numRuns: 500 },
    );
  });
});
