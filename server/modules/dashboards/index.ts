import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { ContactsService } from "../contacts/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { SilahModule } from "../module.js";
import type { SurveysService } from "../surveys/index.js";
import { createDashboardsRepository } from "./dashboards.repository.js";
import { dashboardsRoutes } from "./dashboards.routes.js";
import { createDashboardsService, type DashboardsService } from "./dashboards.service.js";

export type { DashboardsService } from "./dashboards.service.js";

/** Senior management's dashboard (S3, G7): read-only figures over the other modules' tables. */
export function createDashboardsModule(deps: {
  db: Database;
  contacts: ContactsService;
  fieldwork: FieldworkService;
  surveys: Pick<SurveysService, "satisfactionSummary">;
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: DashboardsService } {
  const service = createDashboardsService({ ...deps, repo: createDashboardsRepository() });
  return {
    name: "dashboards",
    service,
    routes: dashboardsRoutes({ dashboards: service, audit: deps.audit }),
  };
}
