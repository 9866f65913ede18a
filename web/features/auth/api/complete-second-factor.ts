import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type SecondFactorSignInRequest, sessionViewSchema } from "../../../../shared/contracts/auth.js";
import { requestJson, setCsrfToken } from "../../../lib/http.js";
import { sessionQueryKey } from "./get-session.js";

/** The second step of sign-in: the code from the authenticator app, or a recovery code. */
export async function completeSecondFactor(input: SecondFactorSignInRequest) {
  const session = await requestJson("/api/auth/sign-in/second-factor", sessionViewSchema, {
    method: "POST",
    body: input,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useCompleteSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeSecondFactor,
    onSuccess: (session) => queryClient.setQueryData(sessionQueryKey, session),
  });
}
