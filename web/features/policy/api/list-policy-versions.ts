import { useQuery } from "@tanstack/react-query";
import { policyVersionListSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function listPolicyVersions(signal?: AbortSignal) {
  return requestJson("/api/policy/versions", policyVersionListSchema, { signal });
}

/** Every version: the one in force, the superseded ones, and (for the administrator and the board) the drafts. */
export function usePolicyVersions() {
  return useQuery({
    queryKey: [...policyQueryKey, "versions"],
    queryFn: ({ signal }) => listPolicyVersions(signal),
  });
}
