import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type ComplaintView,
  type complaintNoteRequestSchema,
  complaintViewSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintQueryKey } from "./get-complaint.js";
import { complaintsQueryKey } from "./list-complaints.js";

export type ComplaintNoteInput = z.input<typeof complaintNoteRequestSchema>;

export async function addComplaintNote(id: string, input: ComplaintNoteInput) {
  return requestJson(`/api/complaints/${encodeURIComponent(id)}/notes`, complaintViewSchema, {
    method: "POST",
    body: input,
  });
}

/** An investigation note (never shown to the complainant) or a contact with the complainant. */
export function useAddComplaintNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ComplaintNoteInput) => addComplaintNote(id, input),
    onSuccess: (complaint: ComplaintView) => {
      queryClient.setQueryData(complaintQueryKey(id), complaint);
      queryClient.invalidateQueries({ queryKey: complaintsQueryKey });
    },
  });
}
