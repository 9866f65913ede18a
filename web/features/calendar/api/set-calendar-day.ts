import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  calendarDayViewSchema,
  type setCalendarDayRequestSchema,
} from "../../../../shared/contracts/calendar.js";
import { requestJson } from "../../../lib/http.js";

export type SetCalendarDayInput = { date: string } & z.input<typeof setCalendarDayRequestSchema>;

export async function setCalendarDay({ date, ...day }: SetCalendarDayInput) {
  return requestJson(`/api/calendar/days/${encodeURIComponent(date)}`, calendarDayViewSchema, {
    method: "PUT",
    body: day,
  });
}

/** Marks a day a holiday, a closure, or a working day after all (administrator). */
export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCalendarDay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["calendar"] }),
  });
}
