import { useQuery } from "@tanstack/react-query";
import { liaisonRouteListResponseSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

export const liaisonRoutesQueryKey = ["liaison-routes"] as const;

export async function listLiaisonRoutes(signal?: AbortSignal) {
  return requestJson("/api/liaison-routes", liaisonRouteListResponseSchema, { signal });
}

/** Which liaison officer answers the inquiries of which category. */
export function useLiaisonRoutes() {
  return useQuery({ queryKey: liaisonRoutesQueryKey, queryFn: ({ signal }) => listLiaisonRoutes(signal) });
}
