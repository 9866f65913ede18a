import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { conflictViewSchema, type declareConflictSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export type DeclareConflictInput = z.input<typeof declareConflictSchema>;

export async function declareConflict(input: DeclareConflictInput) {
  return requestJson("/api/conflict-declarations", conflictViewSchema, { method: "POST", body: input });
}

/** A member declares a relation to a beneficiary; they then take no part in deciding their requests. */
export function useDeclareConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: declareConflict,
    // The meeting then lists the member among those recused, and their work list drops the vote.
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["committee-meetings"] });
      queryClient.invalidateQueries({ queryKey: ["my-work"] });
    },
  });
}
