import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { RateLimits } from "../../http/rate-limit.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { RequestsService } from "../requests/index.js";
import { registerPortalHooks } from "./portal.hooks.js";
import { createPortalLimits } from "./portal.limits.js";
import { createPortalRepository } from "./portal.repository.js";
import { portalRoutes } from "./portal.routes.js";
import { createPortalSecrets } from "./portal.secrets.js";
import { createPortalService, type PortalService } from "./portal.service.js";

export type { PortalService } from "./portal.service.js";

/** The beneficiary portal (ADR 0029): sign-in by ID and one-time code, and what is the person's to read. */
export function createPortalModule(deps: {
  db: Database;
  associations: AssociationsService;
  beneficiaries: BeneficiariesService;
  requests: RequestsService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  limits: RateLimits;
  secret: string;
  secureCookie: boolean;
}): SilahModule & { service: PortalService } {
  const secrets = createPortalSecrets(deps.secret);
  const service = createPortalService({
    ...deps,
    repo: createPortalRepository(),
    limits: createPortalLimits(deps.limits),
    secrets,
  });
  return {
    name: "portal",
    service,
    jobs: service.jobs,
    hooks: (app) => registerPortalHooks(app, service, secrets),
    routes: portalRoutes({ service, secureCookie: deps.secureCookie }),
    reactions: {
      "beneficiary.merged": {
        tables: ["portal_codes", "portal_sessions"],
        run: (tx, event) => service.moveBeneficiary(tx, event.mergedId, event.keptId),
      },
    },
  };
}
