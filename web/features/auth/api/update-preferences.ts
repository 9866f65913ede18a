import { useMutation, useQueryClient } from "@tanstack/react-query";
import { currentUserSchema, type Locale, type SessionView } from "../../../../shared/contracts/auth.js";
import { requestJson } from "../../../lib/http.js";
import { sessionQueryKey } from "./get-session.js";

export async function updatePreferences(preferences: { locale: Locale }) {
  return requestJson("/api/me/preferences", currentUserSchema, { method: "PATCH", body: preferences });
}

export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePreferences,
    onSuccess: (user) => {
      queryClient.setQueryData<SessionView | null>(sessionQueryKey, (session) =>
        session ? { ...session, user } : session,
      );
    },
  });
}
