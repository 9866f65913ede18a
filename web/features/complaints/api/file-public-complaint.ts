import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import {
  complaintReceiptSchema,
  type publicComplaintRequestSchema,
} from "../../../../shared/contracts/complaints.js";
import { requestJson } from "../../../lib/http.js";

export type PublicComplaintInput = z.input<typeof publicComplaintRequestSchema>;

export async function filePublicComplaint(slug: string, input: PublicComplaintInput) {
  return requestJson(
    `/api/public/associations/${encodeURIComponent(slug)}/complaints`,
    complaintReceiptSchema,
    { method: "POST", body: input },
  );
}

/** Files a complaint without an account; answers with the reference number and the tracking link. */
export function useFilePublicComplaint(slug: string) {
  return useMutation({ mutationFn: (input: PublicComplaintInput) => filePublicComplaint(slug, input) });
}
