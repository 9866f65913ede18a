import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StaffRole } from "../../../../shared/contracts/roles.js";
import { userViewSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

export async function changeRoles(input: { userId: string; roles: StaffRole[] }) {
  return requestJson(`/api/users/${encodeURIComponent(input.userId)}/roles`, userViewSchema, {
    method: "PUT",
    body: { roles: input.roles },
  });
}

export function useChangeRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
