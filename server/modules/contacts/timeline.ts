import type { TimelineItem } from "../../../shared/contracts/contacts.js";
import type { AuditEventRow } from "../audit/index.js";

/** Which audit events of a beneficiary belong on their timeline, and how they read. */
const titles: Partial<Record<string, { ar: string; en: string }>> = {
  "beneficiary.registered": { ar: "تسجيل المستفيد", en: "Registered" },
  "beneficiary.updated": { ar: "تحديث البيانات", en: "Data updated" },
  "beneficiary.merged": { ar: "دمج سجل مكرر", en: "Duplicate record merged" },
  "beneficiary.consent_recorded": { ar: "تسجيل موافقة", en: "Consent recorded" },
  "beneficiary.consent_withdrawn": { ar: "سحب موافقة", en: "Consent withdrawn" },
  "interaction.answered": { ar: "الرد على استفسار", en: "Inquiry answered" },
  "support_request.opened": { ar: "فتح طلب دعم", en: "Support request opened" },
  "support_request.document_attached": { ar: "إرفاق مستند بالطلب", en: "Document attached to a request" },
  "support_request.completed": { ar: "اكتمال الطلب", en: "Request complete" },
  "support_request.became_incomplete": { ar: "عودة الطلب إلى النقص", en: "Request incomplete again" },
  "support_request.referred": { ar: "إحالة الطلب إلى الباحث", en: "Request referred" },
  "support_request.study_recorded": { ar: "بحث اجتماعي أو زيارة منزلية", en: "Social study or home visit" },
  "support_request.referral_closed": { ar: "إنهاء الإحالة", en: "Referral closed" },
  "support_request.declared": { ar: "إقرار المستفيد بصحة البيانات", en: "Beneficiary's declaration" },
  "support_request.declaration_lapsed": {
    ar: "تغيّرت البيانات بعد الإقرار، فلم يعد يغطيها",
    en: "Data changed after the declaration; it no longer covers it",
  },
  "support_request.scheduled": { ar: "عرض الطلب على اللجنة", en: "Request before the committee" },
  "support_request.accepted": { ar: "قبول الطلب", en: "Request accepted" },
  "support_request.rejected": { ar: "رفض الطلب", en: "Request rejected" },
  "support_request.returned": {
    ar: "إعادة الطلب لاستكمال المعلومات",
    en: "Request returned for more information",
  },
  "support_request.delivery_recorded": { ar: "تسليم الخدمة", en: "Service delivered" },
  "support_request.closed": { ar: "إغلاق الطلب", en: "Request closed" },
  "support_request.cancelled": { ar: "إلغاء الطلب", en: "Request cancelled" },
  "support_request.deadline_breached": { ar: "تجاوز موعد الرد على الطلب", en: "Response deadline missed" },
  "notification.queued": { ar: "إشعار المستفيد", en: "Beneficiary notified" },
  "notification.delivered": { ar: "وصول الإشعار", en: "Notice delivered" },
  "notification.failed": { ar: "تعذّر إرسال إشعار", en: "Notice failed" },
  "notification.retried": { ar: "إعادة إرسال إشعار", en: "Notice sent again" },
  "notification.switched": { ar: "إرسال الإشعار بوسيلة أخرى", en: "Notice sent on another channel" },
  "notification.done_by_hand": { ar: "إبلاغ المستفيد يدويًا (اتصال أو خطاب)", en: "Beneficiary told by hand" },
  // Surveys (ADR 0027): the person's choice and the follow-ups they allowed; never an answer.
  "survey.preference_changed": { ar: "تغيير الرغبة في استبانات الرضا", en: "Survey preference changed" },
  "survey_follow_up.created": {
    ar: "ملاحظة من استبانة الرضا بإذن المستفيد",
    en: "Survey remark, contact allowed",
  },
  "survey_follow_up.complaint_made": {
    ar: "تحويل ملاحظة الاستبانة إلى شكوى",
    en: "Survey remark made a complaint",
  },
  "survey_follow_up.closed": { ar: "إغلاق متابعة ملاحظة الاستبانة", en: "Survey follow-up closed" },
};

export function timelineFromAudit(events: AuditEventRow[]): TimelineItem[] {
  return events.flatMap((event) => {
    const title = titles[event.type];
    if (!title) return [];
    return [
      {
        at: event.occurredAt.toISOString(),
        kind: event.type,
        title,
        channel: null,
        direction: null,
        referenceNumber: null,
        citation: null,
        // A cancellation carries its reason into the person's history.
        detail: cancelReason(event),
        actor: event.actorFullName,
        ref: null,
      },
    ];
  });
}

function cancelReason(event: AuditEventRow): string | null {
  const reason = (event.payload as { reason?: unknown } | null)?.reason;
  return event.type === "support_request.cancelled" && typeof reason === "string" ? reason : null;
}
