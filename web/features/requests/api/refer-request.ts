import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type referRequestSchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type ReferRequestInput = z.input<typeof referRequestSchema>;

export async function referRequest(id: string, input: ReferRequestInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/referrals`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Refers the request to the role the association names (H4). */
export function useReferRequest(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: ReferRequestInput) => referRequest(id, input),
    onSuccess: changed,
  });
}
