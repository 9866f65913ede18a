import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { meetingViewSchema, type recordAttendanceSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export type AttendanceInput = z.input<typeof recordAttendanceSchema>;

export async function recordAttendance(meetingId: string, input: AttendanceInput) {
  return requestJson(
    `/api/committee-meetings/${encodeURIComponent(meetingId)}/attendance`,
    meetingViewSchema,
    {
      method: "PUT",
      body: input,
    },
  );
}

/** Who attended the meeting; the other members are recorded absent. */
export function useRecordAttendance(meetingId: string) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: AttendanceInput) => recordAttendance(meetingId, input),
    onSuccess: changed,
  });
}
