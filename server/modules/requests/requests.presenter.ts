import {
  defaultRequestDocumentKind,
  disclosureFor,
  type RequestDocumentKind,
} from "../../../shared/contracts/access.js";
import type {
  MeetingList,
  MeetingView,
  RequestSummary,
  RequestView,
} from "../../../shared/contracts/requests.js";
import type { Requirement } from "../../../shared/contracts/services.js";
import type { Actor } from "../../http/actor.js";
import type { MeetingDetail } from "./committees.service.js";
import type { MeetingListRow } from "./requests.repository.js";
import type { RequestDetail, RequestListItem } from "./requests.service.js";
import { hijriText } from "./requests.service.js";

type Vote = "accept" | "reject" | "return";

export function presentRequestSummary({ row, due }: RequestListItem): RequestSummary {
  return {
    id: row.id,
    referenceNumber: row.referenceNumber,
    state: row.state as RequestSummary["state"],
    beneficiary: {
      id: row.beneficiaryId,
      fullName: row.beneficiaryName,
      fileNumber: row.beneficiaryFileNumber,
    },
    service: {
      id: row.serviceId,
      code: row.serviceCode,
      nameAr: row.serviceNameAr,
      kind: row.serviceKind as RequestSummary["service"]["kind"],
    },
    channel: row.channel as RequestSummary["channel"],
    openedAt: row.openedAt.toISOString(),
    openedBy: { id: row.openedBy, fullName: row.openedByName },
    completedAt: row.completedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    due,
  };
}

type Viewer = Pick<Actor, "roles" | "userId">;

/** The kind a document requirement declares decides who may open what is attached under it. */
export function documentKindOf(requirements: Requirement[], code: string): RequestDocumentKind {
  const requirement = requirements.find((r) => r.kind === "document" && r.code === code);
  return (requirement?.kind === "document" && requirement.fileKind) || defaultRequestDocumentKind;
}

/** The study's findings reach the assessors and the referral's owner only (shared/contracts/access.ts). */
export function presentRequest(detail: RequestDetail, viewer: Viewer): RequestView {
  const { row } = detail;
  const disclosure = disclosureFor(viewer);
  const requirements = row.requirements as Requirement[];
  return {
    ...presentRequestSummary(detail),
    data: row.data as RequestView["data"],
    requirements,
    completeness: detail.completeness,
    documents: detail.documents.map((d) => ({
      id: d.id,
      requirementCode: d.requirementCode,
      file: {
        id: d.fileId,
        name: d.fileName,
        mediaType: d.mediaType,
        kind: documentKindOf(requirements, d.requirementCode),
      },
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
      attachedAt: d.attachedAt.toISOString(),
    })),
    referrals: detail.referrals.map((r) => ({
      id: r.id,
      role: r.role as RequestView["referrals"][number]["role"],
      owner: { id: r.ownerUserId, fullName: r.ownerName },
      reason: r.reason,
      dueDate: r.dueDate,
      study:
        r.studyKind && r.studyOn
          ? {
              kind: r.studyKind as "social_study" | "home_visit",
              on: r.studyOn,
              findings: disclosure.reveal(
                "request.social_study",
                r.studyFindings ?? "",
                r.ownerUserId === viewer.userId,
              ),
              recommendation: disclosure.reveal(
                "request.social_study",
                r.studyRecommendation ?? "",
                r.ownerUserId === viewer.userId,
              ),
            }
          : null,
      outcome: r.outcome,
      closedAt: r.closedAt?.toISOString() ?? null,
    })),
    declaration: detail.declaration
      ? {
          id: detail.declaration.id,
          method: detail.declaration.method as "on_screen" | "otp" | "scanned",
          status: detail.declaration.status as "pending" | "signed" | "failed",
          signedAt: detail.declaration.signedAt?.toISOString() ?? null,
          covering: detail.declaration.covering,
          changed: detail.declaration.changed,
        }
      : null,
    cancellation:
      row.state === "cancelled" && row.closedAt
        ? { reason: row.cancelReason ?? "", at: row.closedAt.toISOString() }
        : null,
    decision:
      row.decision && row.decidedAt
        ? {
            outcome: row.decision as Vote,
            reasons: row.decisionReasons ?? "",
            approvedAmount: row.approvedAmount,
            decidedAt: row.decidedAt.toISOString(),
          }
        : null,
    deliveredAmount: row.deliveredAmount,
    deliveries: detail.deliveries.map((d) => ({
      id: d.id,
      kind: d.kind as "cash" | "in_kind" | "session",
      amount: d.amount,
      items: d.items as { name: string; quantity: number; unitValue: number }[],
      deliveredOn: d.deliveredOn,
      note: d.note,
      recordedAt: d.recordedAt.toISOString(),
    })),
    withheld: disclosure.withheld(),
  };
}

/** Votes, their notes and the minutes are the committee's deliberation: its members and senior management read them. */
export function presentMeeting(detail: MeetingDetail, viewer: Viewer): MeetingView {
  const { meeting, committee } = detail;
  const disclosure = disclosureFor(viewer);
  return {
    id: meeting.id,
    committee: {
      id: committee.id,
      nameAr: committee.nameAr,
      quorum: committee.quorum,
      members: committee.members,
    },
    heldOn: meeting.heldOn,
    heldOnHijri: hijriText(meeting.heldOn),
    attendance: detail.attendance,
    items: detail.items.map((item) => ({
      request: presentRequestSummary(item.request),
      recusals: item.recusals.map((recusal) => ({
        ...recusal,
        // The member's stated relation is part of the deliberation; who stood aside is not.
        reason: recusal.reason === null ? null : disclosure.reveal("committee.deliberations", recusal.reason),
      })),
      votes: disclosure.reveal(
        "committee.deliberations",
        item.votes.map((v) => ({
          member: { id: v.memberId, fullName: v.memberName },
          vote: v.vote as Vote,
          note: v.note,
        })),
      ),
      decision: item.decision as Vote | null,
      reasons: item.reasons,
      approvedAmount: item.approvedAmount,
      decidedAt: item.decidedAt?.toISOString() ?? null,
    })),
    minutes: disclosure.reveal(
      "committee.deliberations",
      meeting.minutesText && meeting.minutesGeneratedAt
        ? {
            text: meeting.minutesText,
            generatedAt: meeting.minutesGeneratedAt.toISOString(),
            approvedBy: detail.approvals.map((a) => ({ ...a, approvedAt: a.approvedAt.toISOString() })),
            approvedAt: meeting.minutesApprovedAt?.toISOString() ?? null,
          }
        : null,
    ),
    withheld: disclosure.withheld(),
  };
}

/** The meetings list: how far each meeting has come, from its agenda to its approved minutes. */
export function presentMeetingList(rows: MeetingListRow[]): MeetingList {
  return {
    items: rows.map(({ meeting, committeeName, items, decided }) => ({
      id: meeting.id,
      committee: { id: meeting.committeeId, nameAr: committeeName },
      heldOn: meeting.heldOn,
      heldOnHijri: hijriText(meeting.heldOn),
      requests: items,
      decided,
      status: meeting.minutesApprovedAt
        ? "minutes_approved"
        : meeting.minutesText
          ? "minutes_drafted"
          : items > 0 && decided === items
            ? "decided"
            : "open",
    })),
  };
}
