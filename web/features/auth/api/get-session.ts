import { queryOptions, useQuery } from "@tanstack/react-query";
import { type SessionView, sessionViewSchema } from "../../../../shared/contracts/auth.js";
import { isApiError, requestJson, setCsrfToken } from "../../../lib/http.js";

export const sessionQueryKey = ["auth", "session"] as const;

/** The current session, or null when nobody is signed in (401 is an answer here, not a failure). */
export async function getSession(signal?: AbortSignal): Promise<SessionView | null> {
  try {
    const session = await requestJson("/api/auth/session", sessionViewSchema, { signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSession() {
  return useQuery(sessionQueryOptions());
}
