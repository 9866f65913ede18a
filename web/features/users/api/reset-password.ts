import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resetPasswordResponseSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

/** Without a password the server generates one and answers it this once. */
export async function resetPassword(input: { userId: string; password?: string }) {
  return requestJson(
    `/api/users/${encodeURIComponent(input.userId)}/password-reset`,
    resetPasswordResponseSchema,
    { method: "POST", body: input.password === undefined ? {} : { password: input.password } },
  );
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
