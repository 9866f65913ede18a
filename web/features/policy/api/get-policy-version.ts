import { useQuery } from "@tanstack/react-query";
import { policyVersionViewSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { policyQueryKey } from "./get-current-policy.js";

export async function getPolicyVersion(id: string, signal?: AbortSignal) {
  return requestJson(`/api/policy/versions/${encodeURIComponent(id)}`, policyVersionViewSchema, { signal });
}

/** One version with its content and, once approved, the board's resolution. */
export function usePolicyVersion(id: string) {
  return useQuery({
    queryKey: [...policyQueryKey, "version", id],
    queryFn: ({ signal }) => getPolicyVersion(id, signal),
  });
}

/** The official Arabic document, for the browser to show and print. */
export function printedPolicyHref(id: string): string {
  return `/api/policy/versions/${encodeURIComponent(id)}/print`;
}

/** The same document as PDF (the server answers 503 with its reason where it cannot render one). */
export function policyPdfHref(id: string): string {
  return `/api/policy/versions/${encodeURIComponent(id)}/pdf`;
}
