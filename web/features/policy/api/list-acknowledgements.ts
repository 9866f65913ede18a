import { useQuery } from "@tanstack/react-query";
import { acknowledgementReportSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function listAcknowledgements(signal?: AbortSignal) {
  return requestJson("/api/policy/acknowledgements", acknowledgementReportSchema, { signal });
}

/** Who has signed the policy in force and who has not (HR, senior management). */
export function useAcknowledgements() {
  return useQuery({
    queryKey: [...policyQueryKey, "acknowledgement", "report"],
    queryFn: ({ signal }) => listAcknowledgements(signal),
  });
}
