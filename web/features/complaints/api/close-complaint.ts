import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ComplaintView,
  type closeComplaintRequestSchema,
  complaintViewSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintQueryKey } from "./get-complaint.js";
import { complaintsQueryKey } from "./list-complaints.js";

export type CloseComplaintInput = z.input<typeof closeComplaintRequestSchema>;

export async function closeComplaint(id: string, input: CloseComplaintInput) {
  return requestJson(`/api/complaints/${encodeURIComponent(id)}/close`, complaintViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Closes with an outcome; an amicable settlement carries its terms and the complainant's acceptance. */
export function useCloseComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseComplaintInput) => closeComplaint(id, input),
    onSuccess: (complaint: ComplaintView) => {
      queryClient.setQueryData(complaintQueryKey(id), complaint);
      queryClient.invalidateQueries({ queryKey: complaintsQueryKey });
    },
  });
}
