import { useMutation } from "@tanstack/react-query";
import { requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export async function closeRequest(id: string) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/close`, requestViewSchema, { method: "POST" });
}

/** Closes an accepted request once the service is delivered. */
export function useCloseRequest(id: string) {
  const changed = useRequestChanged();
  return useMutation({ mutationFn: () => closeRequest(id), onSuccess: changed });
}
