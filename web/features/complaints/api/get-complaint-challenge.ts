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
 * The association's name and a proof-of-work challenge. Fetched once and replaced only when the
 * page asks (after a failed send): every fetch counts against the address and costs a new solve.
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
