import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SessionView } from "../../../../shared/contracts/auth.js";
import { type ChangeOwnPasswordRequest, currentUserSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

export async function changeOwnPassword(input: ChangeOwnPasswordRequest) {
  return requestJson("/api/me/password", currentUserSchema, { method: "PUT", body: input });
}

export function useChangeOwnPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeOwnPassword,
    // The session stays; the person it describes no longer holds a temporary password.
    onSuccess: (user) => {
      queryClient.setQueryData<SessionView | null>(["auth", "session"], (session) =>
        session ? { ...session, user } : session,
      );
    },
  });
}
