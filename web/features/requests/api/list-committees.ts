import { useQuery } from "@tanstack/react-query";
import { committeeListResponseSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export const committeesQueryKey = ["committees"] as const;

export async function listCommittees(signal?: AbortSignal) {
  return requestJson("/api/committees", committeeListResponseSchema, { signal });
}

/** The association's research committees with their members and quorum. */
export function useCommittees(enabled = true) {
  return useQuery({ queryKey: committeesQueryKey, queryFn: ({ signal }) => listCommittees(signal), enabled });
}
