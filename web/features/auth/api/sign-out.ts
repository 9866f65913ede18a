import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requestVoid, setCsrfToken } from "../../../lib/http.js";
import { sessionQueryKey } from "./get-session.js";

export async function signOut(): Promise<void> {
  await requestVoid("/api/auth/sign-out", { method: "POST" });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Whatever the server answered, this browser forgets the session and everything read under it.
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}
