import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type createUserRequestSchema, userViewSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

export type CreateUserInput = z.input<typeof createUserRequestSchema>;

export async function createUser(input: CreateUserInput) {
  return requestJson("/api/users", userViewSchema, { method: "POST", body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
