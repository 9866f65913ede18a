import { useMutation, useQueryClient } from "@tanstack/react-query";
import { platformAssociationSchema } from "../../../../shared/contracts/platform.js";
import { requestJson } from "../../../lib/http.js";
import { platformAssociationsKey } from "./list-associations.js";

export async function setAssociationSuspended(input: { associationId: string; suspend: boolean }) {
  const action = input.suspend ? "suspend" : "reactivate";
  return requestJson(
    `/api/platform/associations/${encodeURIComponent(input.associationId)}/${action}`,
    platformAssociationSchema,
    { method: "POST" },
  );
}

/** Suspends or reactivates an association; the list shows the new state. */
export function useSetAssociationSuspended() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setAssociationSuspended,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformAssociationsKey }),
  });
}
