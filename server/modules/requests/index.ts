import type { Requirement } from "../../../shared/contracts/services.js";
import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { ServicesService } from "../services/index.js";
import type { UsersService } from "../users/index.js";
import { type CommitteesService, createCommitteesService } from "./committees.service.js";
import { createPolicyWordingService } from "./policy-wording.service.js";
import { documentKindOf } from "./requests.presenter.js";
import { createRequestsRepository } from "./requests.repository.js";
import { requestsRoutes } from "./requests.routes.js";
import { createRequestsService, type RequestsService } from "./requests.service.js";
import { createWorkService } from "./work.service.js";

export type { CommitteesService } from "./committees.service.js";
export type { RequestsService } from "./requests.service.js";

export function createRequestsModule(deps: {
  db: Database;
  policy: Pick<PolicyService, "approvedRules">;
  beneficiaries: BeneficiariesService;
  services: ServicesService;
  users: UsersService;
  files: FilesService;
  calendar: CalendarService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
}): SilahModule & { service: RequestsService; committees: CommitteesService } {
  const repo = createRequestsRepository();
  const service = createRequestsService({ ...deps, repo });
  const committees = createCommitteesService({ ...deps, repo, requests: service });
  const work = createWorkService({ db: deps.db, repo, notifications: deps.notifications });
  const wording = createPolicyWordingService({ ...deps, repo });
  deps.files.declareUses({
    tables: ["request_documents", "declarations"],
    async kindsOf(tx, fileId) {
      const { documents, declared } = await repo.fileUses(tx, fileId);
      return [
        ...documents.map((d) => documentKindOf(d.requirements as Requirement[], d.requirementCode)),
        ...(declared ? (["signed_declaration"] as const) : []),
      ];
    },
  });
  return {
    name: "requests",
    service,
    committees,
    jobs: service.jobs,
    routes: requestsRoutes(service, committees, work, wording),
    reactions: {
      "beneficiary.merged": {
        tables: ["support_requests", "conflict_declarations"],
        run: (tx, event) => repo.moveBeneficiary(tx, event.mergedId, event.keptId),
      },
    },
  };
}
