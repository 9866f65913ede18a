import { useMutation } from "@tanstack/react-query";
import { meetingViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export async function generateMinutes(meetingId: string) {
  return requestJson(`/api/committee-meetings/${encodeURIComponent(meetingId)}/minutes`, meetingViewSchema, {
    method: "POST",
  });
}

/** Drafts the meeting's minutes in Arabic from its votes and decisions. */
export function useGenerateMinutes(meetingId: string) {
  const changed = useMeetingChanged();
  return useMutation({ mutationFn: () => generateMinutes(meetingId), onSuccess: changed });
}
