import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { meetingViewSchema, type voteSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export type VoteInput = z.input<typeof voteSchema>;

export async function recordVote(meetingId: string, requestId: string, input: VoteInput) {
  const path = `/api/committee-meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(requestId)}/votes`;
  return requestJson(path, meetingViewSchema, { method: "POST", body: input });
}

/** A member's vote on one agenda item; a member with a conflict of interest is refused. */
export function useRecordVote(meetingId: string, requestId: string) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: VoteInput) => recordVote(meetingId, requestId, input),
    onSuccess: changed,
  });
}
