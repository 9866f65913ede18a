import { useMutation } from "@tanstack/react-query";
import { meetingViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useMeetingChanged } from "./get-meeting.js";

export async function approveMinutes(meetingId: string) {
  return requestJson(
    `/api/committee-meetings/${encodeURIComponent(meetingId)}/minutes/approve`,
    meetingViewSchema,
    {
      method: "POST",
    },
  );
}

/** A member approves the minutes; they are approved when every member has. */
export function useApproveMinutes(meetingId: string) {
  const changed = useMeetingChanged();
  return useMutation({ mutationFn: () => approveMinutes(meetingId), onSuccess: changed });
}
