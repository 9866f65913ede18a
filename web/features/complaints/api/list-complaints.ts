import { useQuery } from "@tanstack/react-query";
import { complaintListResponseSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";

export type ComplaintsFilter = { status: "open" | "closed" | "all"; assignedToMe: boolean };

export const complaintsQueryKey = ["complaints"] as const;

export async function listComplaints(filter: ComplaintsFilter, signal?: AbortSignal) {
  return requestJson("/api/complaints", complaintListResponseSchema, {
    query: { status: filter.status, assignedToMe: filter.assignedToMe ? "true" : undefined, limit: 200 },
    signal,
  });
}

/** Complaints, most urgent first. */
export function useComplaints(filter: ComplaintsFilter) {
  return useQuery({
    queryKey: [...complaintsQueryKey, "list", filter],
    queryFn: ({ signal }) => listComplaints(filter, signal),
  });
}
