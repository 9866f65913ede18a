import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import type { UsersService } from "../users/index.js";
import { createPlatformRepository } from "./platform.repository.js";
import { platformRoutes } from "./platform.routes.js";
import { createPlatformService, type PlatformService } from "./platform.service.js";

export type { PlatformService } from "./platform.service.js";

export function createPlatformModule(deps: {
  db: Database;
  associations: AssociationsService;
  users: UsersService;
  sessions: { endSessionsOfAssociation(tx: Tx, associationId: string): Promise<number> };
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: PlatformService } {
  const service = createPlatformService({ ...deps, repo: createPlatformRepository() });
  return { name: "platform", service, routes: platformRoutes(service) };
}
