import { useQuery } from "@tanstack/react-query";
import { claimViewSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimsQueryKey } from "./list-claims.js";

export const claimQueryKey = (id: string) => [...claimsQueryKey, "one", id] as const;

export async function getClaim(id: string, signal?: AbortSignal) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}`, claimViewSchema, { signal });
}

/** One claim with its proof, negotiation rounds, settlement, approval and payments. */
export function useClaim(id: string) {
  return useQuery({ queryKey: claimQueryKey(id), queryFn: ({ signal }) => getClaim(id, signal) });
}
