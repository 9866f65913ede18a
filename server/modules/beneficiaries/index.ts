import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import { createBeneficiariesRepository } from "./beneficiaries.repository.js";
import { beneficiariesRoutes } from "./beneficiaries.routes.js";
import { type BeneficiariesService, createBeneficiariesService } from "./beneficiaries.service.js";
import { createImportService } from "./import.service.js";

export type { BeneficiaryWithCategory } from "./beneficiaries.repository.js";
export type { BeneficiariesService } from "./beneficiaries.service.js";

export function createBeneficiariesModule(deps: {
  db: Database;
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: BeneficiariesService } {
  const service = createBeneficiariesService({ ...deps, repo: createBeneficiariesRepository() });
  const importer = createImportService({ db: deps.db, beneficiaries: service, audit: deps.audit });
  return { name: "beneficiaries", service, routes: beneficiariesRoutes(service, importer) };
}
