import { useQuery } from "@tanstack/react-query";
import type { RequestState } from "../../../../shared/contracts/requests.js";
import { requestListResponseSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export const requestsQueryKey = ["support-requests"] as const;

export type RequestFilter = { beneficiaryId?: string; state?: RequestState; mine?: boolean };

export async function listRequests(filter: RequestFilter, signal?: AbortSignal) {
  return requestJson("/api/requests", requestListResponseSchema, {
    query: {
      beneficiaryId: filter.beneficiaryId,
      state: filter.state,
      mine: filter.mine ? "true" : undefined,
    },
    signal,
  });
}

/** Support requests with their due dates and time left, the newest first. */
export function useRequests(filter: RequestFilter) {
  return useQuery({
    queryKey: [...requestsQueryKey, "list", filter],
    queryFn: ({ signal }) => listRequests(filter, signal),
  });
}
