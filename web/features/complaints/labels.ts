import type { z } from "zod";
import type {
  ComplaintCategory,
  complaintOutcomeSchema,
  complaintStatusSchema,
} from "../../../shared/contracts/complaints.js";
import type { MessageKey } from "../../i18n/i18n.js";

// Declared per value, so a new enum member without words fails the type check.

export const categoryLabels: Record<ComplaintCategory, MessageKey> = {
  service: "complaints.category.service",
  staff_conduct: "complaints.category.staff_conduct",
  delay: "complaints.category.delay",
  data_privacy: "complaints.category.data_privacy",
  technical_support: "complaints.category.technical_support",
  other: "complaints.category.other",
};

export const categoryHints: Record<ComplaintCategory, MessageKey> = {
  service: "complaints.categoryHint.service",
  staff_conduct: "complaints.categoryHint.staff_conduct",
  delay: "complaints.categoryHint.delay",
  data_privacy: "complaints.categoryHint.data_privacy",
  technical_support: "complaints.categoryHint.technical_support",
  other: "complaints.categoryHint.other",
};

export const statusLabels: Record<z.infer<typeof complaintStatusSchema>, MessageKey> = {
  received: "complaints.status.received",
  assigned: "complaints.status.assigned",
  investigating: "complaints.status.investigating",
  closed: "complaints.status.closed",
};

export const outcomeLabels: Record<z.infer<typeof complaintOutcomeSchema>, MessageKey> = {
  resolved: "complaints.outcome.resolved",
  amicable_settlement: "complaints.outcome.amicable_settlement",
  rejected: "complaints.outcome.rejected",
  referred_to_compensation: "complaints.outcome.referred_to_compensation",
};

export const notifyByLabels: Record<"sms" | "email" | "none", MessageKey> = {
  sms: "complaints.notifyBy.sms",
  email: "complaints.notifyBy.email",
  none: "complaints.notifyBy.none",
};

const stepLabels: Record<string, MessageKey> = {
  received: "complaints.step.received",
  assigned: "complaints.step.assigned",
  contact: "complaints.step.contact",
  note: "complaints.step.note",
  direction: "complaints.step.direction",
  deadline_warning: "complaints.step.deadline_warning",
  escalated: "complaints.step.escalated",
  closed: "complaints.step.closed",
};

/**
 * The words for a step of a complaint. Kinds arrive as strings (`closed:<outcome>` carries the
 * outcome); one the catalogue does not know yet reads as a generic update, never as a raw code.
 */
export function stepLabel(kind: string): { step: MessageKey; outcome: MessageKey | null } {
  const [head = "", outcome] = kind.split(":");
  return {
    step: stepLabels[head] ?? "complaints.step.other",
    outcome:
      outcome && outcome in outcomeLabels ? outcomeLabels[outcome as keyof typeof outcomeLabels] : null,
  };
}
