import { useQuery } from "@tanstack/react-query";
import { requestSettingsSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export async function getRequestSettings(signal?: AbortSignal) {
  return requestJson("/api/request-settings", requestSettingsSchema, { signal });
}

/** The response period and the role requests are referred to. */
export function useRequestSettings(enabled = true) {
  return useQuery({
    queryKey: ["request-settings"],
    queryFn: ({ signal }) => getRequestSettings(signal),
    enabled,
  });
}
