import { useQuery } from "@tanstack/react-query";
import { liaisonLoadResponseSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

/** Senior management's view of each liaison officer over a period of Riyadh dates (S3). */
export async function getLiaisonLoad(period: { from: string; to: string }, signal?: AbortSignal) {
  return requestJson("/api/liaison/load", liaisonLoadResponseSchema, { query: period, signal });
}

export function useLiaisonLoad(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ["liaison", "load", period],
    queryFn: ({ signal }) => getLiaisonLoad(period, signal),
    placeholderData: (previous) => previous,
  });
}
