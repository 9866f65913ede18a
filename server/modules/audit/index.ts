import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { SilahModule } from "../module.js";
import { createAuditRepository } from "./audit.repository.js";
import { auditRoutes } from "./audit.routes.js";
import { type AuditService, createAuditService } from "./audit.service.js";

export type { AuditEventRow } from "./audit.repository.js";
export type { AuditService } from "./audit.service.js";

export function createAuditModule(deps: {
  db: Database;
  clock: Clock;
}): SilahModule & { service: AuditService } {
  const service = createAuditService({ ...deps, repo: createAuditRepository() });
  return { name: "audit", service, routes: auditRoutes(service) };
}
