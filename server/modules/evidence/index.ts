import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { PdfRenderer } from "../../lib/pdf.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { CompensationService } from "../complaints/compensation.service.js";
import type { ComplaintsService } from "../complaints/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { PolicyService } from "../policy/index.js";
import type { RequestsService } from "../requests/index.js";
import { createEvidenceRepository } from "./evidence.repository.js";
import { evidenceRoutes } from "./evidence.routes.js";
import { createEvidenceService, type EvidenceService, type SatisfactionReader } from "./evidence.service.js";

export type { EvidenceService, SatisfactionReader } from "./evidence.service.js";

/**
 * The evidence pack for the annual governance assessment (SPEC G7, P2, P3; ADR 0028): a background
 * job reads each section through the module that owns it and keeps one Arabic PDF and one Excel
 * workbook as the association's files.
 */
export function createEvidenceModule(deps: {
  db: Database;
  associations: Pick<AssociationsService, "findById">;
  files: FilesService;
  policy: Pick<PolicyService, "evidenceFor">;
  requests: Pick<RequestsService, "complianceIn">;
  complaints: Pick<ComplaintsService, "registerFor">;
  compensation: Pick<CompensationService, "decisionsFor">;
  fieldwork: Pick<FieldworkService, "visitsFor">;
  /** The surveys module's summary for a period; without it the section says there are no answers. */
  satisfaction?: SatisfactionReader;
  pdf: PdfRenderer;
  audit: AuditService;
  queue: JobQueue;
  clock: Clock;
}): SilahModule & { service: EvidenceService } {
  const service = createEvidenceService({ ...deps, repo: createEvidenceRepository() });
  deps.files.declareUses({
    tables: ["evidence_packs"],
    kindsOf: async (tx, fileId) => ((await service.holdsFile(tx, fileId)) ? ["evidence_pack"] : []),
  });
  return {
    name: "evidence",
    service,
    jobs: service.jobs,
    routes: evidenceRoutes(service),
    auditSubjects: { evidence_pack: service.periodLabels },
  };
}
