import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ClaimView,
  claimViewSchema,
  type negotiationRoundRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimQueryKey } from "./get-claim.js";
import { claimsQueryKey } from "./list-claims.js";

export type RecordRoundInput = z.input<typeof negotiationRoundRequestSchema>;

export async function recordRound(id: string, input: RecordRoundInput) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}/rounds`, claimViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Records one negotiation round: the offer, the response and any counter-offer (K2). */
export function useRecordRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordRoundInput) => recordRound(id, input),
    onSuccess: (claim: ClaimView) => {
      queryClient.setQueryData(claimQueryKey(id), claim);
      queryClient.invalidateQueries({ queryKey: claimsQueryKey });
    },
  });
}
