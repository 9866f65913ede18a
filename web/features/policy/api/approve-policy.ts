import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ApprovePolicyRequest, policyVersionViewSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function approvePolicy({ id, approval }: { id: string; approval: ApprovePolicyRequest }) {
  return requestJson(`/api/policy/drafts/${encodeURIComponent(id)}/approve`, policyVersionViewSchema, {
    method: "POST",
    body: approval,
  });
}

/** Records the board's resolution: the draft becomes the policy in force, the previous one is superseded. */
export function useApprovePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approvePolicy,
    // Everyone's acknowledgement is asked again for the new version. Not awaited: the draft's page
    // would turn into the approved version's before the caller moves on to the policy.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policyQueryKey });
    },
  });
}
