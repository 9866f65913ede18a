import type { Clock } from "../../clock.js";
import type { Database } from "../../db/client.js";
import type { AuditService } from "../audit/index.js";
import type { SilahModule } from "../module.js";
import { createCalendarRepository } from "./calendar.repository.js";
import { calendarRoutes } from "./calendar.routes.js";
import { type CalendarService, createCalendarService } from "./calendar.service.js";

export type { CalendarService } from "./calendar.service.js";

export function createCalendarModule(deps: {
  db: Database;
  audit: AuditService;
  clock: Clock;
}): SilahModule & { service: CalendarService } {
  const service = createCalendarService({ ...deps, repo: createCalendarRepository() });
  return { name: "calendar", service, routes: calendarRoutes(service) };
}
