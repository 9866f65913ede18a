import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import {
  declarationStartedSchema,
  type startDeclarationSchema,
} from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type StartDeclarationInput = z.input<typeof startDeclarationSchema>;

export async function startDeclaration(id: string, input: StartDeclarationInput) {
  return requestJson(`/api/requests/${encodeURIComponent(id)}/declaration`, declarationStartedSchema, {
    method: "POST",
    body: input,
  });
}

/** Signs on screen or by a scanned form at once; a one-time code is sent and waits to be entered. */
export function useStartDeclaration(id: string) {
  const changed = useRequestChanged();
  return useMutation({
    mutationFn: (input: StartDeclarationInput) => startDeclaration(id, input),
    onSuccess: (answer) => changed(answer.request),
  });
}
