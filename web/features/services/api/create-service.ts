import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createServiceRequestSchema, serviceViewSchema } from "../../../../shared/contracts/services.js";
import { requestJson } from "../../../lib/http.js";
import { servicesQueryKey } from "./list-services.js";

export type CreateServiceInput = z.input<typeof createServiceRequestSchema>;

export async function createService(input: CreateServiceInput) {
  return requestJson("/api/services", serviceViewSchema, { method: "POST", body: input });
}

/** Adds a service to the catalogue (the administrator). */
export function useCreateService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createService,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: servicesQueryKey }),
  });
}
