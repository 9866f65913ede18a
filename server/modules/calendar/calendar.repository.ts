import { and, asc, between, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { calendarDays } from "../../db/schema.js";

export type CalendarDayRow = typeof calendarDays.$inferSelect;
export type CalendarRepository = ReturnType<typeof createCalendarRepository>;

export function createCalendarRepository() {
  return {
    async between(tx: Tx, from: string, to: string): Promise<CalendarDayRow[]> {
      return tx
        .select()
        .from(calendarDays)
        .where(between(calendarDays.date, from, to))
        .orderBy(asc(calendarDays.date));
    },

    async upsert(tx: Tx, values: typeof calendarDays.$inferInsert): Promise<CalendarDayRow> {
      const [row] = await tx
        .insert(calendarDays)
        .values(values)
        .onConflictDoUpdate({
          target: [calendarDays.associationId, calendarDays.date],
          set: {
            kind: values.kind,
            nameAr: values.nameAr,
            nameEn: values.nameEn ?? null,
            createdBy: values.createdBy,
          },
        })
        .returning();
      return row!;
    },

    async remove(tx: Tx, associationId: string, date: string): Promise<boolean> {
      const rows = await tx
        .delete(calendarDays)
        .where(and(eq(calendarDays.associationId, associationId), eq(calendarDays.date, date)))
        .returning();
      return rows.length > 0;
    },
  };
}
