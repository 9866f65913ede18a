import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { sessionQueryKey } from "../features/auth/api/get-session.js";
import { myAcknowledgementQueryKey } from "../features/policy/api/get-my-acknowledgement.js";
import { I18nProvider } from "../i18n/i18n.js";
import { isApiError } from "../lib/http.js";

/**
 * A 401 from any request means the session is gone (expired, signed out elsewhere): forget it, and
 * the session guard sends the person to the sign-in page. A refusal for an unsigned policy (a new
 * version approved while they work) asks again, and the sign gate shows the policy to sign.
 */
function forgetSessionOn401(error: unknown) {
  if (isApiError(error) && error.status === 401) {
    queryClient.setQueryData(sessionQueryKey, null);
  }
  if (isApiError(error) && error.code === "policy_acknowledgement_required") {
    void queryClient.invalidateQueries({ queryKey: myAcknowledgementQueryKey });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetSessionOn401 }),
  mutationCache: new MutationCache({ onError: forgetSessionOn401 }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal changes nothing; retry only what might be a passing network fault.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status >= 400),
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>{children}</I18nProvider>
    </QueryClientProvider>
  );
}
