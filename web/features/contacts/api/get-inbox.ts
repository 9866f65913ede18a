import { useQuery } from "@tanstack/react-query";
import { inboxResponseSchema } from "../../../../shared/contracts/contacts.js";
import { requestJson } from "../../../lib/http.js";

export type InboxStatus = "open" | "answered";

export const inboxQueryKey = ["liaison", "inbox"] as const;

export async function getInbox(status: InboxStatus, signal?: AbortSignal) {
  return requestJson("/api/liaison/inbox", inboxResponseSchema, { query: { status }, signal });
}

/** The inquiries routed to the signed-in liaison officer (I1), open ones oldest first. */
export function useInbox(status: InboxStatus) {
  return useQuery({
    queryKey: [...inboxQueryKey, status],
    queryFn: ({ signal }) => getInbox(status, signal),
  });
}
