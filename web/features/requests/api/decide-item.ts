import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type decideSchema, meetingViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export type DecideInput = z.input<typeof decideSchema>;

export async function decideItem(meetingId: string, requestId: string, input: DecideInput) {
  const path = `/api/committee-meetings/${encodeURIComponent(meetingId)}/items/${encodeURIComponent(requestId)}/decision`;
  return requestJson(path, meetingViewSchema, { method: "POST", body: input });
}

/** The committee's decision on one item, once the quorum has voted. */
export function useDecideItem(meetingId: string, requestId: string) {
  const changed = useMeetingChanged();
  return useMutation({
    mutationFn: (input: DecideInput) => decideItem(meetingId, requestId, input),
    onSuccess: changed,
  });
}
