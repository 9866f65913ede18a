import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type SignInRequest, sessionViewSchema } from "../../../../shared/contracts/auth.js";
import { requestJson, setCsrfToken } from "../../../lib/http.js";
import { sessionQueryKey } from "./get-session.js";

export async function signIn(credentials: SignInRequest) {
  const session = await requestJson("/api/auth/sign-in", sessionViewSchema, {
    method: "POST",
    body: credentials,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
    },
  });
}
