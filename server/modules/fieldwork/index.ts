import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { SilahModule } from "../module.js";
import type { UsersService } from "../users/index.js";
import { createFieldworkRepository } from "./fieldwork.repository.js";
import { fieldworkRoutes } from "./fieldwork.routes.js";
import { createFieldworkService, type FieldworkService } from "./fieldwork.service.js";

export type { ActionWithNames, FieldworkService } from "./fieldwork.service.js";

/** Field oversight (SPEC S2): visits, surveys and interviews, their checklists and follow-up actions. */
export function createFieldworkModule(deps: {
  db: Database;
  users: UsersService;
  files: FilesService;
  calendar: Pick<CalendarService, "workingCalendar">;
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: FieldworkService } {
  const repo = createFieldworkRepository();
  const service = createFieldworkService({ ...deps, repo });
  deps.files.declareUses({
    tables: ["field_visit_photos"],
    async kindsOf(tx, fileId) {
      return (await repo.isPhoto(tx, fileId)) ? ["field_photo"] : [];
    },
  });
  return {
    name: "fieldwork",
    service,
    routes: fieldworkRoutes(service),
    auditSubjects: { field_visit: service.visitLabels, field_checklist: service.checklistLabels },
  };
}
