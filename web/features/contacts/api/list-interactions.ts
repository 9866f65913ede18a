import { useQuery } from "@tanstack/react-query";
import { interactionListResponseSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

export function interactionsQueryKey(beneficiaryId: string) {
  return ["beneficiaries", "interactions", beneficiaryId] as const;
}

export async function listInteractions(beneficiaryId: string, signal?: AbortSignal) {
  return requestJson("/api/interactions", interactionListResponseSchema, {
    query: { beneficiaryId, limit: 200 },
    signal,
  });
}

/** The person's contacts with what the timeline does not carry: their attachments. */
export function useInteractions(beneficiaryId: string) {
  return useQuery({
    queryKey: interactionsQueryKey(beneficiaryId),
    queryFn: ({ signal }) => listInteractions(beneficiaryId, signal),
  });
}
