import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ClaimView,
  claimViewSchema,
  type recordProofRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimQueryKey } from "./get-claim.js";
import { claimsQueryKey } from "./list-claims.js";

export type RecordProofInput = z.input<typeof recordProofRequestSchema>;

export async function recordProof(id: string, input: RecordProofInput) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}/proof`, claimViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Records the proof the policy names (K1): the investigation committee's minutes or a judicial ruling. */
export function useRecordProof(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordProofInput) => recordProof(id, input),
    onSuccess: (claim: ClaimView) => {
      queryClient.setQueryData(claimQueryKey(id), claim);
      queryClient.invalidateQueries({ queryKey: claimsQueryKey });
    },
  });
}
