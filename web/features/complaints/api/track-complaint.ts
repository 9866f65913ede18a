import { useQuery } from "@tanstack/react-query";
import { complaintTrackingSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";

export async function trackComplaint(token: string, signal?: AbortSignal) {
  return requestJson(`/api/public/complaints/${encodeURIComponent(token)}`, complaintTrackingSchema, {
    signal,
  });
}

/** A complaint's status and steps by its tracking token; nothing about anyone. */
export function useComplaintTracking(token: string) {
  return useQuery({
    queryKey: ["complaint-tracking", token],
    queryFn: ({ signal }) => trackComplaint(token, signal),
    retry: false,
  });
}
