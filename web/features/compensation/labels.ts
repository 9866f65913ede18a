import type { z } from "zod";
import type { compensationStatusSchema } from "../../../shared/contracts/complaints.js";
import type { MessageKey } from "../../i18n/i18n.js";

// Declared per value, so a new enum member without words fails the type check.

export const claimStatusLabels: Record<z.infer<typeof compensationStatusSchema>, MessageKey> = {
  open: "compensation.status.open",
  negotiating: "compensation.status.negotiating",
  settled: "compensation.status.settled",
  approved: "compensation.status.approved",
  paid: "compensation.status.paid",
  refused: "compensation.status.refused",
};

export const roundResponseLabels: Record<"accepted" | "rejected" | "counter", MessageKey> = {
  accepted: "compensation.response.accepted",
  rejected: "compensation.response.rejected",
  counter: "compensation.response.counter",
};

export const proofKindLabels: Record<"investigation_minutes" | "judicial_ruling", MessageKey> = {
  investigation_minutes: "compensation.proof.minutes",
  judicial_ruling: "compensation.proof.ruling",
};

const eventLabels: Record<string, MessageKey> = {
  opened: "compensation.event.opened",
  proof: "compensation.event.proof",
  round: "compensation.event.round",
  settled: "compensation.event.settled",
  approved: "compensation.event.approved",
  payment: "compensation.event.payment",
};

/** A claim's event kind (`proof:<kind>` carries the proof's kind) in words. */
export function claimEventLabel(kind: string): MessageKey {
  return eventLabels[kind.split(":")[0] ?? ""] ?? "compensation.event.other";
}
