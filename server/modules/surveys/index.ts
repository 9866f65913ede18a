import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import { surveys as surveysTable } from "../../db/schema.js";
import { labelsById } from "../../db/subject-labels.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { ComplaintsService } from "../complaints/index.js";
import type { SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { UsersService } from "../users/index.js";
import { createFollowUpsService, type FollowUpsService } from "./follow-ups.service.js";
import { createInvitationsService, type InvitationsService } from "./invitations.service.js";
import { createSurveysRepository } from "./surveys.repository.js";
import { surveysRoutes } from "./surveys.routes.js";
import { type SurveysService as BuilderService, createSurveysService } from "./surveys.service.js";

export type { FollowUpWithNames } from "./follow-ups.service.js";

/** What other modules call: the dashboard's summary, «عملي»'s follow-up tasks, the bulk answer path. */
export type SurveysService = BuilderService &
  Pick<FollowUpsService, "openTasksOf"> &
  Pick<InvitationsService, "loadAnswers" | "createCampaign" | "submit">;

/** Satisfaction surveys (SPEC S1, G6): builder and versions, invitations, anonymous answers, follow-ups. */
export function createSurveysModule(deps: {
  db: Database;
  policy: Pick<PolicyService, "approvedRules">;
  beneficiaries: BeneficiariesService;
  notifications: NotificationsService;
  associations: AssociationsService;
  users: UsersService;
  calendar: CalendarService;
  /** The complaints module is created after this one: a follow-up reaches it when it acts. */
  complaints: () => Pick<ComplaintsService, "recordWithin">;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  secret: string;
  publicUrl: string;
}): SilahModule & { service: SurveysService; invitations: InvitationsService; followUps: FollowUpsService } {
  const repo = createSurveysRepository();
  const builder = createSurveysService({ ...deps, repo });
  const invitations = createInvitationsService({ ...deps, repo, surveys: builder });
  const followUps = createFollowUpsService({ ...deps, repo });
  const service: SurveysService = {
    ...builder,
    openTasksOf: followUps.openTasksOf,
    loadAnswers: invitations.loadAnswers,
    createCampaign: invitations.createCampaign,
    submit: invitations.submit,
  };
  const tables = ["survey_invitations"];
  return {
    name: "surveys",
    service,
    invitations,
    followUps,
    jobs: invitations.jobs,
    routes: surveysRoutes({ surveys: builder, invitations, followUps }),
    auditSubjects: {
      survey: (tx, ids) => labelsById(tx, surveysTable, surveysTable.id, surveysTable.name, ids),
    },
    reactions: {
      "beneficiary.merged": {
        tables: ["survey_invitations", "survey_opt_outs", "survey_follow_ups"],
        run: async (tx, event) => ({
          survey_invitations: await repo.moveInvitations(tx, event.mergedId, event.keptId),
          survey_opt_outs: await repo.moveOptOut(tx, event.mergedId, event.keptId),
          survey_follow_ups: await repo.moveFollowUps(tx, event.mergedId, event.keptId),
        }),
      },
      "request.delivered": { tables, run: invitations.afterDelivery },
      "request.closed": { tables, run: invitations.afterRequestClosed },
      "complaint.closed": { tables, run: invitations.afterComplaintClosed },
    },
  };
}
