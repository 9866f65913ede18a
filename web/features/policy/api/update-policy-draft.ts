import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type PolicyDraftPatch, policyVersionViewSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function updatePolicyDraft({ id, patch }: { id: string; patch: PolicyDraftPatch }) {
  return requestJson(`/api/policy/drafts/${encodeURIComponent(id)}`, policyVersionViewSchema, {
    method: "PATCH",
    body: patch,
  });
}

/** Saves the parts of a draft that changed; what is not sent stays as it was. */
export function useUpdatePolicyDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicyDraft,
    onSuccess: (draft) => {
      queryClient.setQueryData([...policyQueryKey, "version", draft.id], draft);
      return queryClient.invalidateQueries({ queryKey: [...policyQueryKey, "versions"] });
    },
  });
}
