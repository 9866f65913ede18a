import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type RequestView, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { requestsQueryKey } from "./list-requests.js";

export const requestQueryKey = (id: string) => [...requestsQueryKey, "one", id] as const;

export async function getRequest(id: string, signal?: AbortSignal) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}`, requestViewSchema, { signal });
}

/** One request: what is missing or expired, referrals, declaration, decision, deliveries. */
export function useRequest(id: string) {
  return useQuery({ queryKey: requestQueryKey(id), queryFn: ({ signal }) => getRequest(id, signal) });
}

/** After any step: the page shows the server's answer, the lists and work lists ask again. */
export function useRequestChanged() {
  const queryClient = useQueryClient();
  return (request: RequestView) => {
    queryClient.setQueryData(requestQueryKey(request.id), request);
    queryClient.invalidateQueries({ queryKey: [...requestsQueryKey, "list"] });
    queryClient.invalidateQueries({ queryKey: ["my-work"] });
    // A step may tell the beneficiary something: the notices of the page ask again.
    queryClient.invalidateQueries({ queryKey: ["notices"] });
  };
}
