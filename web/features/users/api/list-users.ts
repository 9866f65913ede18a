import { useQuery } from "@tanstack/react-query";
import { userListResponseSchema } from "../../../../shared/contracts/users.js";
import { requestJson } from "../../../lib/http.js";

export async function listUsers(signal?: AbortSignal) {
  return requestJson("/api/users", userListResponseSchema, { signal });
}

/** The association's staff with their roles (administrator, manager, HR). */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: ["users"], queryFn: ({ signal }) => listUsers(signal), enabled });
}
