import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ClaimView,
  claimViewSchema,
  type settlementRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimQueryKey } from "./get-claim.js";
import { claimsQueryKey } from "./list-claims.js";

export type RecordSettlementInput = z.input<typeof settlementRequestSchema>;

export async function recordSettlement(id: string, input: RecordSettlementInput) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}/settlement`, claimViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Records the settlement agreement: its terms and amount. */
export function useRecordSettlement(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordSettlementInput) => recordSettlement(id, input),
    onSuccess: (claim: ClaimView) => {
      queryClient.setQueryData(claimQueryKey(id), claim);
      queryClient.invalidateQueries({ queryKey: claimsQueryKey });
    },
  });
}
