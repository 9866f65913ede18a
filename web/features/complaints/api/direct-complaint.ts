import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ComplaintView, complaintViewSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintQueryKey } from "./get-complaint.js";
import { complaintsQueryKey } from "./list-complaints.js";

export async function directComplaint(id: string, note: string) {
  return requestJson(`/api/complaints/${encodeURIComponent(id)}/directions`, complaintViewSchema, {
    method: "POST",
    body: { note },
  });
}

/** Senior management's comment and direction on a complaint (S3); the complainant never sees it. */
export function useDirectComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: string) => directComplaint(id, note),
    onSuccess: (complaint: ComplaintView) => {
      queryClient.setQueryData(complaintQueryKey(id), complaint);
      queryClient.invalidateQueries({ queryKey: complaintsQueryKey });
    },
  });
}
