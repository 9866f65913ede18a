import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type duplicateCheckRequestSchema,
  duplicateCheckResponseSchema,
} from "../../../../shared/contracts/beneficiaries.js";
import { requestJson } from "../../../lib/http.js";

export type DuplicateCheckInput = z.input<typeof duplicateCheckRequestSchema>;

export async function checkDuplicates(input: DuplicateCheckInput) {
  return requestJson("/api/beneficiaries/duplicate-check", duplicateCheckResponseSchema, {
    method: "POST",
    body: input,
  });
}

/** Asked as the officer leaves an identifying field, and again when saving is refused as a possible duplicate. */
export function useCheckDuplicates() {
  return useMutation({ mutationFn: checkDuplicates });
}
