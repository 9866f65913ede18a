import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type MeetingView, meetingViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { meetingsQueryKey } from "./list-meetings.js";
import { requestsQueryKey } from "./list-requests.js";

export const meetingQueryKey = (id: string) => ["committee-meetings", id] as const;

export async function getMeeting(id: string, signal?: AbortSignal) {
  return requestJson(`/api/committee-meetings/${encodeURIComponent(id)}`, meetingViewSchema, { signal });
}

/** A meeting: its agenda, each member's vote, the decisions and the minutes. */
export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingQueryKey(id), queryFn: ({ signal }) => getMeeting(id, signal) });
}

/** After a vote, a decision or the minutes: the meeting shows the answer; requests and work lists ask again. */
export function useMeetingChanged() {
  const queryClient = useQueryClient();
  return (meeting: MeetingView) => {
    queryClient.setQueryData(meetingQueryKey(meeting.id), meeting);
    queryClient.invalidateQueries({ queryKey: requestsQueryKey });
    queryClient.invalidateQueries({ queryKey: meetingsQueryKey });
    queryClient.invalidateQueries({ queryKey: ["my-work"] });
  };
}
