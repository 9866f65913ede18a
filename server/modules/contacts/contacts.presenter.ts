import type { InteractionView } from "../../../shared/contracts/contacts.js";
import type { InteractionWithNames } from "./contacts.repository.js";

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
    routedTo: row.routedToUserId ? { id: row.routedToUserId, fullName: row.routedToName ?? "" } : null,
    supportRequestId: row.supportRequestId,
    complaintId: row.complaintId,
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
