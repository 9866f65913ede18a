import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type closeReferralSchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type CloseReferralInput = z.input<typeof closeReferralSchema>;

export async function closeReferral(id: string, input: CloseReferralInput) {
  return requestJson(`/api/referrals/${encodeURIComponent(id)}/close`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Closes the referral with its outcome (the id is the referral's). */
export function useCloseReferral(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: CloseReferralInput) => closeReferral(id, input),
    onSuccess: changed,
  });
}
