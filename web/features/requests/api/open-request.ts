import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { type openRequestSchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { requestQueryKey } from "./get-request.js";
import { requestsQueryKey } from "./list-requests.js";

export type OpenRequestInput = z.input<typeof openRequestSchema>;

export async function openRequest(input: OpenRequestInput) {
  return requestJson("/api/requests", requestViewSchema, { method: "POST", body: input });
}

/** Opens a request for a beneficiary and a service; it answers what is still missing. */
export function useOpenRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openRequest,
    onSuccess: (request) => {
      queryClient.setQueryData(requestQueryKey(request.id), request);
      queryClient.invalidateQueries({ queryKey: requestsQueryKey });
      queryClient.invalidateQueries({ queryKey: ["my-work"] });
    },
  });
}
