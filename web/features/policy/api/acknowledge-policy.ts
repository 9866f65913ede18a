import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  acknowledgementViewSchema,
  type acknowledgePolicyRequestSchema,
} from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function acknowledgePolicy(input: z.input<typeof acknowledgePolicyRequestSchema>) {
  return requestJson("/api/policy/current/acknowledge", acknowledgementViewSchema, {
    method: "POST",
    body: input,
  });
}

/** «أقر بأنني اطلعت على السياسة»: the typed full name must be the account's. */
export function useAcknowledgePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgePolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...policyQueryKey, "acknowledgement"] }),
  });
}
