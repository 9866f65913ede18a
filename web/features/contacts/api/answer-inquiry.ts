import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type AnswerInquiryRequest, interactionViewSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";
import { inboxQueryKey } from "./get-inbox.js";
import { timelineQueryKey } from "./get-timeline.js";
import { interactionsQueryKey } from "./list-interactions.js";

export async function answerInquiry(id: string, input: AnswerInquiryRequest) {
  return requestJson(`/api/interactions/${id}/answer`, interactionViewSchema, {
    method: "POST",
    body: input,
  });
}

/** The answer to a routed inquiry: it leaves the open list and the beneficiary is told (H1). */
export function useAnswerInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AnswerInquiryRequest }) => answerInquiry(id, input),
    onSuccess: (interaction) => {
      queryClient.invalidateQueries({ queryKey: inboxQueryKey });
      queryClient.invalidateQueries({ queryKey: ["my-work"] });
      if (interaction.beneficiaryId) {
        queryClient.invalidateQueries({ queryKey: timelineQueryKey(interaction.beneficiaryId) });
        queryClient.invalidateQueries({ queryKey: interactionsQueryKey(interaction.beneficiaryId) });
      }
    },
  });
}
