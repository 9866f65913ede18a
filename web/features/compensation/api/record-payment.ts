import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ClaimView,
  claimViewSchema,
  type paymentRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimQueryKey } from "./get-claim.js";
import { claimsQueryKey } from "./list-claims.js";

export type RecordPaymentInput = z.input<typeof paymentRequestSchema>;

export async function recordPayment(id: string, input: RecordPaymentInput) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}/payments`, claimViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Records a payment; the server refuses one that would pass the approved amount. */
export function useRecordPayment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordPaymentInput) => recordPayment(id, input),
    onSuccess: (claim: ClaimView) => {
      queryClient.setQueryData(claimQueryKey(id), claim);
      queryClient.invalidateQueries({ queryKey: claimsQueryKey });
    },
  });
}
