import { useMutation } from "@tanstack/react-query";
import { noticeViewSchema } from "../../../../shared/contracts/notifications.js";
import { requestJson } from "../../../lib/http.js";
import { useNoticesChanged } from "./list-notices.js";

export async function retryNotice(id: string) {
  return requestJson(`/api/notices/${encodeURIComponent(id)}/retry`, noticeViewSchema, { method: "POST" });
}

/** Sends a failed notice again, where a machine now carries its channel. */
export function useRetryNotice() {
  const changed = useNoticesChanged();
  return useMutation({ mutationFn: retryNotice, onSuccess: changed });
}
