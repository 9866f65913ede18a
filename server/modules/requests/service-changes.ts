import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.js";
import type { ModuleEvents, ReactionReport } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import { changeLines } from "../notifications/notifications.service.js";
import type { RequestsRepository } from "./requests.repository.js";

/**
 * A service changed (its name, eligibility, requirements, whether it is offered): each beneficiary
 * with an undecided request for it is told on their agreed channel, with what changed (SPEC I3).
 */
export function createServiceChangeReaction(deps: {
  repo: RequestsRepository;
  notifications: Pick<NotificationsService, "notifyBeneficiary">;
}) {
  return async (tx: Tx, event: ModuleEvents["service.changed"]): Promise<ReactionReport> => {
    const open = await deps.repo.listUndecidedForService(tx, event.serviceId, 2000);
    let told = 0;
    // Each change is told on its own: its purpose is its own, so a later change supersedes nothing (ADR 0020).
    const change = `service_change_${randomUUID()}`;
    for (const request of open) {
      const row = await deps.notifications.notifyBeneficiary(tx, event.actor, {
        beneficiaryId: request.beneficiaryId,
        eventKey: `support_request:${request.id}:${change}`,
        subject: `تغيير في خدمة طلبكم رقم ${request.referenceNumber}`,
        body: [
          `تغيّرت خدمة «${request.serviceNameAr}» التي طلبتموها بالطلب رقم ${request.referenceNumber}:`,
          changeLines(event.changes),
          "سنتواصل معكم إن احتاج طلبكم إلى ما يكمله.",
        ].join("\n"),
      });
      if (row) told++;
    }
    return { notifications: told };
  };
}
