import { disclosureFor } from "../../../shared/contracts/access.js";
import type { ClaimView, ComplaintTracking, ComplaintView } from "../../../shared/contracts/complaints.js";
import { riyadhDate, toIsoDate } from "../../../shared/domain/index.js";
import type { Actor } from "../../http/actor.js";
import type { ClaimWithEvents } from "./compensation.repository.js";
import type { ComplaintRow, ComplaintWithDetail } from "./complaints.repository.js";

type Viewer = Pick<Actor, "roles" | "userId">;

/**
 * What the complainant wrote and who they are reach the follow-up committee, senior management and
 * whoever the complaint is assigned to (shared/contracts/access.ts); other readers see its course.
 */
export function presentComplaint(row: ComplaintWithDetail, now: Date, viewer: Viewer): ComplaintView {
  const disclosure = disclosureFor(viewer);
  const assignee = row.assignedTo !== null && row.assignedTo === viewer.userId;
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    source: row.source as ComplaintView["source"],
    channel: row.channel,
    anonymous: row.anonymous,
    complainant: disclosure.reveal(
      "complaint.complainant",
      { name: row.complainantName, phone: row.complainantPhone, email: row.complainantEmail },
      assignee,
    ),
    beneficiaryId: row.beneficiaryId,
    category: row.category as ComplaintView["category"],
    subject: row.subject,
    details: disclosure.reveal("complaint.details", row.details, assignee),
    status: row.status as ComplaintView["status"],
    outcome: row.outcome as ComplaintView["outcome"],
    outcomeNote: row.outcomeNote,
    settlementTerms: row.settlementTerms,
    complainantAcceptedAt: row.complainantAcceptedAt?.toISOString() ?? null,
    assignedTo: row.assignedTo ? { id: row.assignedTo, fullName: row.assigneeName ?? "" } : null,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    dueDate: toIsoDate(riyadhDate(row.dueAt)),
    overdue: row.status !== "closed" && row.dueAt < now,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    events: row.events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      note: e.note,
      actor: e.actorName,
    })),
    attachments: row.attachments,
    withheld: disclosure.withheld(),
  };
}

/** The tracking page: status, due date and the kinds of steps taken; nothing about anyone. */
export function presentTracking({
  complaint,
  steps,
}: {
  complaint: ComplaintRow;
  steps: { at: Date; kind: string }[];
}): ComplaintTracking {
  return {
    referenceNumber: complaint.referenceNumber,
    status: complaint.status as ComplaintTracking["status"],
    outcome: complaint.outcome as ComplaintTracking["outcome"],
    receivedAt: complaint.receivedAt.toISOString(),
    dueDate: toIsoDate(riyadhDate(complaint.dueAt)),
    steps: steps.map((step) => ({ at: step.at.toISOString(), kind: step.kind })),
  };
}

export function presentClaim(row: ClaimWithEvents, viewer: Viewer): ClaimView {
  const disclosure = disclosureFor(viewer);
  const proof: ClaimView["proof"] =
    row.proofKind === "investigation_minutes"
      ? {
          kind: "investigation_minutes",
          date: row.minutesDate ?? "",
          harm: row.minutesHarm ?? "",
          harmSize: row.minutesHarmSize ?? "",
          causes: row.minutesCauses ?? "",
          approvedBy: row.minutesApprovedBy,
        }
      : row.proofKind === "judicial_ruling"
        ? {
            kind: "judicial_ruling",
            number: row.rulingNumber ?? "",
            date: row.rulingDate ?? "",
            authority: row.rulingAuthority ?? "",
            fileId: row.rulingFileId,
          }
        : null;
  return {
    id: row.id,
    complaintId: row.complaintId,
    beneficiaryId: row.beneficiaryId,
    claimantName: row.claimantName,
    description: disclosure.reveal("compensation.harm", row.description),
    status: row.status as ClaimView["status"],
    proof: disclosure.reveal("compensation.harm", proof),
    settlementTerms: row.settlementTerms,
    settledAmount: row.settledAmount,
    approvedAmount: row.approvedAmount,
    paidAmount: row.paidAmount,
    events: row.events.map((e) => ({
      kind: e.kind,
      at: e.at.toISOString(),
      amount: e.amount,
      response: e.response,
      note: e.note,
      reference: e.reference,
    })),
    createdAt: row.createdAt.toISOString(),
    withheld: disclosure.withheld(),
  };
}
