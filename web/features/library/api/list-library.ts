import { useQuery } from "@tanstack/react-query";
import { type LibraryDocumentKind, libraryListResponseSchema } from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";

/** As `libraryListQuerySchema` reads it: words to search, a kind, a handling step's index. */
export type LibraryFilter = {
  q?: string | undefined;
  kind?: LibraryDocumentKind | undefined;
  step?: number | undefined;
};

export const libraryQueryKey = ["library"] as const;

export async function listLibrary(filter: LibraryFilter, signal?: AbortSignal) {
  return requestJson("/api/library", libraryListResponseSchema, { query: filter, signal });
}

/** The officer's library, searched in Arabic (the server ignores diacritics and hamza forms). */
export function useLibrary(filter: LibraryFilter) {
  return useQuery({
    queryKey: [...libraryQueryKey, filter],
    queryFn: ({ signal }) => listLibrary(filter, signal),
    placeholderData: (previous) => previous,
  });
}
