import type { NoticeFailureReason, NoticeStatus } from "../../../shared/contracts/notifications.js";
import type { MessageKey } from "../../i18n/i18n.js";

export const noticeStatusLabels: Record<NoticeStatus, MessageKey> = {
  queued: "notices.status.queued",
  sent: "notices.status.sent",
  delivered: "notices.status.delivered",
  failed: "notices.status.failed",
  manual: "notices.status.manual",
  done: "notices.status.done",
  superseded: "notices.status.superseded",
};

export const noticeReasonLabels: Record<NoticeFailureReason, MessageKey> = {
  no_transport: "notices.reason.no_transport",
  no_recipient: "notices.reason.no_recipient",
  gateway_error: "notices.reason.gateway_error",
  gateway_reported: "notices.reason.gateway_reported",
};
