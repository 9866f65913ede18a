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
  "correspondence.registered": { ar: "قيد مراسلة", en: "Correspondence registered" },
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
        detail: null,
        actor: event.actorFullName,
        ref: null,
      },
    ];
  });
}
