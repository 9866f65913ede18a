import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type cancelRequestSchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type CancelRequestInput = z.input<typeof cancelRequestSchema>;

export async function cancelRequest(id: string, input: CancelRequestInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/cancel`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Cancels the request with a reason. */
export function useCancelRequest(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: CancelRequestInput) => cancelRequest(id, input),
    onSuccess: changed,
  });
}
