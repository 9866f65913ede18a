import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { users } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import { registerPasswordChangeHook } from "./users.hooks.js";
import { createUsersRepository } from "./users.repository.js";
import { usersRoutes } from "./users.routes.js";
import { createUsersService, type StaffSessions, type UsersService } from "./users.service.js";

export { presentCurrentUser } from "./users.presenter.js";
export type { UserRow } from "./users.repository.js";
export type { CredentialCheck, StaffSessions, UsersService } from "./users.service.js";

export function createUsersModule(deps: {
  db: Database;
  audit: AuditService;
  associations: AssociationsService;
  /** Session control lives in the auth module, which is built after this one: pass closures. */
  sessions: StaffSessions;
  clock: Clock;
}): SilahModule & { service: UsersService } {
  const service = createUsersService({ ...deps, repo: createUsersRepository() });
  return {
    name: "users",
    service,
    hooks: (app) => registerPasswordChangeHook(app, service),
    routes: usersRoutes(service, deps.associations),
    auditSubjects: { user: (tx, ids) => labelsById(tx, users, users.id, users.fullName, ids) },
  };
}
