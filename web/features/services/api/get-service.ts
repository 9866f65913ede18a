import { useQuery } from "@tanstack/react-query";
import { serviceViewSchema } from "../../../../shared/contracts/services.js";
import { requestJson } from "../../../lib/http.js";
import { servicesQueryKey } from "./list-services.js";

export async function getService(id: string, signal?: AbortSignal) {
  return requestJson(`/api/services/${encodeURIComponent(id)}`, serviceViewSchema, { signal });
}

/** One service with its requirements. */
export function useService(id: string | undefined) {
  return useQuery({
    queryKey: [...servicesQueryKey, "one", id],
    queryFn: ({ signal }) => getService(id ?? "", signal),
    enabled: Boolean(id),
  });
}
