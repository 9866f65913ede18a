import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type policyDraftRequestSchema,
  policyVersionViewSchema,
} from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function createPolicyDraft(content: z.input<typeof policyDraftRequestSchema>) {
  return requestJson("/api/policy/drafts", policyVersionViewSchema, { method: "POST", body: content });
}

/** A new draft (administrator): empty, or a copy of the policy in force to amend. */
export function useCreatePolicyDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPolicyDraft,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyQueryKey }),
  });
}
