import { useQuery } from "@tanstack/react-query";
import { serviceListResponseSchema } from "../../../../shared/contracts/services.js";
import { requestJson } from "../../../lib/http.js";

export const servicesQueryKey = ["services"] as const;

export async function listServices(activeOnly: boolean, signal?: AbortSignal) {
  return requestJson("/api/services", serviceListResponseSchema, {
    query: { active: activeOnly ? "true" : undefined },
    signal,
  });
}

/** The association's service catalogue. */
export function useServices(activeOnly = false) {
  return useQuery({
    queryKey: [...servicesQueryKey, { activeOnly }],
    queryFn: ({ signal }) => listServices(activeOnly, signal),
  });
}
