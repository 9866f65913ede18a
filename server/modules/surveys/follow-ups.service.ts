import type { FollowUpActionRequest } from "../../../shared/contracts/surveys.js";
import { riyadhDate } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { riyadhDay } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize, can } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { ComplaintsService } from "../complaints/index.js";
import type { UsersService } from "../users/index.js";
import { surveysPolicy } from "./surveys.policy.js";
import type { FollowUpRow, SurveysRepository } from "./surveys.repository.js";
import { fieldError, invalid } from "./surveys.rules.js";

export type FollowUpsService = ReturnType<typeof createFollowUpsService>;
export type FollowUpWithNames = FollowUpRow & {
  surveyName: string;
  beneficiaryName: string | null;
  ownerName: string | null;
};

const scoreWords: Record<string, string> = { csat: "الرضا", nps: "التوصية", likert: "الموافقة" };

/**
 * Follow-ups the respondent allowed (SPEC S1): a complaint made of one, a task with an owner and a
 * due date on the working calendar (it waits in the owner's «عملي»), the task done, or closed with
 * a note. Each step is audited.
 */
export function createFollowUpsService(deps: {
  db: Database;
  repo: SurveysRepository;
  users: Pick<UsersService, "lookup">;
  calendar: Pick<CalendarService, "workingCalendar">;
  /** Called lazily: the complaints module is created after this one's dependencies. */
  complaints: () => Pick<ComplaintsService, "recordWithin">;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, users, calendar, audit, clock } = deps;

  async function withNames(tx: Tx, rows: FollowUpRow[]): Promise<FollowUpWithNames[]> {
    const people = await repo.beneficiaryNames(
      tx,
      rows.map((r) => r.beneficiaryId),
    );
    const staff = await repo.names(
      tx,
      rows.flatMap((r) => (r.taskOwnerId ? [r.taskOwnerId] : [])),
    );
    const surveyNames = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.surveyId)))
      surveyNames.set(id, (await repo.survey(tx, id))?.name ?? "");
    return rows.map((r) => ({
      ...r,
      surveyName: surveyNames.get(r.surveyId) ?? "",
      beneficiaryName: people.get(r.beneficiaryId) ?? null,
      ownerName: r.taskOwnerId ? (staff.get(r.taskOwnerId) ?? "") : null,
    }));
  }

  const refused = (code: string, ar: string, en: string) =>
    new AppError("invalid_transition", code, { fieldErrors: [fieldError("action", code, ar, en)] });

  return {
    async list(actor: Actor): Promise<FollowUpWithNames[]> {
      authorize(actor, surveysPolicy, "followUps");
      return db.tenant(actor.associationId, async (tx) => withNames(tx, await repo.followUps(tx)));
    },

    /** For «عملي» inside its tenant transaction: the person's open follow-up tasks. */
    async openTasksOf(tx: Tx, ownerId: string): Promise<FollowUpWithNames[]> {
      return withNames(tx, await repo.followUps(tx, { ownerId, openTasks: true }));
    },

    async act(actor: Actor, id: string, action: FollowUpActionRequest): Promise<FollowUpWithNames> {
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.followUp(tx, id);
        if (!row) throw new AppError("not_found", "follow-up not found");
        const isOwner = row.taskOwnerId === actor.userId;
        if (!(action.action === "task_done" && isOwner)) authorize(actor, surveysPolicy, "followUps");
        if (row.status === "closed")
          throw refused("follow_up_closed", "أُغلقت هذه المتابعة.", "This follow-up is closed.");
        const subject = { type: "beneficiary", id: row.beneficiaryId };
        let updated: FollowUpRow;
        switch (action.action) {
          case "complaint": {
            if (row.status !== "open")
              throw refused(
                "follow_up_handled",
                "اتُّخذ إجراء في هذه المتابعة.",
                "This follow-up was already acted on.",
              );
            const survey = await repo.survey(tx, row.surveyId);
            const score = row.lowestKind
              ? `تقييم ${scoreWords[row.lowestKind] ?? ""}: ${row.lowestValue}`
              : "";
            const details = [`متابعة استبانة «${survey?.name ?? ""}» بإذن المستفيد.`, score, row.text ?? ""]
              .filter(Boolean)
              .join("\n");
            const received = await deps.complaints().recordWithin(tx, actor, {
              channel: "website",
              category: "service",
              subject: `ملاحظة من استبانة الرضا: ${survey?.name ?? ""}`.slice(0, 200),
              details: details.length >= 10 ? details.slice(0, 5000) : `${details} — ملاحظة من الاستبانة`,
              beneficiaryId: row.beneficiaryId,
              fileIds: [],
              notifyBy: "none",
            });
            updated = await repo.updateFollowUp(tx, id, {
              status: "complaint",
              complaintId: received.complaint.id,
            });
            await audit.record(tx, actor, {
              type: "survey_follow_up.complaint_made",
              subject,
              payload: { followUpId: id, complaintId: received.complaint.id },
            });
            break;
          }
          case "task": {
            if (row.status !== "open")
              throw refused(
                "follow_up_handled",
                "اتُّخذ إجراء في هذه المتابعة.",
                "This follow-up was already acted on.",
              );
            if (!(await users.lookup(tx, action.ownerId)))
              throw invalid([
                fieldError(
                  "ownerId",
                  "user_unknown",
                  "الموظف غير موجود في الجمعية.",
                  "No such staff member.",
                ),
              ]);
            const today = riyadhDay(clock.now());
            const year = riyadhDate(clock.now()).year;
            const workingCalendar = await calendar.workingCalendar(tx, year, year + 1);
            if (action.dueDate < today)
              throw invalid([
                fieldError("dueDate", "due_in_past", "موعد الإنجاز مضى.", "The due date has passed."),
              ]);
            if (action.dueDate > `${year + 1}-12-31`)
              throw invalid([
                fieldError(
                  "dueDate",
                  "due_too_far",
                  "موعد الإنجاز أبعد من المسموح.",
                  "The due date is too far.",
                ),
              ]);
            if (!workingCalendar.isWorkingDay(action.dueDate))
              throw invalid([
                fieldError(
                  "dueDate",
                  "not_working_day",
                  `موعد الإنجاز ليس يوم عمل في تقويم الجمعية؛ أقرب يوم عمل بعده ${workingCalendar.nextWorkingDay(action.dueDate)}.`,
                  `The due date is not a working day; the next one is ${workingCalendar.nextWorkingDay(action.dueDate)}.`,
                ),
              ]);
            updated = await repo.updateFollowUp(tx, id, {
              status: "task",
              taskOwnerId: action.ownerId,
              taskDueDate: action.dueDate,
            });
            await audit.record(tx, actor, {
              type: "survey_follow_up.task_assigned",
              subject,
              payload: { followUpId: id, ownerId: action.ownerId, dueDate: action.dueDate },
            });
            break;
          }
          case "task_done": {
            if (row.status !== "task" || row.taskDoneAt)
              throw refused("no_open_task", "لا توجد مهمة مفتوحة في هذه المتابعة.", "There is no open task.");
            if (!isOwner && !can(actor, surveysPolicy, "followUps"))
              throw new AppError("forbidden", "not the task's owner");
            updated = await repo.updateFollowUp(tx, id, { taskDoneAt: clock.now() });
            await audit.record(tx, actor, {
              type: "survey_follow_up.task_done",
              subject,
              payload: { followUpId: id, late: row.taskDueDate! < riyadhDay(clock.now()) },
            });
            break;
          }
          case "close": {
            updated = await repo.updateFollowUp(tx, id, { status: "closed", closedNote: action.note });
            await audit.record(tx, actor, {
              type: "survey_follow_up.closed",
              subject,
              payload: { followUpId: id, from: row.status },
            });
            break;
          }
        }
        return (await withNames(tx, [updated]))[0]!;
      });
    },
  };
}
