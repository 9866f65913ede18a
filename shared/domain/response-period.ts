import { z } from "zod";
import {
  dayNumberFromGregorian,
  gregorianFromDayNumber,
  gregorianMonthLength,
  isoFromDayNumber,
  riyadhDayNumber,
  riyadhEndOfDay,
  riyadhStartOfDay,
} from "./hijri.js";
import type { WorkingCalendar } from "./working-calendar.js";

/**
 * A response period as a policy states it. `startsAt` says which instant the caller passes as
 * `start`: the request's submission, or the moment its file became complete.
 */
export const responsePeriodRuleSchema = z.object({
  value: z.number().int().positive().max(3650),
  unit: z.enum(["days", "working_days", "weeks", "months"]),
  bound: z.enum(["min", "max", "target"]),
  startsAt: z.enum(["submission", "completion"]),
});
export type ResponsePeriodRule = z.infer<typeof responsePeriodRuleSchema>;

/** The wordings the policy template offers, as rules. */
export const RESPONSE_PERIOD_PRESETS = {
  /** «مدة لا تقل عن أسبوعين من تاريخ تقديم الطلب» */
  notLessThanTwoWeeks: { value: 2, unit: "weeks", bound: "min", startsAt: "submission" },
  /** «مدة لا تقل عن شهر من تاريخ تقديم الطلب» */
  notLessThanOneMonth: { value: 1, unit: "months", bound: "min", startsAt: "submission" },
  /** «خلال مدة أقصاها ١٥ يوم عمل من تاريخ اكتمال الطلب» */
  atMostFifteenWorkingDaysFromCompletion: {
    value: 15,
    unit: "working_days",
    bound: "max",
    startsAt: "completion",
  },
} as const satisfies Record<string, ResponsePeriodRule>;

export type DeadlineStatus = "on_track" | "warning" | "breached" | "paused" | "met" | "missed";

export type Pause = { from: Date; to: Date | null };

export type DeadlineInput = {
  rule: ResponsePeriodRule;
  /** The submission or completion instant (UTC), whichever `rule.startsAt` names. */
  start: Date;
  calendar: WorkingCalendar;
  pauses?: readonly Pause[];
  /** The moment to judge status against. Defaults to `start`: the deadline as it stood when it began. */
  now?: Date;
  /** When the answer was given, if it was. */
  answeredAt?: Date | null;
  /** Share of the period (in working days) that triggers the warning; at least one working day. */
  warnRatio?: number;
};

export type Deadline = {
  /** 23:59:59.999 Riyadh on the due date, as a UTC instant. */
  dueAt: Date;
  /** The due date as a Riyadh calendar date. */
  dueDate: string;
  /** 00:00 Riyadh on the first day of the warning window (never before the start). */
  warnAt: Date;
  /** Working days after today (Riyadh) up to and including the due date; 0 on the due date, negative when late. */
  workingDaysLeft: number;
  /** Length of the whole period in working days, pauses included. */
  periodWorkingDays: number;
  /** Calendar days added for pauses (working days for a working-day rule). */
  pausedDays: number;
  status: DeadlineStatus;
};

export const DEFAULT_WARN_RATIO = 0.2;

/**
 * Merges pauses into whole Riyadh days after the start: a pause from day A to day B adds B − A days
 * (a pause within one day adds nothing, one spanning a night adds one). An open pause runs until `now`.
 */
function pausedSpans(start: number, pauses: readonly Pause[], nowDay: number): [number, number][] {
  const spans = pauses
    .map((p): [number, number] => [
      Math.max(start, riyadhDayNumber(p.from)),
      p.to ? riyadhDayNumber(p.to) : Math.max(nowDay, riyadhDayNumber(p.from)),
    ])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/**
 * Calendar-month addition on the Gregorian calendar with end-of-month clamping: 31 January plus one
 * month is 28 (or 29) February. Gregorian because policies and the ministry count months that way in
 * day-to-day administration, and Hijri months vary (29/30) in a way applicants cannot foresee.
 */
function addMonths(day: number, months: number): number {
  const g = gregorianFromDayNumber(day);
  const total = g.month - 1 + months;
  const year = g.year + Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayNumberFromGregorian({ year, month, day: Math.min(g.day, gregorianMonthLength(year, month)) });
}

/**
 * Rules:
 * - Counting starts on the Riyadh day after the start instant, so "15 working days" from a Sunday
 *   request ends on the 15th working day after that Sunday, whatever the hour it arrived.
 * - `working_days`: the due date is that working day; pauses add the working days they covered.
 * - `days`/`weeks`/`months`: the due date is the calendar date reached, plus the paused calendar days.
 *   If it lands on a weekend, holiday or closure it rolls forward to the next working day, for every
 *   bound: an answer is only given on a working day, and for a "not less than" (`min`) promise the
 *   applicant cannot be told to expect it on a day the association is closed.
 * - `min` ("not less than X") still yields a due date: the earliest day the answer is promised. The
 *   status then tracks that promise like a `max` deadline; answering earlier is allowed.
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const { rule, calendar } = input;
  const startDay = riyadhDayNumber(input.start);
  const now = input.now ?? input.start;
  const nowDay = riyadhDayNumber(now);
  const spans = pausedSpans(startDay, input.pauses ?? [], nowDay);

  let dueDay: number;
  let pausedDays = 0;
  if (rule.unit === "working_days") {
    for (const [a, b] of spans) pausedDays += calendar.workingDaysBetweenNumbers(a, b);
    dueDay = calendar.addWorkingDayNumbers(startDay, rule.value + pausedDays);
  } else {
    for (const [a, b] of spans) pausedDays += b - a;
    const reached =
      rule.unit === "days"
        ? startDay + rule.value
        : rule.unit === "weeks"
          ? startDay + 7 * rule.value
          : addMonths(startDay, rule.value);
    const shifted = reached + pausedDays;
    dueDay = calendar.isWorkingDayNumber(shifted) ? shifted : calendar.addWorkingDayNumbers(shifted, 1);
  }

  const periodWorkingDays = calendar.workingDaysBetweenNumbers(startDay, dueDay);
  const ratio = input.warnRatio ?? DEFAULT_WARN_RATIO;
  const warnDays = Math.max(1, Math.ceil(periodWorkingDays * ratio));
  const warnDay = calendar.addWorkingDayNumbers(dueDay, -warnDays);
  const warnAt = new Date(Math.max(input.start.getTime(), riyadhStartOfDay(warnDay + 1).getTime()));
  const dueAt = riyadhEndOfDay(dueDay);

  const open = (input.pauses ?? []).some((p) => p.to === null && p.from.getTime() <= now.getTime());
  let status: DeadlineStatus;
  if (input.answeredAt) status = input.answeredAt.getTime() <= dueAt.getTime() ? "met" : "missed";
  else if (open) status = "paused";
  else if (now.getTime() > dueAt.getTime()) status = "breached";
  else if (now.getTime() >= warnAt.getTime()) status = "warning";
  else status = "on_track";

  return {
    dueAt,
    dueDate: isoFromDayNumber(dueDay),
    warnAt,
    workingDaysLeft: calendar.workingDaysBetweenNumbers(nowDay, dueDay),
    periodWorkingDays,
    pausedDays,
    status,
  };
}

/** Whether an answer given at `answeredAt` kept the deadline (up to the last millisecond of the due day). */
export function wasMet(deadline: Pick<Deadline, "dueAt">, answeredAt: Date): boolean {
  return answeredAt.getTime() <= deadline.dueAt.getTime();
}
