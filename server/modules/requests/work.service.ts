import type { WorkItem } from "../../../shared/contracts/requests.js";
import type { Database } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import type { ContactsService, RoutedInquiry } from "../contacts/index.js";
import type { ActionWithNames, FieldworkService } from "../fieldwork/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { SurveysService } from "../surveys/index.js";
import type { RequestsRepository } from "./requests.repository.js";
import { hijriText } from "./requests.service.js";

export type WorkService = ReturnType<typeof createWorkService>;

const item = (fields: Partial<WorkItem> & Pick<WorkItem, "kind" | "title" | "since">): WorkItem => {
  const dueDate = fields.dueDate ?? null;
  return {
    requestId: null,
    referenceNumber: null,
    beneficiary: null,
    meetingId: null,
    ref: null,
    ...fields,
    dueDate,
    dueHijri: dueDate ? hijriText(dueDate) : null,
  };
};

/** "My work" (issue 5): what waits for the signed-in person, by the roles they hold. */
export function createWorkService(deps: {
  db: Database;
  repo: RequestsRepository;
  notifications: NotificationsService;
  contacts: Pick<ContactsService, "openRoutedInquiries">;
  fieldwork: Pick<FieldworkService, "overdueActions" | "openActionsOf">;
  surveys: Pick<SurveysService, "openTasksOf">;
}) {
  const { db, repo, notifications, contacts, fieldwork, surveys } = deps;
  const fieldActionItem = (action: ActionWithNames) =>
    item({
      kind: action.overdue ? "overdue_field_action" : "field_action",
      title: action.overdue
        ? {
            ar: `تأخر إجراء متابعة زيارة ميدانية (${action.ownerName}): ${action.text}`,
            en: `Field follow-up action late (${action.ownerName}): ${action.text}`,
          }
        : { ar: `إجراء متابعة زيارة ميدانية: ${action.text}`, en: `Field follow-up action: ${action.text}` },
      since: action.createdAt.toISOString(),
      dueDate: action.dueDate,
      ref: action.visitId,
    });
  const inquiryItem = (kind: "routed_inquiry" | "overdue_inquiry", inquiry: RoutedInquiry) =>
    item({
      kind,
      title:
        kind === "routed_inquiry"
          ? { ar: `الرد على استفسار: ${inquiry.subject}`, en: `Answer an inquiry: ${inquiry.subject}` }
          : {
              ar: `تأخر الرد على استفسار أُحيل إلى ${inquiry.routedToName ?? ""}: ${inquiry.subject}`,
              en: `Inquiry answer late (${inquiry.routedToName ?? ""}): ${inquiry.subject}`,
            },
      beneficiary: inquiry.beneficiaryId
        ? { id: inquiry.beneficiaryId, fullName: inquiry.beneficiaryName ?? "" }
        : null,
      since: inquiry.occurredAt.toISOString(),
      dueDate: inquiry.dueDate,
      ref: inquiry.id,
    });
  return {
    async myWork(actor: Actor): Promise<WorkItem[]> {
      const has = (...roles: string[]) => actor.roles.some((r) => roles.includes(r));
      const items = await db.tenant(actor.associationId, async (tx) => {
        const items: WorkItem[] = [];
        if (has("officer", "branch_representative")) {
          const mine = await repo.list(tx, { openedBy: actor.userId, limit: 500 });
          for (const r of mine) {
            const base = {
              requestId: r.id,
              referenceNumber: r.referenceNumber,
              beneficiary: { id: r.beneficiaryId, fullName: r.beneficiaryName },
              dueDate: r.dueDate,
            };
            if (r.state === "draft" || r.state === "incomplete")
              items.push(
                item({
                  ...base,
                  kind: "incomplete_request",
                  title: {
                    ar: `استكمال الطلب ${r.referenceNumber}`,
                    en: `Complete request ${r.referenceNumber}`,
                  },
                  since: r.openedAt.toISOString(),
                }),
              );
            if (r.state === "complete")
              items.push(
                item({
                  ...base,
                  kind: "undeclared_request",
                  title: {
                    ar: `أخذ إقرار المستفيد للطلب ${r.referenceNumber}`,
                    en: `Take the declaration for ${r.referenceNumber}`,
                  },
                  since: (r.completedAt ?? r.openedAt).toISOString(),
                }),
              );
          }
          for (const { escalation, request, beneficiaryName } of await repo.openEscalations(tx, {
            kind: "warning",
            openedBy: actor.userId,
          }))
            items.push(
              item({
                kind: "deadline_warning",
                title: {
                  ar: `اقترب موعد الرد على الطلب ${request.referenceNumber}`,
                  en: `Deadline near for ${request.referenceNumber}`,
                },
                requestId: request.id,
                referenceNumber: request.referenceNumber,
                beneficiary: { id: request.beneficiaryId, fullName: beneficiaryName },
                since: escalation.raisedAt.toISOString(),
                dueDate: escalation.dueDate,
                ref: escalation.id,
              }),
            );
          // Calls and letters to make: the page lists them whole (with «تم») under «الإشعارات اليدوية».
          for (const { notice: n, beneficiaryName, reference } of await notifications.manualTasks(tx))
            items.push(
              item({
                kind: "manual_notification",
                title: {
                  ar: `${n.channel === "letter" ? "إرسال خطاب" : "اتصال هاتفي"}: ${n.subject ?? ""}`,
                  en: `${n.channel === "letter" ? "Send a letter" : "Phone call"}: ${n.subject ?? ""}`,
                },
                ...(n.subjectType === "support_request" && n.subjectId
                  ? { requestId: n.subjectId, referenceNumber: reference }
                  : {}),
                beneficiary:
                  n.beneficiaryId && beneficiaryName
                    ? { id: n.beneficiaryId, fullName: beneficiaryName }
                    : null,
                since: n.createdAt.toISOString(),
                ref: n.id,
              }),
            );
        }
        if (has("social_researcher")) {
          for (const { referral, request, beneficiaryName } of await repo.openReferralsOf(tx, actor.userId))
            items.push(
              item({
                kind: "referral",
                title: {
                  ar: `إحالة الطلب ${request.referenceNumber}: ${referral.reason}`,
                  en: `Referral of ${request.referenceNumber}`,
                },
                requestId: request.id,
                referenceNumber: request.referenceNumber,
                beneficiary: { id: request.beneficiaryId, fullName: beneficiaryName },
                since: referral.createdAt.toISOString(),
                dueDate: referral.dueDate,
                ref: referral.id,
              }),
            );
        }
        if (has("committee_member")) {
          for (const { item: agenda, meeting, request, beneficiaryName } of await repo.awaitingVote(
            tx,
            actor.userId,
          ))
            items.push(
              item({
                kind: "vote",
                title: {
                  ar: `التصويت على الطلب ${request.referenceNumber}`,
                  en: `Vote on ${request.referenceNumber}`,
                },
                requestId: request.id,
                referenceNumber: request.referenceNumber,
                beneficiary: { id: request.beneficiaryId, fullName: beneficiaryName },
                since: meeting.createdAt.toISOString(),
                dueDate: request.dueDate,
                meetingId: meeting.id,
                ref: agenda.id,
              }),
            );
        }
        if (has("liaison_officer")) {
          for (const inquiry of await contacts.openRoutedInquiries(tx, actor.userId))
            items.push(inquiryItem("routed_inquiry", inquiry));
        }
        // Follow-up actions from field visits are owned by any staff member (S2): their own open ones.
        for (const action of await fieldwork.openActionsOf(tx, actor.userId))
          items.push(fieldActionItem(action));
        // A follow-up the respondent of a survey allowed, given to this person as a task (S1).
        for (const task of await surveys.openTasksOf(tx, actor.userId))
          items.push(
            item({
              kind: "survey_follow_up",
              title: {
                ar: `متابعة ملاحظة من استبانة «${task.surveyName}»${task.text ? `: ${task.text.slice(0, 120)}` : ""}`,
                en: `Survey follow-up («${task.surveyName}»)`,
              },
              beneficiary: task.beneficiaryName
                ? { id: task.beneficiaryId, fullName: task.beneficiaryName }
                : null,
              since: task.createdAt.toISOString(),
              dueDate: task.taskDueDate,
              ref: task.id,
            }),
          );
        if (has("manager")) {
          // Management sees every late follow-up action, whoever owns it.
          for (const action of await fieldwork.overdueActions(tx))
            if (action.ownerId !== actor.userId) items.push(fieldActionItem(action));
          // Senior management is alerted to every answer a liaison officer has let run late (S3).
          for (const inquiry of await contacts.openRoutedInquiries(tx))
            if (inquiry.overdue) items.push(inquiryItem("overdue_inquiry", inquiry));
          for (const { escalation, request, beneficiaryName } of await repo.openEscalations(tx, {
            kind: "breach",
          }))
            items.push(
              item({
                kind: "deadline_breach",
                title: {
                  ar: `تجاوز موعد الرد على الطلب ${request.referenceNumber}`,
                  en: `Deadline missed for ${request.referenceNumber}`,
                },
                requestId: request.id,
                referenceNumber: request.referenceNumber,
                beneficiary: { id: request.beneficiaryId, fullName: beneficiaryName },
                since: escalation.raisedAt.toISOString(),
                dueDate: escalation.dueDate,
                ref: escalation.id,
              }),
            );
        }
        return items;
      });
      // Most urgent first (earliest due date), then the oldest; items without a due date last.
      return items.sort(
        (a, b) =>
          (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31") ||
          a.since.localeCompare(b.since),
      );
    },
  };
}
