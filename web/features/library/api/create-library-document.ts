import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type createLibraryDocumentRequestSchema,
  libraryDocumentViewSchema,
} from "../../../../shared/contracts/policy.js";
import { requestJson } from "../../../lib/http.js";
import { libraryQueryKey } from "./list-library.js";

export async function createLibraryDocument(input: z.input<typeof createLibraryDocumentRequestSchema>) {
  return requestJson("/api/library", libraryDocumentViewSchema, { method: "POST", body: input });
}

/** Adds a document with its first version (administrator). */
export function useCreateLibraryDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLibraryDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: libraryQueryKey }),
  });
}
