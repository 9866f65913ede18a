import type { Clock } from "../../clock.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { JobQueue } from "../../jobs/queue.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { SilahModule } from "../module.js";
import { createNotificationsRepository } from "./notifications.repository.js";
import { notificationsRoutes } from "./notifications.routes.js";
import {
  createNotificationsService,
  type NotificationsService,
  type Transports,
} from "./notifications.service.js";
import { createFileMailTransport, createGatewayTransport, createSmtpTransport } from "./transports.js";

export type { NotificationsService } from "./notifications.service.js";

/** The transports the configuration allows: SMTP or (outside production) .eml files; the SMS/WhatsApp gateway. */
export function transportsFrom(config: Config): Transports {
  const { smtpUrl, mailFrom, gateway, outboxDir } = config.notifications;
  const transports: Transports = {};
  if (smtpUrl) transports.email = createSmtpTransport({ url: smtpUrl, from: mailFrom });
  else if (config.env !== "production")
    transports.email = createFileMailTransport({ dir: outboxDir, from: mailFrom });
  if (gateway) {
    transports.sms = createGatewayTransport({ ...gateway, channel: "sms" });
    transports.whatsapp = createGatewayTransport({ ...gateway, channel: "whatsapp" });
  }
  return transports;
}

export function createNotificationsModule(deps: {
  db: Database;
  beneficiaries: BeneficiariesService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  transports: Transports;
  deliveryReportSecret?: string | undefined;
}): SilahModule & { service: NotificationsService } {
  const repo = createNotificationsRepository();
  const service = createNotificationsService({ ...deps, repo });
  return {
    name: "notifications",
    service,
    jobs: service.jobs,
    routes: notificationsRoutes(service),
    reactions: {
      "beneficiary.merged": {
        tables: ["notifications"],
        run: (tx, event) => repo.moveBeneficiary(tx, event.mergedId, event.keptId),
      },
      "beneficiary.contact_changed": {
        tables: ["notifications"],
        run: (tx, event) => service.tellContactChange(tx, event),
      },
    },
  };
}
