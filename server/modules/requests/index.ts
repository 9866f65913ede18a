import type { Requirement } from "../../../shared/contracts/services.js";
import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { committeeMeetings, committees as committeesTable, supportRequests } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { ContactsService } from "../contacts/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { FilesService } from "../files/index.js";
import type { Announcer, SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { ServicesService } from "../services/index.js";
import type { SurveysService } from "../surveys/index.js";
import type { UsersService } from "../users/index.js";
import { type CommitteesService, createCommitteesService } from "./committees.service.js";
import { createPolicyWordingService } from "./policy-wording.service.js";
import { documentKindOf } from "./requests.presenter.js";
import { createRequestsRepository } from "./requests.repository.js";
import { requestsRoutes } from "./requests.routes.js";
import { createRequestsService, type RequestsService } from "./requests.service.js";
import { createServiceChangeReaction } from "./service-changes.js";
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
  /** «عملي» lists the inquiries routed to a liaison officer, and the late ones to management. */
  contacts: Pick<ContactsService, "openRoutedInquiries">;
  /** «عملي» lists a person's follow-up actions from field visits, and every late one to management. */
  fieldwork: Pick<FieldworkService, "overdueActions" | "openActionsOf">;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  announcer: Pick<Announcer, "announce">;
  /** «عملي» lists the survey follow-up tasks a person owns. */
  surveys: Pick<SurveysService, "openTasksOf">;
}): SilahModule & { service: RequestsService; committees: CommitteesService } {
  const repo = createRequestsRepository();
  const service = createRequestsService({ ...deps, repo });
  const committees = createCommitteesService({ ...deps, repo, requests: service });
  const work = createWorkService({
    db: deps.db,
    repo,
    notifications: deps.notifications,
    contacts: deps.contacts,
    fieldwork: deps.fieldwork,
    surveys: deps.surveys,
  });
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
    routes: requestsRoutes(service, committees, work, deps.audit, wording),
    auditSubjects: {
      support_request: (tx, ids) =>
        labelsById(tx, supportRequests, supportRequests.id, supportRequests.referenceNumber, ids),
      committee: (tx, ids) =>
        labelsById(tx, committeesTable, committeesTable.id, committeesTable.nameAr, ids),
      committee_meeting: (tx, ids) =>
        labelsById(tx, committeeMeetings, committeeMeetings.id, committeeMeetings.heldOn, ids),
    },
    reactions: {
      "beneficiary.merged": {
        tables: ["support_requests", "conflict_declarations"],
        run: (tx, event) => repo.moveBeneficiary(tx, event.mergedId, event.keptId),
      },
      "service.changed": {
        tables: ["notifications"],
        run: createServiceChangeReaction({ repo, notifications: deps.notifications }),
      },
    },
  };
}
