import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestVoid } from "../../../lib/http.js";

/** Removes the administrator's edit: the day is again what the rules generate. */
export async function clearCalendarDay(date: string) {
  return requestVoid(`/api/calendar/days/${encodeURIComponent(date)}`, { method: "DELETE" });
}

export function useClearCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearCalendarDay,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["calendar"] }),
  });
}
