import { useMutation, useQueryClient } from "@tanstack/react-query";
import { beneficiaryViewSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { beneficiaryQueryKey } from "./get-beneficiary.js";

export type MergeBeneficiariesInput = { keptId: string; duplicateId: string };

export async function mergeBeneficiaries({ keptId, duplicateId }: MergeBeneficiariesInput) {
  return requestJson(`/api/beneficiaries/${encodeURIComponent(keptId)}/merge`, beneficiaryViewSchema, {
    method: "POST",
    body: { duplicateId },
  });
}

/** Folds the duplicate's contacts, consents and household into the kept file; the duplicate leaves search. */
export function useMergeBeneficiaries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mergeBeneficiaries,
    onSuccess: (kept, { duplicateId }) => {
      queryClient.setQueryData(beneficiaryQueryKey(kept.id), kept);
      queryClient.invalidateQueries({ queryKey: beneficiaryQueryKey(duplicateId) });
      queryClient.invalidateQueries({ queryKey: ["beneficiaries", "search"] });
      queryClient.invalidateQueries({ queryKey: ["beneficiaries", "timeline", kept.id] });
    },
  });
}
