import { useMutation, useQueryClient } from "@tanstack/react-query";
import { categoryViewSchema } from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { categoriesQueryKey } from "./list-categories.js";

/** Replaces the other names an import accepts for a category. */
export async function setCategoryAliases(input: { categoryId: string; aliases: string[] }) {
  return requestJson(
    `/api/beneficiary-categories/${encodeURIComponent(input.categoryId)}/aliases`,
    categoryViewSchema,
    { method: "PUT", body: { aliases: input.aliases } },
  );
}

export function useSetCategoryAliases() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setCategoryAliases,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesQueryKey }),
  });
}
