import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type recordDeliverySchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type RecordDeliveryInput = z.input<typeof recordDeliverySchema>;

export async function recordDelivery(id: string, input: RecordDeliveryInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/deliveries`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Records a delivery against the decision; the server refuses one beyond the approved amount. */
export function useRecordDelivery(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: RecordDeliveryInput) => recordDelivery(id, input),
    onSuccess: changed,
  });
}
