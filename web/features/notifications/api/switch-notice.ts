import { useMutation } from "@tanstack/react-query";
import type { NotificationChannel } from "../../../../shared/contracts/channels.js";
import { noticeViewSchema } from "../../../../shared/contracts/notifications.js";
import { requestJson } from "../../../lib/http.js";
import { useNoticesChanged } from "./list-notices.js";

export async function switchNotice(id: string, channel: NotificationChannel) {
  return requestJson(`/api/notices/${encodeURIComponent(id)}/switch`, noticeViewSchema, {
    method: "POST",
    body: { channel },
  });
}

/** The same text on another channel; the first notice is superseded. */
export function useSwitchNotice() {
  const changed = useNoticesChanged();
  return useMutation({
    mutationFn: (input: { id: string; channel: NotificationChannel }) =>
      switchNotice(input.id, input.channel),
    onSuccess: changed,
  });
}
