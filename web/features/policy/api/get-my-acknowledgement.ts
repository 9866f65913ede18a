import { useQuery } from "@tanstack/react-query";
import { myAcknowledgementSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export const myAcknowledgementQueryKey = [...policyQueryKey, "acknowledgement", "mine"] as const;

export async function getMyAcknowledgement(signal?: AbortSignal) {
  return requestJson("/api/policy/acknowledgement", myAcknowledgementSchema, { signal });
}

/** Whether the signed-in person must still read and sign the policy in force (asked at sign-in). */
export function useMyAcknowledgement() {
  return useQuery({
    queryKey: myAcknowledgementQueryKey,
    queryFn: ({ signal }) => getMyAcknowledgement(signal),
    retry: false,
  });
}
