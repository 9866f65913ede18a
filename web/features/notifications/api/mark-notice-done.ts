import { useMutation } from "@tanstack/react-query";
import { noticeViewSchema } from "../../../../shared/contracts/notifications.js";
import { requestJson } from "../../../lib/http.js";
import { useNoticesChanged } from "./list-notices.js";

export async function markNoticeDone(id: string) {
  return requestJson(`/api/notices/${encodeURIComponent(id)}/done`, noticeViewSchema, {
    method: "POST",
    body: {},
  });
}

/** A phone call made or a letter sent: the server keeps who and when. */
export function useMarkNoticeDone() {
  const changed = useNoticesChanged();
  return useMutation({ mutationFn: markNoticeDone, onSuccess: changed });
}
