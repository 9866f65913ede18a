import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { beneficiaries, beneficiaryCategories } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { AuditService } from "../audit/index.js";
import type { Announcer, SilahModule } from "../module.js";
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
  announcer: Pick<Announcer, "announce">;
}): SilahModule & { service: BeneficiariesService } {
  const repo = createBeneficiariesRepository();
  const service = createBeneficiariesService({ ...deps, repo });
  const importer = createImportService({
    db: deps.db,
    repo,
    beneficiaries: service,
    audit: deps.audit,
    clock: deps.clock,
  });
  return {
    name: "beneficiaries",
    service,
    routes: beneficiariesRoutes(service, importer, deps.audit),
    // A file by its number, not the person's name: the audit page is read by roles that do not
    // open the registry.
    auditSubjects: {
      beneficiary: (tx, ids) =>
        labelsById(tx, beneficiaries, beneficiaries.id, beneficiaries.fileNumber, ids),
      beneficiary_category: (tx, ids) =>
        labelsById(tx, beneficiaryCategories, beneficiaryCategories.id, beneficiaryCategories.nameAr, ids),
    },
    reactions: {
      // The registry's own rows; every other module moves its rows in its own reaction.
      "beneficiary.merged": {
        tables: ["consents", "household_members", "beneficiaries"],
        run: (tx, event) => repo.foldInto(tx, event.mergedId, event.keptId),
      },
    },
  };
}
