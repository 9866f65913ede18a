import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type approveClaimRequestSchema,
  type ClaimView,
  claimViewSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimQueryKey } from "./get-claim.js";
import { claimsQueryKey } from "./list-claims.js";

export type ApproveClaimInput = z.input<typeof approveClaimRequestSchema>;

export async function approveClaim(id: string, input: ApproveClaimInput) {
  return requestJson(`/api/compensation-claims/${encodeURIComponent(id)}/approve`, claimViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Senior management approves the amount; refused (409) while there is no proof. */
export function useApproveClaim(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApproveClaimInput) => approveClaim(id, input),
    onSuccess: (claim: ClaimView) => {
      queryClient.setQueryData(claimQueryKey(id), claim);
      queryClient.invalidateQueries({ queryKey: claimsQueryKey });
    },
  });
}
