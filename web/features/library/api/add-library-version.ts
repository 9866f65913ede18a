import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  libraryDocumentViewSchema,
  type libraryVersionRequestSchema,
} from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { libraryQueryKey } from "./list-library.js";

export async function addLibraryVersion({
  id,
  version,
}: {
  id: string;
  version: z.input<typeof libraryVersionRequestSchema>;
}) {
  return requestJson(`/api/library/${encodeURIComponent(id)}/versions`, libraryDocumentViewSchema, {
    method: "POST",
    body: version,
  });
}

/** A newer edition of a document: it becomes the one in force, the older ones stay downloadable. */
export function useAddLibraryVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addLibraryVersion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryQueryKey }),
  });
}
