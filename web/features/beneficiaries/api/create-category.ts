import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  categoryViewSchema,
  type createCategoryRequestSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";
import { categoriesQueryKey } from "./list-categories.js";

export type CreateCategoryInput = z.input<typeof createCategoryRequestSchema>;

export async function createCategory(input: CreateCategoryInput) {
  return requestJson("/api/beneficiary-categories", categoryViewSchema, { method: "POST", body: input });
}

export function useCreateCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesQueryKey }),
  });
}
