import { useQuery } from "@tanstack/react-query";
import { beneficiaryViewSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

export function beneficiaryQueryKey(id: string) {
  return ["beneficiaries", "file", id] as const;
}

export async function getBeneficiary(id: string, signal?: AbortSignal) {
  return requestJson(`/api/beneficiaries/${encodeURIComponent(id)}`, beneficiaryViewSchema, { signal });
}

/** The beneficiary's file; sensitive fields come back null for roles that may not see them. */
export function useBeneficiary(id: string, enabled = true) {
  return useQuery({
    queryKey: beneficiaryQueryKey(id),
    queryFn: ({ signal }) => getBeneficiary(id, signal),
    enabled,
  });
}
