import { useMutation, useQueryClient } from "@tanstack/react-query";
import { userViewSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

/** The one-click acts on an account, each its own endpoint: POST /api/users/{id}/<action>. */
export type AccountAction = "deactivate" | "reactivate" | "unlock" | "sessions/end";

export async function runAccountAction(input: { userId: string; action: AccountAction }) {
  return requestJson(`/api/users/${encodeURIComponent(input.userId)}/${input.action}`, userViewSchema, {
    method: "POST",
  });
}

export function useAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runAccountAction,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
