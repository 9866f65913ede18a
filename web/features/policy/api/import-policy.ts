import { useMutation, useQueryClient } from "@tanstack/react-query";
import { policyImportResponseSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

/**
 * The existing policy's text (UTF-8, as extracted from its PDF) or the Word file's bytes as the body;
 * the server reads it into a draft and answers what it found beside the draft.
 */
export async function importPolicy(file: { content: Blob | string; type: string }) {
  return requestJson("/api/policy/drafts/import", policyImportResponseSchema, { method: "POST", raw: file });
}

export function useImportPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyQueryKey }),
  });
}
