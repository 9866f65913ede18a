import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type createMeetingSchema, meetingViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

export async function createMeeting(input: CreateMeetingInput) {
  return requestJson("/api/committee-meetings", meetingViewSchema, { method: "POST", body: input });
}

/** Schedules a meeting with an agenda of declared, complete requests. */
export function useCreateMeeting() {
  const changed = useMeetingChanged();
  return useMutation({ mutationFn: createMeeting, onSuccess: changed });
}
