import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import {
  requestSettingsSchema,
  type updateRequestSettingsSchema,
} from "../../../../shared/contracts/requests.js";
import { requestJson } from "../../../lib/http.js";

export type UpdateRequestSettingsInput = z.input<typeof updateRequestSettingsSchema>;

export async function updateRequestSettings(input: UpdateRequestSettingsInput) {
  return requestJson("/api/request-settings", requestSettingsSchema, { method: "PUT", body: input });
}

export function useUpdateRequestSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRequestSettings,
    onSuccess: (settings) => queryClient.setQueryData(["request-settings"], settings),
  });
}
