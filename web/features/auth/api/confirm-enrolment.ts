import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ConfirmEnrolmentRequest,
  confirmEnrolmentResponseSchema,
} from "../../../../shared/contracts/auth.js";
import { requestJson, setCsrfToken } from "../../../lib/http.js";
import { secondFactorQueryKey } from "./get-second-factor.js";
import { sessionQueryKey } from "./get-session.js";

/**
 * Confirms enrolment with the app's first code. The server replaces the session's tokens, so the
 * new CSRF token is taken at once; the session and status are updated once the person has kept
 * the recovery codes (updating them earlier would take the codes off the screen).
 */
export async function confirmEnrolment(input: ConfirmEnrolmentRequest) {
  const confirmed = await requestJson(
    "/api/auth/second-factor/enrolment/confirm",
    confirmEnrolmentResponseSchema,
    {
      method: "POST",
      body: input,
    },
  );
  setCsrfToken(confirmed.session.csrfToken);
  return confirmed;
}

export function useConfirmEnrolment() {
  return useMutation({ mutationFn: confirmEnrolment });
}

/** Once the recovery codes are kept: the session and the status show the second factor on. */
export function useFinishEnrolment() {
  const queryClient = useQueryClient();
  return (session: Awaited<ReturnType<typeof confirmEnrolment>>["session"]) => {
    queryClient.setQueryData(sessionQueryKey, session);
    void queryClient.invalidateQueries({ queryKey: secondFactorQueryKey });
  };
}
