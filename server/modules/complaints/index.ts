import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { complaints } from "../../db/schema-complaints.js";
import { labelsById } from "../../db/subject-labels.js";
import type { RateLimits } from "../../http/rate-limit.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { Announcer, SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { UsersService } from "../users/index.js";
import { createCompensationRepository } from "./compensation.repository.js";
import { type CompensationService, createCompensationService } from "./compensation.service.js";
import { createComplaintsRepository } from "./complaints.repository.js";
import { complaintsRoutes } from "./complaints.routes.js";
import { type ComplaintsService, createComplaintsService } from "./complaints.service.js";
import { createPublicGuard, type PublicComplaintSettings } from "./public-guard.js";

export type { ComplaintsService } from "./complaints.service.js";

export function createComplaintsModule(deps: {
  db: Database;
  associations: AssociationsService;
  beneficiaries: BeneficiariesService;
  users: UsersService;
  calendar: CalendarService;
  files: FilesService;
  notifications: NotificationsService;
  audit: AuditService;
  queue: JobQueue;
  clock: Clock;
  secret: string;
  limits: RateLimits;
  publicComplaints: PublicComplaintSettings;
  announcer: Pick<Announcer, "announce">;
}): SilahModule & { service: ComplaintsService; compensation: CompensationService } {
  const repo = createComplaintsRepository();
  const claims = createCompensationRepository();
  const guard = createPublicGuard({
    limits: deps.limits,
    secret: deps.secret,
    settings: deps.publicComplaints,
  });
  const service = createComplaintsService({ ...deps, repo, guard });
  const compensation = createCompensationService({ ...deps, repo: claims, complaints: repo });
  deps.files.declareUses({
    tables: ["complaint_files", "compensation_claims"],
    async kindsOf(tx, fileId) {
      return [
        ...((await repo.holdsFile(tx, fileId)) ? (["complaint_attachment"] as const) : []),
        ...((await claims.holdsFile(tx, fileId)) ? (["judicial_ruling"] as const) : []),
      ];
    },
  });
  return {
    name: "complaints",
    service,
    compensation,
    jobs: service.jobs,
    routes: complaintsRoutes({ complaints: service, compensation, clock: deps.clock, audit: deps.audit }),
    auditSubjects: {
      complaint: (tx, ids) => labelsById(tx, complaints, complaints.id, complaints.referenceNumber, ids),
    },
    reactions: {
      "beneficiary.merged": {
        tables: ["complaints", "compensation_claims"],
        run: async (tx, event) => ({
          ...(await repo.moveBeneficiary(tx, event.mergedId, event.keptId)),
          ...(await claims.moveBeneficiary(tx, event.mergedId, event.keptId)),
        }),
      },
    },
  };
}
