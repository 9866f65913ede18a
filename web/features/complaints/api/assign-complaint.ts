import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ComplaintView, complaintViewSchema } from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintQueryKey } from "./get-complaint.js";
import { complaintsQueryKey } from "./list-complaints.js";

export async function assignComplaint(id: string, assigneeId: string) {
  return requestJson(`/api/complaints/${encodeURIComponent(id)}/assign`, complaintViewSchema, {
    method: "POST",
    body: { assigneeId },
  });
}

/** Assigns the complaint to a member of the follow-up committee (or a manager, or the administrator). */
export function useAssignComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assigneeId: string) => assignComplaint(id, assigneeId),
    onSuccess: (complaint: ComplaintView) => {
      queryClient.setQueryData(complaintQueryKey(id), complaint);
      queryClient.invalidateQueries({ queryKey: complaintsQueryKey });
    },
  });
}
