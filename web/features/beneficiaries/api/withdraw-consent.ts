import { useMutation, useQueryClient } from "@tanstack/react-query";
import { consentViewSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { beneficiaryQueryKey } from "./get-beneficiary.js";

export type WithdrawConsentInput = { beneficiaryId: string; consentId: string };

export async function withdrawConsent({ beneficiaryId, consentId }: WithdrawConsentInput) {
  return requestJson(
    `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
    consentViewSchema,
    { method: "POST" },
  );
}

export function useWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawConsent,
    onSuccess: (_consent, { beneficiaryId }) =>
      queryClient.invalidateQueries({ queryKey: beneficiaryQueryKey(beneficiaryId) }),
  });
}
