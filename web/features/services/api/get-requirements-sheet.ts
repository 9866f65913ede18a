import { useQuery } from "@tanstack/react-query";
import { serviceRequirementsSheetSchema } from "../../../../shared/contracts/services.js";
import { requestJson } from "../../../lib/http.js";
import { servicesQueryKey } from "./list-services.js";

export async function getRequirementsSheet(id: string, signal?: AbortSignal) {
  return requestJson(`/api/services/${encodeURIComponent(id)}/requirements`, serviceRequirementsSheetSchema, {
    signal,
  });
}

/** The sheet the officer prints or sends before the beneficiary applies (H2). */
export function useRequirementsSheet(id: string) {
  return useQuery({
    queryKey: [...servicesQueryKey, "sheet", id],
    queryFn: ({ signal }) => getRequirementsSheet(id, signal),
  });
}
