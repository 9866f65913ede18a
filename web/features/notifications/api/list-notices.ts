import { useQuery, useQueryClient } from "@tanstack/react-query";
import { noticeListResponseSchema } from "../../../../shared/contracts/notifications.js";
import { requestJson } from "../../../lib/http.js";

/** Which notices: those of a request, a complaint or a person, or the open tasks for staff. */
export type NoticesQuery =
  | { subjectType: "support_request" | "complaint"; subjectId: string }
  | { beneficiaryId: string }
  | { open: true };

export const noticesQueryKey = ["notices"] as const;

export async function listNotices(query: NoticesQuery, signal?: AbortSignal) {
  const params = new URLSearchParams(
    Object.entries(query).map(([key, value]) => [key, String(value)] as [string, string]),
  );
  return requestJson(`/api/notices?${params.toString()}`, noticeListResponseSchema, { signal });
}

/** Notices with their state; asked again every half minute while the page is open (a send takes a moment). */
export function useNotices(query: NoticesQuery, enabled = true) {
  return useQuery({
    queryKey: [...noticesQueryKey, query],
    queryFn: ({ signal }) => listNotices(query, signal),
    enabled,
    refetchInterval: 30_000,
  });
}

/** After acting on a notice: every list of notices and the work list ask again. */
export function useNoticesChanged() {
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: noticesQueryKey });
    queryClient.invalidateQueries({ queryKey: ["my-work"] });
  };
}
