import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { services } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { AuditService } from "../audit/index.js";
import type { Announcer, SilahModule } from "../module.js";
import { createServicesRepository } from "./services.repository.js";
import { servicesRoutes } from "./services.routes.js";
import { createServicesService, type ServicesService } from "./services.service.js";

export type { ServiceRow } from "./services.repository.js";
export type { ServicesService } from "./services.service.js";

export function createServicesModule(deps: {
  db: Database;
  audit: AuditService;
  clock: Clock;
  announcer: Pick<Announcer, "announce">;
}): SilahModule & { service: ServicesService } {
  const service = createServicesService({ ...deps, repo: createServicesRepository() });
  return {
    name: "services",
    service,
    routes: servicesRoutes(service),
    auditSubjects: { service: (tx, ids) => labelsById(tx, services, services.id, services.nameAr, ids) },
  };
}
