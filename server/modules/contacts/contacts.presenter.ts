import type { CorrespondenceView, InboxItem, InteractionView } from "../../../shared/contracts/contacts.js";
import type { CorrespondenceRow, InteractionWithNames } from "./contacts.repository.js";
import type { RoutedInquiry } from "./contacts.service.js";

export function presentInteraction(row: InteractionWithNames): InteractionView {
  return {
    id: row.id,
    beneficiaryId: row.beneficiaryId,
    kind: row.kind as InteractionView["kind"],
    channel: row.channel as InteractionView["channel"],
    direction: row.direction as InteractionView["direction"],
    occurredAt: row.occurredAt.toISOString(),
    staff: { id: row.staffUserId, fullName: row.staffName },
    subject: row.subject,
    summary: row.summary,
    answer: row.answer,
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy ? { id: row.answeredBy, fullName: row.answeredByName ?? "" } : null,
    citation: row.citation,
    routedTo: row.routedToUserId ? { id: row.routedToUserId, fullName: row.routedToName ?? "" } : null,
    supportRequestId: row.supportRequestId,
    complaintId: row.complaintId,
    attachments: row.attachments,
  };
}

export function presentInboxItem(row: RoutedInquiry): InboxItem {
  return {
    ...presentInteraction(row),
    beneficiary: row.beneficiaryId ? { id: row.beneficiaryId, fullName: row.beneficiaryName ?? "" } : null,
    ageWorkingDays: row.ageWorkingDays,
    dueDate: row.dueDate,
    overdue: row.overdue,
  };
}

export function presentCorrespondence(row: CorrespondenceRow): CorrespondenceView {
  return {
    id: row.id,
    direction: row.direction as CorrespondenceView["direction"],
    medium: row.medium as CorrespondenceView["medium"],
    referenceNumber: row.referenceNumber,
    externalReference: row.externalReference,
    counterpart: row.counterpart,
    subject: row.subject,
    datedOn: row.datedOn,
    registeredAt: row.registeredAt.toISOString(),
    beneficiaryId: row.beneficiaryId,
    file: row.file,
    recordedBy: { id: row.recordedBy, fullName: row.recordedByName },
  };
}

export function presentRoute(r: {
  route: { id: string; field: string | null; liaisonUserId: string };
  categoryCode: string | null;
  liaisonName: string;
}) {
  return {
    id: r.route.id,
    categoryCode: r.categoryCode,
    field: r.route.field,
    liaison: { id: r.route.liaisonUserId, fullName: r.liaisonName },
  };
}
