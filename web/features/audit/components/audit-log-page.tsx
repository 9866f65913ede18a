import { useSearchParams } from "react-router";
import {
  type AuditEventType,
  type AuditEventView,
  auditEventTypeSchema,
  auditEventTypes,
} from "../../../../shared/contracts/audit.js";
import { DualDate } from "../../../components/ui/dual-date.js";
import { ExportButtons } from "../../../components/ui/export-buttons.js";
import { type MessageKey, useI18n } from "../../../i18n/i18n.js";
import { useAuditEvents } from "../api/list-audit-events.js";
import "./audit-log-page.css";
import { Interpolate, UserTextOr } from "../../../components/ui/user-text.js";

// Declared per type so a new catalogue entry without words fails the type check.
const eventTypeLabels: Record<AuditEventType, MessageKey> = {
  "auth.signed_in": "audit.type.auth.signed_in",
  "auth.sign_in_failed": "audit.type.auth.sign_in_failed",
  "auth.account_locked": "audit.type.auth.account_locked",
  "auth.signed_out": "audit.type.auth.signed_out",
  "auth.second_factor_enrolled": "audit.type.auth.second_factor_enrolled",
  "auth.second_factor_failed": "audit.type.auth.second_factor_failed",
  "auth.recovery_code_used": "audit.type.auth.recovery_code_used",
  "auth.second_factor_reset": "audit.type.auth.second_factor_reset",
  "user.created": "audit.type.user.created",
  "user.roles_changed": "audit.type.user.roles_changed",
  "user.locale_changed": "audit.type.user.locale_changed",
  "user.deactivated": "audit.type.user.deactivated",
  "user.reactivated": "audit.type.user.reactivated",
  "user.password_reset": "audit.type.user.password_reset",
  "user.password_changed": "audit.type.user.password_changed",
  "user.unlocked": "audit.type.user.unlocked",
  "user.sessions_ended": "audit.type.user.sessions_ended",
  "association.created": "audit.type.association.created",
  "association.opened_by_operator": "audit.type.association.opened_by_operator",
  "association.suspended": "audit.type.association.suspended",
  "association.reactivated": "audit.type.association.reactivated",
  "policy_wording.confirmed": "audit.type.policy_wording.confirmed",
  "beneficiary.viewed": "audit.type.beneficiary.viewed",
  "sensitive.read": "audit.type.sensitive.read",
  "beneficiary.searched": "audit.type.beneficiary.searched",
  "beneficiary.registered": "audit.type.beneficiary.registered",
  "beneficiary.updated": "audit.type.beneficiary.updated",
  "beneficiary.merged": "audit.type.beneficiary.merged",
  "beneficiary.consent_recorded": "audit.type.beneficiary.consent_recorded",
  "beneficiary.consent_withdrawn": "audit.type.beneficiary.consent_withdrawn",
  "beneficiary.category_created": "audit.type.beneficiary.category_created",
  "beneficiary.category_aliases_changed": "audit.type.beneficiary.category_aliases_changed",
  "beneficiaries.imported": "audit.type.beneficiaries.imported",
  "list.exported": "audit.type.list.exported",
  "interaction.recorded": "audit.type.interaction.recorded",
  "interaction.answered": "audit.type.interaction.answered",
  "liaison.route_set": "audit.type.liaison.route_set",
  "field_checklist.saved": "audit.type.field_checklist.saved",
  "field_visit.recorded": "audit.type.field_visit.recorded",
  "field_action.added": "audit.type.field_action.added",
  "field_action.done": "audit.type.field_action.done",
  "survey.saved": "audit.type.survey.saved",
  "survey.status_changed": "audit.type.survey.status_changed",
  "survey_settings.updated": "audit.type.survey_settings.updated",
  "survey_campaign.created": "audit.type.survey_campaign.created",
  "survey.preference_changed": "audit.type.survey.preference_changed",
  "survey_follow_up.created": "audit.type.survey_follow_up.created",
  "survey_follow_up.complaint_made": "audit.type.survey_follow_up.complaint_made",
  "survey_follow_up.task_assigned": "audit.type.survey_follow_up.task_assigned",
  "survey_follow_up.task_done": "audit.type.survey_follow_up.task_done",
  "survey_follow_up.closed": "audit.type.survey_follow_up.closed",
  "complaint.directed": "audit.type.complaint.directed",
  "library.version_added": "audit.type.library.version_added",
  "library.document_added": "audit.type.library.document_added",
  "policy.acknowledged": "audit.type.policy.acknowledged",
  "policy.approved": "audit.type.policy.approved",
  "policy.draft_updated": "audit.type.policy.draft_updated",
  "policy.draft_created": "audit.type.policy.draft_created",
  "compensation.paid": "audit.type.compensation.paid",
  "compensation.approved": "audit.type.compensation.approved",
  "compensation.settled": "audit.type.compensation.settled",
  "compensation.round_recorded": "audit.type.compensation.round_recorded",
  "compensation.proof_recorded": "audit.type.compensation.proof_recorded",
  "compensation.opened": "audit.type.compensation.opened",
  "complaint.escalated": "audit.type.complaint.escalated",
  "complaint.deadline_warning": "audit.type.complaint.deadline_warning",
  "complaint.closed": "audit.type.complaint.closed",
  "complaint.noted": "audit.type.complaint.noted",
  "complaint.assigned": "audit.type.complaint.assigned",
  "complaint.received": "audit.type.complaint.received",
  "committee.conflict_declared": "audit.type.committee.conflict_declared",
  "committee.minutes_approved": "audit.type.committee.minutes_approved",
  "committee.attendance_recorded": "audit.type.committee.attendance_recorded",
  "committee.minutes_generated": "audit.type.committee.minutes_generated",
  "committee.meeting_created": "audit.type.committee.meeting_created",
  "committee.created": "audit.type.committee.created",
  "support_request.deadline_breached": "audit.type.support_request.deadline_breached",
  "support_request.deadline_warning": "audit.type.support_request.deadline_warning",
  "support_request.cancelled": "audit.type.support_request.cancelled",
  "support_request.closed": "audit.type.support_request.closed",
  "support_request.delivery_recorded": "audit.type.support_request.delivery_recorded",
  "support_request.returned": "audit.type.support_request.returned",
  "support_request.rejected": "audit.type.support_request.rejected",
  "support_request.accepted": "audit.type.support_request.accepted",
  "support_request.vote_recorded": "audit.type.support_request.vote_recorded",
  "support_request.scheduled": "audit.type.support_request.scheduled",
  "support_request.declaration_lapsed": "audit.type.support_request.declaration_lapsed",
  "support_request.declaration_failed": "audit.type.support_request.declaration_failed",
  "support_request.declared": "audit.type.support_request.declared",
  "support_request.declaration_started": "audit.type.support_request.declaration_started",
  "support_request.referral_closed": "audit.type.support_request.referral_closed",
  "support_request.study_recorded": "audit.type.support_request.study_recorded",
  "support_request.referred": "audit.type.support_request.referred",
  "support_request.became_incomplete": "audit.type.support_request.became_incomplete",
  "support_request.completed": "audit.type.support_request.completed",
  "support_request.document_attached": "audit.type.support_request.document_attached",
  "support_request.data_updated": "audit.type.support_request.data_updated",
  "support_request.opened": "audit.type.support_request.opened",
  "request_settings.updated": "audit.type.request_settings.updated",
  "service.updated": "audit.type.service.updated",
  "service.created": "audit.type.service.created",
  "notification.sent": "audit.type.notification.sent",
  "notification.queued": "audit.type.notification.queued",
  "notification.delivered": "audit.type.notification.delivered",
  "notification.failed": "audit.type.notification.failed",
  "notification.retried": "audit.type.notification.retried",
  "notification.switched": "audit.type.notification.switched",
  "notification.done_by_hand": "audit.type.notification.done_by_hand",
  "file.uploaded": "audit.type.file.uploaded",
  "file.downloaded": "audit.type.file.downloaded",
  "correspondence.registered": "audit.type.correspondence.registered",
  "calendar.day_set": "audit.type.calendar.day_set",
  "calendar.day_cleared": "audit.type.calendar.day_cleared",
};

// Events a manager should notice at a glance.
const cautionTypes: ReadonlySet<AuditEventType> = new Set([
  "auth.sign_in_failed",
  "auth.account_locked",
  "auth.second_factor_failed",
  "auth.second_factor_reset",
]);

const subjectTypeLabels: Partial<Record<string, MessageKey>> = {
  user: "audit.subject.user",
  association: "audit.subject.association",
  beneficiary: "audit.subject.beneficiary",
  session: "audit.subject.session",
  interaction: "audit.subject.interaction",
  beneficiary_category: "audit.subject.beneficiary_category",
  policy_version: "audit.subject.policy_version",
  library_document: "audit.subject.library_document",
  complaint: "audit.subject.complaint",
  compensation_claim: "audit.subject.compensation_claim",
  service: "audit.subject.service",
  committee: "audit.subject.committee",
  committee_meeting: "audit.subject.committee_meeting",
  file: "audit.subject.file",
  calendar_day: "audit.subject.calendar_day",
};

/** A subject with the words it is known by: «الشكوى CMP-…», «إصدار السياسة 3». */
const subjectNamedLabels: Partial<Record<string, MessageKey>> = {
  support_request: "audit.subjectNamed.support_request",
  user: "audit.subjectNamed.user",
  beneficiary: "audit.subjectNamed.beneficiary",
  beneficiary_category: "audit.subjectNamed.beneficiary_category",
  association: "audit.subjectNamed.association",
  policy_version: "audit.subjectNamed.policy_version",
  library_document: "audit.subjectNamed.library_document",
  complaint: "audit.subjectNamed.complaint",
  service: "audit.subjectNamed.service",
  committee: "audit.subjectNamed.committee",
  committee_meeting: "audit.subjectNamed.committee_meeting",
  file: "audit.subjectNamed.file",
};

export function AuditLogPage() {
  const { t, errorText } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const parsedType = auditEventTypeSchema.safeParse(searchParams.get("type"));
  const type = parsedType.success ? parsedType.data : undefined;
  const events = useAuditEvents({ type });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  function onTypeChange(value: string) {
    setSearchParams(value ? { type: value } : {}, { replace: true });
  }

  function subjectText(event: AuditEventView) {
    const named = event.about ? subjectNamedLabels[event.about.type] : undefined;
    if (event.about && named) return <Interpolate message={t(named)} values={{ label: event.about.label }} />;
    if (!event.subjectType) return t("audit.subject.none");
    const label = subjectTypeLabels[event.subjectType];
    return label ? t(label) : t("audit.subject.other");
  }

  return (
    <section className="page" aria-labelledby="audit-title">
      <header className="page__header">
        <h1 id="audit-title" className="page__title">
          {t("audit.title")}
        </h1>
        <p className="page__lead">{t("audit.intro")}</p>
      </header>

      <div className="audit-toolbar">
        <div className="field field--inline">
          <label className="field__label" htmlFor="audit-type">
            {t("audit.filter.type")}
          </label>
          <select
            id="audit-type"
            className="field__input"
            value={type ?? ""}
            onChange={(event) => onTypeChange(event.target.value)}
          >
            <option value="">{t("audit.filter.all")}</option>
            {auditEventTypes.map((eventType) => (
              <option key={eventType} value={eventType}>
                {t(eventTypeLabels[eventType])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ExportButtons path="/api/audit-events/export" query={{ type }} />

      {events.isError ? (
        <div role="alert" className="alert alert--error">
          {errorText(events.error)}{" "}
          <button type="button" className="button button--link" onClick={() => events.refetch()}>
            {t("common.retry")}
          </button>
        </div>
      ) : null}

      {events.isPending ? (
        <p className="muted" aria-live="polite">
          {t("common.loading")}
        </p>
      ) : null}

      {events.isSuccess && items.length === 0 ? <p className="empty">{t("audit.empty")}</p> : null}

      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table audit-table">
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.column.time")}</th>
                <th scope="col">{t("audit.column.type")}</th>
                <th scope="col">{t("audit.column.actor")}</th>
                <th scope="col">{t("audit.column.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => (
                <tr key={event.id} data-event-type={event.type}>
                  <td className="audit-table__time" data-label={t("audit.column.time")}>
                    <DualDate value={event.occurredAt} withTime />
                  </td>
                  <td data-label={t("audit.column.type")}>
                    <span
                      className={
                        cautionTypes.has(event.type) ? "event-badge event-badge--caution" : "event-badge"
                      }
                    >
                      {t(eventTypeLabels[event.type])}
                    </span>
                  </td>
                  <td data-label={t("audit.column.actor")}>
                    <UserTextOr value={event.actor?.fullName} fallback={t("audit.actor.none")} />
                  </td>
                  <td data-label={t("audit.column.subject")}>
                    <span>
                      {subjectText(event)}
                      {event.subjectId && !event.about ? (
                        <code className="audit-table__id" dir="ltr" title={event.subjectId}>
                          {event.subjectId.slice(0, 8)}
                        </code>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {events.hasNextPage ? (
        <div className="audit-more">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => events.fetchNextPage()}
            disabled={events.isFetchingNextPage}
          >
            {events.isFetchingNextPage ? t("audit.loadingMore") : t("audit.loadMore")}
          </button>
        </div>
      ) : events.isSuccess && items.length > 0 ? (
        <p className="muted audit-more">{t("audit.end")}</p>
      ) : null}
    </section>
  );
}
