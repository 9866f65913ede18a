import { useQuery } from "@tanstack/react-query";
import { type PolicyVersionView, policyVersionViewSchema } from "../../../../shared/contracts/policy.js";
import { isApiError, requestJson } from "../../../lib/http.js";

export const policyQueryKey = ["policy"] as const;

/** The approved policy in force, or null while the board has approved none (404 is an answer here). */
export async function getCurrentPolicy(signal?: AbortSignal): Promise<PolicyVersionView | null> {
  try {
    return await requestJson("/api/policy/current", policyVersionViewSchema, { signal });
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useCurrentPolicy() {
  return useQuery({
    queryKey: [...policyQueryKey, "current"],
    queryFn: ({ signal }) => getCurrentPolicy(signal),
  });
}
