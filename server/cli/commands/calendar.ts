import { parseArgs } from "node:util";
import {
  computeDeadline,
  createSaudiWorkingCalendar,
  formatGregorianLong,
  formatHijri,
  generateOfficialHolidays,
  generateOfficialHolidaysForGregorianYear,
  isToolkitError,
  isValidGregorian,
  parseIsoDate,
  responsePeriodRuleSchema,
  splitIsoDate,
  toGregorian,
  toHijri,
  toIsoDate,
} from "../../../shared/domain/index.js";
import type { CliIo } from "../io.js";

const usage = `usage:
  silah calendar convert <YYYY-MM-DD>        Gregorian → Hijri, or Hijri → Gregorian when the year is below 1600
  silah calendar due --from <ISO instant> --rule '<JSON rule>'
  silah calendar holidays <year>             a Hijri year (below 1600) or a Gregorian year`;

// Hijri years in use are 13xx–15xx and Gregorian ones 19xx–20xx, so 1600 separates them safely.
const HIJRI_YEAR_LIMIT = 1600;

function convert(args: string[], io: CliIo): number {
  const text = args[0];
  const parts = text ? splitIsoDate(text) : null;
  if (!parts || args.length !== 1) {
    io.err("calendar convert: expected one date as YYYY-MM-DD");
    io.err(usage);
    return 2;
  }
  if (parts.year < HIJRI_YEAR_LIMIT) {
    const gregorian = toGregorian(parts);
    io.out(`${toIsoDate(gregorian)} ${toIsoDate(parts)}`);
    io.out(`${formatHijri(parts, { style: "long" })} — ${formatGregorianLong(gregorian)}`);
    return 0;
  }
  if (!isValidGregorian(parts)) {
    io.err(`calendar convert: "${text}" is not a valid Gregorian date`);
    return 2;
  }
  const hijri = toHijri(parts);
  io.out(`${toIsoDate(parts)} ${toIsoDate(hijri)}`);
  io.out(`${formatHijri(hijri, { style: "long" })} — ${formatGregorianLong(parts)}`);
  return 0;
}

function due(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: { from: { type: "string" }, rule: { type: "string" }, now: { type: "string" } },
  });
  const start = values.from ? new Date(values.from) : null;
  if (!start || Number.isNaN(start.getTime())) {
    io.err("calendar due: --from must be an ISO date-time such as 2026-03-15T09:00:00+03:00");
    return 2;
  }
  let ruleJson: unknown;
  try {
    ruleJson = JSON.parse(values.rule ?? "");
  } catch {
    io.err(
      'calendar due: --rule must be JSON, e.g. {"value":15,"unit":"working_days","bound":"max","startsAt":"completion"}',
    );
    return 2;
  }
  const rule = responsePeriodRuleSchema.safeParse(ruleJson);
  if (!rule.success) {
    for (const issue of rule.error.issues)
      io.err(`calendar due: rule.${issue.path.join(".")}: ${issue.message}`);
    return 2;
  }
  const now = values.now ? new Date(values.now) : undefined;
  if (now && Number.isNaN(now.getTime())) {
    io.err("calendar due: --now must be an ISO date-time");
    return 2;
  }
  // Generous span: a period of up to ten years still finds its holidays.
  const year = start.getUTCFullYear();
  const calendar = createSaudiWorkingCalendar({
    fromYear: year,
    toYear: year + Math.ceil(rule.data.value / 12) + 1,
  });
  const deadline = computeDeadline({ rule: rule.data, start, calendar, ...(now ? { now } : {}) });
  const hijri = toHijri(parseIsoDate(deadline.dueDate));
  io.out(`${deadline.dueDate} ${toIsoDate(hijri)}`);
  io.out(`${formatHijri(hijri, { style: "long" })} — ${formatGregorianLong(parseIsoDate(deadline.dueDate))}`);
  io.out(
    `due at ${deadline.dueAt.toISOString()}, warning from ${deadline.warnAt.toISOString()}, status ${deadline.status}`,
  );
  return 0;
}

function holidays(args: string[], io: CliIo): number {
  const year = Number(args[0]);
  if (args.length !== 1 || !Number.isInteger(year) || year <= 0) {
    io.err("calendar holidays: expected one year, e.g. 1447 or 2026");
    return 2;
  }
  const list =
    year < HIJRI_YEAR_LIMIT ? generateOfficialHolidays(year) : generateOfficialHolidaysForGregorianYear(year);
  for (const h of list) {
    io.out(`${h.date} ${toIsoDate(toHijri(parseIsoDate(h.date)))} ${h.kind} ${h.name.ar}`);
  }
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === "convert") return convert(rest, io);
    if (sub === "due") return due(rest, io);
    if (sub === "holidays") return holidays(rest, io);
  } catch (error) {
    if (isToolkitError(error)) {
      io.err(`${error.code}: ${error.localized.en} — ${error.localized.ar}`);
      return 2;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`calendar: ${error.message}`);
      io.err(usage);
      return 2;
    }
    throw error;
  }
  io.err(usage);
  return 2;
}
