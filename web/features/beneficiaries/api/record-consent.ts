import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  consentViewSchema,
  type recordConsentRequestSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { beneficiaryQueryKey } from "./get-beneficiary.js";

export type RecordConsentInput = { beneficiaryId: string } & z.input<typeof recordConsentRequestSchema>;

export async function recordConsent({ beneficiaryId, ...consent }: RecordConsentInput) {
  return requestJson(`/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/consents`, consentViewSchema, {
    method: "POST",
    body: consent,
  });
}

export function useRecordConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordConsent,
    onSuccess: (_consent, { beneficiaryId }) =>
      queryClient.invalidateQueries({ queryKey: beneficiaryQueryKey(beneficiaryId) }),
  });
}
