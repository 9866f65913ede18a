import type {
  ChecklistView,
  FieldActionView,
  FieldVisitSummary,
  FieldVisitView,
} from "../../../shared/contracts/fieldwork.js";
import type { ChecklistRow } from "./fieldwork.repository.js";
import type { ActionWithNames, FieldworkService, VisitWithDetails } from "./fieldwork.service.js";

export function presentChecklist(row: ChecklistRow): ChecklistView {
  return {
    id: row.id,
    name: row.name,
    items: row.items,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentAction(a: ActionWithNames): FieldActionView {
  return {
    id: a.id,
    visitId: a.visitId,
    text: a.text,
    owner: { id: a.ownerId, fullName: a.ownerName },
    dueDate: a.dueDate,
    status: a.doneAt ? "done" : "open",
    overdue: a.overdue,
    doneBy: a.doneBy ? { id: a.doneBy, fullName: a.doneByName ?? "" } : null,
    doneAt: a.doneAt?.toISOString() ?? null,
  };
}

type ListedVisit = Awaited<ReturnType<FieldworkService["list"]>>[number];

export function presentVisitSummary(v: ListedVisit): FieldVisitSummary {
  return {
    id: v.id,
    kind: v.kind as FieldVisitSummary["kind"],
    visitedOn: v.visitedOn,
    place: v.place,
    recordedBy: { id: v.recordedBy, fullName: v.recordedByName },
    openActions: v.openActions,
    overdueActions: v.overdueActions,
    status: v.openActions > 0 ? "follow_up" : "closed",
  };
}

export function presentVisit(v: VisitWithDetails): FieldVisitView {
  const open = v.actions.filter((a) => !a.doneAt);
  return {
    ...presentVisitSummary({
      ...v,
      openActions: open.length,
      overdueActions: open.filter((a) => a.overdue).length,
    }),
    participants: v.participants,
    checklist:
      v.checklistId && v.checklistName !== null && v.checklistVersion !== null
        ? { id: v.checklistId, name: v.checklistName, version: v.checklistVersion }
        : null,
    answers: v.answers,
    observations: v.findings,
    photos: v.photos,
    actions: v.actions.map(presentAction),
    recordedAt: v.recordedAt.toISOString(),
  };
}
