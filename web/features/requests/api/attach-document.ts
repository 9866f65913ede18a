import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type attachDocumentSchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type AttachDocumentInput = z.input<typeof attachDocumentSchema>;

export async function attachDocument(id: string, input: AttachDocumentInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/documents`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Attaches an uploaded file to a requirement; an expired or too old document is refused with the reason. */
export function useAttachDocument(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: AttachDocumentInput) => attachDocument(id, input),
    onSuccess: changed,
  });
}
