import { useQuery } from "@tanstack/react-query";
import { complaintViewSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintsQueryKey } from "./list-complaints.js";

export const complaintQueryKey = (id: string) => [...complaintsQueryKey, "one", id] as const;

export async function getComplaint(id: string, signal?: AbortSignal) {
  return requestJson(`/api/complaints/${encodeURIComponent(id)}`, complaintViewSchema, { signal });
}

/** One complaint with its steps, the complainant's contact and its attachments. */
export function useComplaint(id: string) {
  return useQuery({ queryKey: complaintQueryKey(id), queryFn: ({ signal }) => getComplaint(id, signal) });
}
