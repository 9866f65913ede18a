import { useQuery } from "@tanstack/react-query";
import { categoryListResponseSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

export const categoriesQueryKey = ["beneficiary-categories"] as const;

export async function listCategories(signal?: AbortSignal) {
  return requestJson("/api/beneficiary-categories", categoryListResponseSchema, { signal });
}

/** The association's beneficiary categories; they change rarely. */
export function useCategories() {
  return useQuery({
    queryKey: categoriesQueryKey,
    queryFn: ({ signal }) => listCategories(signal),
    staleTime: 5 * 60_000,
  });
}
