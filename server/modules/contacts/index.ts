import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { UsersService } from "../users/index.js";
import { createContactsRepository } from "./contacts.repository.js";
import { contactsRoutes } from "./contacts.routes.js";
import { type ContactsService, createContactsService } from "./contacts.service.js";

export type { ContactsService, RoutedInquiry } from "./contacts.service.js";

export function createContactsModule(deps: {
  db: Database;
  policy: Pick<PolicyService, "approvedRules">;
  beneficiaries: BeneficiariesService;
  users: UsersService;
  files: FilesService;
  calendar: Pick<CalendarService, "workingCalendar">;
  notifications: Pick<NotificationsService, "notifyBeneficiary">;
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: ContactsService } {
  const repo = createContactsRepository();
  const service = createContactsService({ ...deps, repo });
  deps.files.declareUses({
    tables: ["interaction_files", "correspondence"],
    async kindsOf(tx, fileId) {
      const uses = await repo.fileUses(tx, fileId);
      return [
        ...(uses.contactAttachment ? (["contact_attachment"] as const) : []),
        ...(uses.correspondenceScan ? (["correspondence_scan"] as const) : []),
      ];
    },
  });
  return {
    name: "contacts",
    service,
    routes: contactsRoutes(service, deps.audit),
    reactions: {
      "beneficiary.merged": {
        tables: ["interactions", "correspondence"],
        run: (tx, event) => repo.moveBeneficiary(tx, event.mergedId, event.keptId),
      },
    },
  };
}
