import { useQuery } from "@tanstack/react-query";
import { calendarYearResponseSchema } from "../../../../shared/contracts/calendar.js";
import { requestJson } from "../../../lib/http.js";

export function calendarYearQueryKey(year: number) {
  return ["calendar", "days", year] as const;
}

export async function listCalendarDays(year: number, signal?: AbortSignal) {
  return requestJson("/api/calendar/days", calendarYearResponseSchema, { query: { year }, signal });
}

/** The year's holidays and closures, as generated and as the administrator corrected them. */
export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: calendarYearQueryKey(year),
    queryFn: ({ signal }) => listCalendarDays(year, signal),
  });
}
