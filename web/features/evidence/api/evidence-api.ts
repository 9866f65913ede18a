import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CreateEvidencePackRequest,
  evidencePackListResponseSchema,
  evidencePackViewSchema,
} from "../../../../shared/contracts/evidence.js";
import { requestJson } from "../../../lib/http.js";

const packsKey = ["evidence", "packs"] as const;

/** The association's packs, newest first; polled every two seconds while one is being made. */
export function useEvidencePacks() {
  return useQuery({
    queryKey: packsKey,
    queryFn: ({ signal }) => requestJson("/api/evidence-packs", evidencePackListResponseSchema, { signal }),
    refetchInterval: (query) =>
      query.state.data?.items.some((p) => p.status === "queued" || p.status === "running") ? 2000 : false,
  });
}

export function useRequestEvidencePack() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEvidencePackRequest) =>
      requestJson("/api/evidence-packs", evidencePackViewSchema, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: packsKey }),
  });
}

/** A pack's PDF or workbook, through the files module (the download is logged there). */
export function packFileHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}`;
}
