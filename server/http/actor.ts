import type { StaffRole } from "../../shared/contracts/roles.js";

/** Who is acting, as every service receives it: resolved from the session by the auth hook. */
export type Actor = {
  userId: string;
  associationId: string;
  roles: readonly StaffRole[];
  sessionId: string;
  requestId: string;
};
