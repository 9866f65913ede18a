import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { libraryDocuments, policyVersions } from "../../db/schema-policy.js";
import { labelsById } from "../../db/subject-labels.js";
import type { PdfRenderer } from "../../lib/pdf.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { UsersService } from "../users/index.js";
import { registerAcknowledgementGate } from "./policy.hooks.js";
import { createPolicyRepository } from "./policy.repository.js";
import { policyRoutes } from "./policy.routes.js";
import { createPolicyService, type PolicyService } from "./policy.service.js";

export type { PolicyService } from "./policy.service.js";

export function createPolicyModule(deps: {
  db: Database;
  associations: AssociationsService;
  users: UsersService;
  files: FilesService;
  audit: AuditService;
  clock: Clock;
  /** The app's one PDF renderer (server/app.ts), shared with the evidence packs. */
  pdf: PdfRenderer;
}): SilahModule & { service: PolicyService } {
  const repo = createPolicyRepository();
  const service = createPolicyService({ ...deps, repo });
  deps.files.declareUses({
    tables: ["library_document_versions"],
    kindsOf: async (tx, fileId) => ((await repo.holdsFile(tx, fileId)) ? ["library_document"] : []),
  });
  return {
    name: "policy",
    service,
    routes: policyRoutes(service, deps.audit),
    auditSubjects: {
      policy_version: (tx, ids) =>
        labelsById(tx, policyVersions, policyVersions.id, policyVersions.versionNumber, ids),
      library_document: (tx, ids) =>
        labelsById(tx, libraryDocuments, libraryDocuments.id, libraryDocuments.titleAr, ids),
    },
    hooks: (app) => {
      registerAcknowledgementGate(app, service);
      // The shared browser ends with the app; the policy module, its first user, closes it.
      app.addHook("onClose", () => deps.pdf.close());
    },
  };
}
