import { useQuery } from "@tanstack/react-query";
import { claimListResponseSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";

export const claimsQueryKey = ["compensation-claims"] as const;

export async function listClaims(signal?: AbortSignal) {
  return requestJson("/api/compensation-claims", claimListResponseSchema, { signal });
}

/** The association's compensation claims. */
export function useClaims() {
  return useQuery({ queryKey: [...claimsQueryKey, "list"], queryFn: ({ signal }) => listClaims(signal) });
}
