import type { CalendarDayView } from "../../../shared/contracts/calendar.js";
import {
  createWorkingCalendar,
  generateOfficialHolidaysForGregorianYear,
  type Holiday,
  parseIsoDate,
  SAUDI_WEEKEND,
  toHijri,
  toIsoDate,
  type WorkingCalendar,
} from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import { calendarPolicy } from "./calendar.policy.js";
import type { CalendarDayRow, CalendarRepository } from "./calendar.repository.js";

export type CalendarService = ReturnType<typeof createCalendarService>;

function generated(year: number): Holiday[] {
  try {
    return generateOfficialHolidaysForGregorianYear(year);
  } catch {
    return []; // outside the Umm al-Qura tables: weekends only
  }
}

/** The generated holidays of the years with the administrator's edits laid over them. */
function mergeDays(years: number[], edits: CalendarDayRow[]): CalendarDayView[] {
  const byDate = new Map<string, CalendarDayView>();
  for (const year of years) {
    for (const holiday of generated(year)) {
      byDate.set(holiday.date, {
        date: holiday.date,
        hijri: toIsoDate(toHijri(parseIsoDate(holiday.date))),
        status: "holiday",
        name: holiday.name,
        source: "generated",
        generatedKind: holiday.kind,
      });
    }
  }
  for (const edit of edits) {
    byDate.set(edit.date, {
      date: edit.date,
      hijri: toIsoDate(toHijri(parseIsoDate(edit.date))),
      status: edit.kind as CalendarDayView["status"],
      name: { ar: edit.nameAr, en: edit.nameEn ?? edit.nameAr },
      source: "edited",
      generatedKind: byDate.get(edit.date)?.generatedKind ?? null,
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function createCalendarService(deps: {
  db: Database;
  repo: CalendarRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, audit } = deps;

  return {
    async year(actor: Actor, year: number) {
      authorize(actor, calendarPolicy, "read");
      const edits = await db.tenant(actor.associationId, (tx) =>
        repo.between(tx, `${year}-01-01`, `${year}-12-31`),
      );
      return { year, weekend: [...SAUDI_WEEKEND], days: mergeDays([year], edits) };
    },

    async setDay(
      actor: Actor,
      date: string,
      input: { kind: string; nameAr: string; nameEn?: string | undefined },
    ) {
      authorize(actor, calendarPolicy, "edit");
      const valid = (() => {
        try {
          toHijri(parseIsoDate(date));
          return true;
        } catch {
          return false;
        }
      })();
      if (!valid) {
        throw new AppError("validation_failed", `bad date ${date}`, {
          fieldErrors: [
            {
              path: "date",
              code: "date_impossible",
              message: { ar: "التاريخ غير صحيح.", en: "The date is not valid." },
            },
          ],
        });
      }
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.upsert(tx, {
          associationId: actor.associationId,
          date,
          kind: input.kind,
          nameAr: input.nameAr,
          nameEn: input.nameEn ?? null,
          createdBy: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "calendar.day_set",
          payload: { date, kind: input.kind },
          subject: { type: "calendar_day", id: row.id },
        });
        return mergeDays([Number(date.slice(0, 4))], [row]).find((d) => d.date === date)!;
      });
    },

    async clearDay(actor: Actor, date: string): Promise<void> {
      authorize(actor, calendarPolicy, "edit");
      await db.tenant(actor.associationId, async (tx) => {
        if (!(await repo.remove(tx, actor.associationId, date)))
          throw new AppError("not_found", "no edit on that date");
        await audit.record(tx, actor, { type: "calendar.day_cleared", payload: { date } });
      });
    },

    /**
     * The association's working calendar for the years around a deadline, inside the caller's
     * transaction: what every deadline in Silah is computed on.
     */
    async workingCalendar(tx: Tx, fromYear: number, toYear: number): Promise<WorkingCalendar> {
      const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
      const days = mergeDays(years, await repo.between(tx, `${fromYear}-01-01`, `${toYear}-12-31`));
      return createWorkingCalendar({
        weekend: SAUDI_WEEKEND,
        holidays: days.filter((d) => d.status === "holiday").map((d) => d.date),
        closures: days.filter((d) => d.status === "closure").map((d) => d.date),
      });
    },
  };
}
