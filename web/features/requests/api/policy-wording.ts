import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type confirmPolicyWordingSchema,
  policyWordingMappingSchema,
} from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

const key = ["request-settings", "policy-wording"] as const;
export type ConfirmPolicyWordingInput = z.input<typeof confirmPolicyWordingSchema>;

export async function getPolicyWording(signal?: AbortSignal) {
  return requestJson("/api/request-settings/policy-wording", policyWordingMappingSchema, { signal });
}

/** The approved policy's referral and committee wording, with suggestions and what was confirmed. */
export function usePolicyWording() {
  // A policy approved since the last visit changes what there is to map: always asked afresh.
  return useQuery({ queryKey: key, queryFn: ({ signal }) => getPolicyWording(signal), staleTime: 0 });
}

export async function confirmPolicyWording(input: ConfirmPolicyWordingInput) {
  return requestJson("/api/request-settings/policy-wording", policyWordingMappingSchema, {
    method: "PUT",
    body: input,
  });
}

export function useConfirmPolicyWording() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPolicyWording,
    onSuccess: (mapping) => {
      queryClient.setQueryData(key, mapping);
      // The referral role in force follows the confirmed mapping.
      void queryClient.invalidateQueries({ queryKey: ["request-settings"], exact: true });
    },
  });
}
