import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { committeeViewSchema, type createCommitteeSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { committeesQueryKey } from "./list-committees.js";

export type CreateCommitteeInput = z.input<typeof createCommitteeSchema>;

export async function createCommittee(input: CreateCommitteeInput) {
  return requestJson("/api/committees", committeeViewSchema, { method: "POST", body: input });
}

/** Forms a research committee (the administrator). */
export function useCreateCommittee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCommittee,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: committeesQueryKey }),
  });
}
