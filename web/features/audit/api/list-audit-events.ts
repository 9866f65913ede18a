import { useInfiniteQuery } from "@tanstack/react-query";
import { type AuditEventType, auditListResponseSchema } from "../../../../shared/contracts/audit.js";
import { requestJson } from "../../../lib/http.js";

const pageSize = 50;

export type AuditEventsFilter = { type?: AuditEventType | undefined };

export async function listAuditEvents(
  params: AuditEventsFilter & { before?: string | undefined; limit?: number },
  signal?: AbortSignal,
) {
  return requestJson("/api/audit-events", auditListResponseSchema, {
    query: { type: params.type, before: params.before, limit: params.limit ?? pageSize },
    signal,
  });
}

/** The audit log, newest first, one page per "load more"; the server's cursor is `nextBefore`. */
export function useAuditEvents(filter: AuditEventsFilter) {
  return useInfiniteQuery({
    queryKey: ["audit-events", { type: filter.type ?? null }],
    queryFn: ({ pageParam, signal }) => listAuditEvents({ type: filter.type, before: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}
