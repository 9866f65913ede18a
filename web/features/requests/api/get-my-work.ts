import { useQuery } from "@tanstack/react-query";
import { myWorkResponseSchema } from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export async function getMyWork(signal?: AbortSignal) {
  return requestJson("/api/my-work", myWorkResponseSchema, { signal });
}

/** What waits for the signed-in member in their roles, oldest and most urgent first. */
export function useMyWork() {
  return useQuery({ queryKey: ["my-work"], queryFn: ({ signal }) => getMyWork(signal) });
}
