import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  correspondenceViewSchema,
  type registerCorrespondenceRequestSchema,
} from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";
import { timelineQueryKey } from "./get-timeline.js";
import { correspondenceQueryKey } from "./list-correspondence.js";

export type RegisterCorrespondenceInput = z.input<typeof registerCorrespondenceRequestSchema>;

export async function registerCorrespondence(input: RegisterCorrespondenceInput) {
  return requestJson("/api/correspondence", correspondenceViewSchema, { method: "POST", body: input });
}

/** Answers with the register's next reference number, e.g. IN-1447-0001. */
export function useRegisterCorrespondence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerCorrespondence,
    onSuccess: (letter) => {
      queryClient.invalidateQueries({ queryKey: correspondenceQueryKey });
      if (letter.beneficiaryId) {
        queryClient.invalidateQueries({ queryKey: timelineQueryKey(letter.beneficiaryId) });
      }
    },
  });
}
