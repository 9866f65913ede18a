import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  beneficiaryViewSchema,
  type createBeneficiaryRequestSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { beneficiaryQueryKey } from "./get-beneficiary.js";

export type RegisterBeneficiaryInput = z.input<typeof createBeneficiaryRequestSchema>;

export async function registerBeneficiary(input: RegisterBeneficiaryInput) {
  return requestJson("/api/beneficiaries", beneficiaryViewSchema, { method: "POST", body: input });
}

/** Refused with `possible_duplicates` (409) until the officer confirms it is another person. */
export function useRegisterBeneficiary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerBeneficiary,
    onSuccess: (beneficiary) => {
      queryClient.setQueryData(beneficiaryQueryKey(beneficiary.id), beneficiary);
      queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] });
    },
  });
}
