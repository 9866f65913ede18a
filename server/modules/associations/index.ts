import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import { createAssociationsRepository } from "./associations.repository.js";
import { associationsRoutes } from "./associations.routes.js";
import { type AssociationsService, createAssociationsService } from "./associations.service.js";

export type { AssociationRow } from "./associations.repository.js";
export type { AssociationsService } from "./associations.service.js";

export function createAssociationsModule(deps: {
  db: Database;
  audit: AuditService;
}): SilahModule & { service: AssociationsService } {
  const service = createAssociationsService({ ...deps, repo: createAssociationsRepository() });
  return { name: "associations", service, routes: associationsRoutes(service) };
}
