import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { UsersService } from "../users/index.js";
import { createPdfRenderer } from "./pdf.js";
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
  /** The browser that renders the PDF; the system Chromium unless given. */
  chromiumPath?: string;
}): SilahModule & { service: PolicyService } {
  const repo = createPolicyRepository();
  // One browser for the whole app, started on the first PDF and ended with the app.
  const pdf = createPdfRenderer({ executablePath: deps.chromiumPath });
  const service = createPolicyService({ ...deps, pdf, repo });
  deps.files.declareUses({
    tables: ["library_document_versions"],
    kindsOf: async (tx, fileId) => ((await repo.holdsFile(tx, fileId)) ? ["library_document"] : []),
  });
  return {
    name: "policy",
    service,
    routes: policyRoutes(service, deps.audit),
    hooks: (app) => {
      registerAcknowledgementGate(app, service);
      app.addHook("onClose", () => pdf.close());
    },
  };
}
