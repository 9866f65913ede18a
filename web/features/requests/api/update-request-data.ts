import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { requestViewSchema, type updateRequestDataSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type UpdateRequestDataInput = z.input<typeof updateRequestDataSchema>;

export async function updateRequestData(id: string, input: UpdateRequestDataInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/data`, requestViewSchema, {
    method: "PUT",
    body: input,
  });
}

/** Saves the service's data fields; a change after the declaration shows it as not covering. */
export function useUpdateRequestData(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: UpdateRequestDataInput) => updateRequestData(id, input),
    onSuccess: changed,
  });
}
