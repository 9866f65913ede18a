import { useQuery } from "@tanstack/react-query";
import { complaintsDashboardSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintsQueryKey } from "./list-complaints.js";

export async function getComplaintsDashboard(signal?: AbortSignal) {
  return requestJson("/api/complaints/dashboard", complaintsDashboardSchema, { signal });
}

/** Senior management's view (S3): open, overdue, escalated, ageing, categories and months. */
export function useComplaintsDashboard() {
  return useQuery({
    queryKey: [...complaintsQueryKey, "dashboard"],
    queryFn: ({ signal }) => getComplaintsDashboard(signal),
  });
}
