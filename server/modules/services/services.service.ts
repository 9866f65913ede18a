import type { CreateServiceRequest, UpdateServiceRequest } from "../../../shared/contracts/services.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import { servicesPolicy } from "./services.policy.js";
import type { ServiceRow, ServicesRepository } from "./services.repository.js";

export type ServicesService = ReturnType<typeof createServicesService>;

export function createServicesService(deps: {
  db: Database;
  repo: ServicesRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, audit, clock } = deps;
  return {
    async create(actor: Actor, input: CreateServiceRequest): Promise<ServiceRow> {
      authorize(actor, servicesPolicy, "manage");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.insert(tx, {
          associationId: actor.associationId,
          code: input.code,
          nameAr: input.nameAr,
          nameEn: input.nameEn ?? null,
          kind: input.kind,
          eligibilityAr: input.eligibilityAr,
          requirements: input.requirements,
          active: input.active,
          updatedAt: clock.now(),
        });
        if (!row) {
          throw new AppError("conflict", `service code ${input.code} exists`, {
            fieldErrors: [
              {
                path: "code",
                code: "service_code_taken",
                message: { ar: "رمز الخدمة مستخدم لخدمة أخرى.", en: "Another service has this code." },
              },
            ],
          });
        }
        await audit.record(tx, actor, {
          type: "service.created",
          payload: { code: row.code, requirements: input.requirements.length },
          subject: { type: "service", id: row.id },
        });
        return row;
      });
    },

    async update(actor: Actor, id: string, input: UpdateServiceRequest): Promise<ServiceRow> {
      authorize(actor, servicesPolicy, "manage");
      return db.tenant(actor.associationId, async (tx) => {
        const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        const row = await repo.update(tx, id, { ...changes, updatedAt: clock.now() });
        if (!row) throw new AppError("not_found", "service not found");
        await audit.record(tx, actor, {
          type: "service.updated",
          payload: { fields: Object.keys(changes) },
          subject: { type: "service", id },
        });
        return row;
      });
    },

    async get(actor: Actor, id: string): Promise<ServiceRow> {
      authorize(actor, servicesPolicy, "read");
      const row = await db.tenant(actor.associationId, (tx) => repo.findById(tx, id));
      if (!row) throw new AppError("not_found", "service not found");
      return row;
    },

    async list(actor: Actor, filter: { active?: boolean }): Promise<ServiceRow[]> {
      authorize(actor, servicesPolicy, "read");
      return db.tenant(actor.associationId, (tx) => repo.list(tx, filter));
    },

    /** For other modules, inside their transaction. */
    async lookup(tx: Tx, id: string): Promise<ServiceRow | undefined> {
      return repo.findById(tx, id);
    },
  };
}
