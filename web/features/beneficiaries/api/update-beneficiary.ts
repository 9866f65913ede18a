import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  beneficiaryViewSchema,
  type updateBeneficiaryRequestSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { beneficiaryQueryKey } from "./get-beneficiary.js";

export type UpdateBeneficiaryInput = { beneficiaryId: string } & z.input<
  typeof updateBeneficiaryRequestSchema
>;

export async function updateBeneficiary({ beneficiaryId, ...changes }: UpdateBeneficiaryInput) {
  return requestJson(`/api/beneficiaries/${encodeURIComponent(beneficiaryId)}`, beneficiaryViewSchema, {
    method: "PATCH",
    body: changes,
  });
}

/** Sends only what changed; refused with `possible_duplicates` (409) as registration is. */
export function useUpdateBeneficiary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBeneficiary,
    onSuccess: (beneficiary) => {
      queryClient.setQueryData(beneficiaryQueryKey(beneficiary.id), beneficiary);
      queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] });
    },
  });
}
