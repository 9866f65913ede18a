import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestVoid } from "../../../lib/http.js";

/** A lost phone: the person's two-step verification goes and they enrol again at their next sign-in. */
export async function resetSecondFactor(input: { userId: string }): Promise<void> {
  await requestVoid(`/api/users/${encodeURIComponent(input.userId)}/second-factor/reset`, { method: "POST" });
}

export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetSecondFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
