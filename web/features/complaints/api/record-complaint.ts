import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  complaintReceiptSchema,
  type staffComplaintRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";
import { complaintsQueryKey } from "./list-complaints.js";

export type RecordComplaintInput = z.input<typeof staffComplaintRequestSchema>;

export async function recordComplaint(input: RecordComplaintInput) {
  return requestJson("/api/complaints", complaintReceiptSchema, { method: "POST", body: input });
}

/** A complaint received by phone, fax, letter or in person, recorded with its channel. */
export function useRecordComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordComplaint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintsQueryKey }),
  });
}
