import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { requestViewSchema, type verifyDeclarationSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type VerifyDeclarationInput = z.input<typeof verifyDeclarationSchema>;

export async function verifyDeclaration(id: string, input: VerifyDeclarationInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/declaration/verify`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** Confirms the declaration with the one-time code the beneficiary received. */
export function useVerifyDeclaration(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: VerifyDeclarationInput) => verifyDeclaration(id, input),
    onSuccess: changed,
  });
}
