import { useQuery } from "@tanstack/react-query";
import { secondFactorStatusSchema } from "../../../../shared/contracts/auth.js";
import { requestJson } from "../../../lib/http.js";

export const secondFactorQueryKey = ["auth", "second-factor"] as const;

export async function getSecondFactor(signal?: AbortSignal) {
  return requestJson("/api/auth/second-factor", secondFactorStatusSchema, { signal });
}

export function useSecondFactor() {
  return useQuery({ queryKey: secondFactorQueryKey, queryFn: ({ signal }) => getSecondFactor(signal) });
}
