import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type SessionView,
  type SignInRequest,
  type SignInResponse,
  signInResponseSchema,
} from "../../../../shared/contracts/auth.js";
import { requestJson, setCsrfToken } from "../../../lib/http.js";
import { sessionQueryKey } from "./get-session.js";

/** The password step: a session, a choice of association, or the request for a code. */
export async function signIn(credentials: SignInRequest): Promise<SignInResponse> {
  const answer = await requestJson("/api/auth/sign-in", signInResponseSchema, {
    method: "POST",
    body: credentials,
  });
  if (answer.step === "signed_in") setCsrfToken(answer.csrfToken);
  return answer;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => {
      if (answer.step !== "signed_in") return;
      const { step: _, ...session } = answer;
      queryClient.setQueryData<SessionView>(sessionQueryKey, session);
    },
  });
}
