import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  interactionViewSchema,
  type recordInteractionRequestSchema,
} from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";
import { timelineQueryKey } from "./get-timeline.js";
import { interactionsQueryKey } from "./list-interactions.js";

export type RecordInteractionInput = z.input<typeof recordInteractionRequestSchema>;

export async function recordInteraction(input: RecordInteractionInput) {
  return requestJson("/api/interactions", interactionViewSchema, { method: "POST", body: input });
}

/** A contact or inquiry on any channel; an inquiry left unanswered is routed to the liaison officer. */
export function useRecordInteraction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordInteraction,
    onSuccess: (interaction) => {
      if (interaction.beneficiaryId) {
        queryClient.invalidateQueries({ queryKey: timelineQueryKey(interaction.beneficiaryId) });
        queryClient.invalidateQueries({ queryKey: interactionsQueryKey(interaction.beneficiaryId) });
      }
    },
  });
}
