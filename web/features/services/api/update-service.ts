import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { serviceViewSchema, type updateServiceRequestSchema } from "../../../../shared/contracts/services.js";
import { requestJson } from "../../../lib/http.js";
import { servicesQueryKey } from "./list-services.js";

export type UpdateServiceInput = z.input<typeof updateServiceRequestSchema>;

export async function updateService(id: string, input: UpdateServiceInput) {
  return requestJson(`/api/services/${encodeURIComponent(id)}`, serviceViewSchema, {
    method: "PATCH",
    body: input,
  });
}

/** Changes a service's name, eligibility, requirements or whether it is offered. */
export function useUpdateService(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateServiceInput) => updateService(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
