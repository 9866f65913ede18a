import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { type recordStudySchema, requestViewSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";
import { useRequestChanged } from "./get-request.js";

export type RecordStudyInput = z.input<typeof recordStudySchema>;

export async function recordStudy(id: string, input: RecordStudyInput) {
  return requestJson(`/api/referrals/${encodeURIComponent(id)}/study`, requestViewSchema, {
    method: "POST",
    body: input,
  });
}

/** The researcher's social study or home visit, on the referral they own (the id is the referral's). */
export function useRecordStudy(id: string) {
  const changed = useRequestChanged();
  return useMutation({ mutationFn: (input: RecordStudyInput) => recordStudy(id, input), onSuccess: changed });
}
