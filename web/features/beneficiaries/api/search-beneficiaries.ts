import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { beneficiarySearchResponseSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

/** The one search box needs at least two characters before it asks the server. */
export const minimumSearchLength = 2;

export async function searchBeneficiaries(q: string, signal?: AbortSignal) {
  return requestJson("/api/beneficiaries", beneficiarySearchResponseSchema, { query: { q }, signal });
}

/** Name in any usual spelling, national ID, phone in any form, or file number: the server decides which. */
export function useBeneficiarySearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ["beneficiaries", "search", text],
    queryFn: ({ signal }) => searchBeneficiaries(text, signal),
    enabled: text.length >= minimumSearchLength,
    // Keep the last answer on screen while the next keystroke's answer arrives.
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
