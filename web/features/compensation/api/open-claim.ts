import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { claimViewSchema, type openClaimRequestSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { claimsQueryKey } from "./list-claims.js";

export type OpenClaimInput = z.input<typeof openClaimRequestSchema>;

export async function openClaim(input: OpenClaimInput) {
  return requestJson("/api/compensation-claims", claimViewSchema, { method: "POST", body: input });
}

/** Opens a compensation claim, from a complaint or directly. */
export function useOpenClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openClaim,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimsQueryKey }),
  });
}
