import { useQuery } from "@tanstack/react-query";
import { platformAssociationListSchema } from "../../../../shared/contracts/platform.js";
import { requestJson } from "../../../lib/http.js";

export const platformAssociationsKey = ["platform", "associations"] as const;

export async function listAssociations(signal?: AbortSignal) {
  return requestJson("/api/platform/associations", platformAssociationListSchema, { signal });
}

/** Every association the platform serves, with its status and usage counts. */
export function usePlatformAssociations() {
  return useQuery({ queryKey: platformAssociationsKey, queryFn: ({ signal }) => listAssociations(signal) });
}
