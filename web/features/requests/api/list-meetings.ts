import { useQuery } from "@tanstack/react-query";
import { meetingListResponseSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export const meetingsQueryKey = ["committee-meetings-list"] as const;

export async function listMeetings(signal?: AbortSignal) {
  return requestJson("/api/committee-meetings", meetingListResponseSchema, { signal });
}

/** Every committee meeting, newest first, with its requests and how far it has come. */
export function useMeetings() {
  return useQuery({ queryKey: meetingsQueryKey, queryFn: ({ signal }) => listMeetings(signal) });
}
