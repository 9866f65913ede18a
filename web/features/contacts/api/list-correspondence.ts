import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type correspondenceDirectionSchema,
  correspondenceListResponseSchema,
} from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

export type CorrespondenceFilter = {
  beneficiaryId?: string;
  direction?: z.infer<typeof correspondenceDirectionSchema>;
};

export const correspondenceQueryKey = ["correspondence"] as const;

export async function listCorrespondence(filter: CorrespondenceFilter, signal?: AbortSignal) {
  return requestJson("/api/correspondence", correspondenceListResponseSchema, {
    query: { ...filter, limit: 200 },
    signal,
  });
}

/** The register, newest first: the whole association's, or one beneficiary's letters. */
export function useCorrespondence(filter: CorrespondenceFilter) {
  return useQuery({
    queryKey: [...correspondenceQueryKey, filter],
    queryFn: ({ signal }) => listCorrespondence(filter, signal),
  });
}
