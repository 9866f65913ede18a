import type { CalendarDayView } from "../../../shared/contracts/calendar.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const statusLabels: Record<CalendarDayView["status"], MessageKey> = {
  holiday: "calendar.status.holiday",
  closure: "calendar.status.closure",
  working_day: "calendar.status.working_day",
};

/** Days of the week as the API numbers them (0 = Sunday, as JavaScript's getUTCDay). */
export const weekdayLabels: Partial<Record<number, MessageKey>> = {
  0: "calendar.weekday.0",
  1: "calendar.weekday.1",
  2: "calendar.weekday.2",
  3: "calendar.weekday.3",
  4: "calendar.weekday.4",
  5: "calendar.weekday.5",
  6: "calendar.weekday.6",
};
