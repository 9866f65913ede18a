import type { NotificationChannel } from "../../../shared/contracts/channels.js";
import type { NoticeView } from "../../../shared/contracts/notifications.js";
import type { NoticeListRow } from "./notifications.repository.js";
import { redactedBody, secretPurposes } from "./notifications.service.js";

const legacy: Record<string, NoticeView["status"]> = {
  pending: "queued",
  sending: "queued",
  undeliverable: "failed",
};

export function presentNotice(
  row: NoticeListRow & { switchTo: NotificationChannel[]; canRetry: boolean },
): NoticeView {
  const n = row.notice;
  const status = (legacy[n.status] ?? n.status) as NoticeView["status"];
  // A one-time code is the person's alone: staff see that it went, never the code (ADR 0029).
  const secret = n.purpose !== null && secretPurposes.has(n.purpose);
  return {
    id: n.id,
    channel: n.channel as NotificationChannel,
    recipient: n.recipient,
    subject: n.subject,
    body: secret ? redactedBody : n.body,
    status,
    failureReason: (n.failureReason as NoticeView["failureReason"]) ?? null,
    lastError: n.lastError,
    attempts: n.attempts,
    purpose: n.purpose,
    about:
      n.subjectType && n.subjectId
        ? { type: n.subjectType, id: n.subjectId, reference: row.reference }
        : null,
    beneficiary: n.beneficiaryId ? { id: n.beneficiaryId, fullName: row.beneficiaryName ?? "" } : null,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    deliveredAt: n.deliveredAt?.toISOString() ?? null,
    handledAt: n.handledAt?.toISOString() ?? null,
    handledBy: row.handledByName,
    switchTo: !secret && ["failed", "manual", "queued"].includes(status) ? row.switchTo : [],
    retryable: status === "failed" && row.canRetry,
  };
}
