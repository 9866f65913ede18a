import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type openAssociationRequestSchema,
  openAssociationResponseSchema,
} from "../../../../shared/contracts/platform.js";
import { requestJson } from "../../../lib/http.js";
import { platformAssociationsKey } from "./list-associations.js";

export type OpenAssociationInput = z.input<typeof openAssociationRequestSchema>;

export async function openAssociation(input: OpenAssociationInput) {
  return requestJson("/api/platform/associations", openAssociationResponseSchema, {
    method: "POST",
    body: input,
  });
}

export function useOpenAssociation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openAssociation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformAssociationsKey }),
  });
}
