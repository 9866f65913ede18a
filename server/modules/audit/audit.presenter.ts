import type { AuditEventType, AuditEventView } from "../../../shared/contracts/audit.js";
import type { AuditEventListRow } from "./audit.service.js";

export function presentAuditEvent(row: AuditEventListRow): AuditEventView {
  return {
    id: String(row.id),
    type: row.type as AuditEventType,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actorUserId ? { id: row.actorUserId, fullName: row.actorFullName ?? "" } : null,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    about: row.about,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    requestId: row.requestId,
  };
}
