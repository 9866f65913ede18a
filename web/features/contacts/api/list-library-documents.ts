import { useQuery } from "@tanstack/react-query";
import { libraryListResponseSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";

export async function listLibraryDocuments(signal?: AbortSignal) {
  return requestJson("/api/library", libraryListResponseSchema, { signal });
}

/** The library's documents, for citing the one an answer was taken from (H1, T1). */
export function useLibraryDocuments() {
  return useQuery({
    queryKey: ["library", "for-citation"],
    queryFn: ({ signal }) => listLibraryDocuments(signal),
  });
}
