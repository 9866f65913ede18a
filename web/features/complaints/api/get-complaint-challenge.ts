import { useQuery } from "@tanstack/react-query";
import { challengeResponseSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";

export const challengeQueryKey = (slug: string) => ["complaint-challenge", slug] as const;

export async function getComplaintChallenge(slug: string, signal?: AbortSignal) {
  return requestJson(
    `/api/public/associations/${encodeURIComponent(slug)}/complaint-challenge`,
    challengeResponseSchema,
    { signal },
  );
}

/**
 * The human check's question and its signed token. Kept as fetched (no refetch on focus): a new
 * token under an old question would fail a correct answer.
 */
export function useComplaintChallenge(slug: string) {
  return useQuery({
    queryKey: challengeQueryKey(slug),
    queryFn: ({ signal }) => getComplaintChallenge(slug, signal),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}
