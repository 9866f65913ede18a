import { useQuery } from "@tanstack/react-query";
import { timelineResponseSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

export function timelineQueryKey(beneficiaryId: string) {
  return ["beneficiaries", "timeline", beneficiaryId] as const;
}

export async function getTimeline(beneficiaryId: string, signal?: AbortSignal) {
  return requestJson(
    `/api/beneficiaries/${encodeURIComponent(beneficiaryId)}/timeline`,
    timelineResponseSchema,
    { signal },
  );
}

/** The person's story, newest first: registration, contacts, answers, consents, merges. */
export function useTimeline(beneficiaryId: string) {
  return useQuery({
    queryKey: timelineQueryKey(beneficiaryId),
    queryFn: ({ signal }) => getTimeline(beneficiaryId, signal),
  });
}
