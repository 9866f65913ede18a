import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  liaisonRouteListResponseSchema,
  type setLiaisonRoutesRequestSchema,
} from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";
import { liaisonRoutesQueryKey } from "./list-liaison-routes.js";

export type SetLiaisonRoutesInput = z.input<typeof setLiaisonRoutesRequestSchema>;

/** Replaces the whole routing table with the one sent. */
export async function setLiaisonRoutes(input: SetLiaisonRoutesInput) {
  return requestJson("/api/liaison-routes", liaisonRouteListResponseSchema, { method: "PUT", body: input });
}

export function useSetLiaisonRoutes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setLiaisonRoutes,
    onSuccess: (routes) => queryClient.setQueryData(liaisonRoutesQueryKey, routes),
  });
}
