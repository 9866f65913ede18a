import { useMutation } from "@tanstack/react-query";
import { secondFactorEnrolmentSchema } from "../../../../shared/contracts/auth.js";
import { requestJson } from "../../../lib/http.js";

/** A new key for the authenticator app; nothing changes until a code confirms it. */
export async function startEnrolment() {
  return requestJson("/api/auth/second-factor/enrolment", secondFactorEnrolmentSchema, { method: "POST" });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: startEnrolment });
}
