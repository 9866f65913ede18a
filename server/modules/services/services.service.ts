import type { CreateServiceRequest, UpdateServiceRequest } from "../../../shared/contracts/services.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { Announcer, Change } from "../module.js";
import { servicesPolicy } from "./services.policy.js";
import type { ServiceRow, ServicesRepository } from "./services.repository.js";

export type ServicesService = ReturnType<typeof createServicesService>;

export function createServicesService(deps: {
  db: Database;
  repo: ServicesRepository;
  audit: AuditService;
  clock: Clock;
  /** Tells the modules with open requests of a service what changed in it (SPEC I3). */
  announcer: Pick<Announcer, "announce">;
}) {
  const { db, repo, audit, clock, announcer } = deps;
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
        const before = await repo.findById(tx, id);
        const row = await repo.update(tx, id, { ...changes, updatedAt: clock.now() });
        if (!before || !row) throw new AppError("not_found", "service not found");
        const told = serviceChangesOf(before, row);
        await audit.record(tx, actor, {
          type: "service.updated",
          payload: {
            fields: Object.keys(changes),
            changes: told.map(({ field, before, after }) => ({ field, before, after })),
          },
          subject: { type: "service", id },
        });
        if (told.length > 0)
          await announcer.announce(tx, "service.changed", {
            associationId: actor.associationId,
            serviceId: id,
            actor,
            changes: told,
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

/**
 * What changed in a service that a person who asked for it must know (SPEC I3): its name, its
 * eligibility, its requirements (by their Arabic names), whether it is offered at all.
 */
export function serviceChangesOf(before: ServiceRow, after: ServiceRow): Change[] {
  const changes: Change[] = [];
  const names = (row: ServiceRow) =>
    (row.requirements as { labelAr: string; required?: boolean }[])
      .map((r) => (r.required === false ? `${r.labelAr} (اختياري)` : r.labelAr))
      .join("، ");
  if (before.nameAr !== after.nameAr)
    changes.push({ field: "nameAr", label: "اسم الخدمة", before: before.nameAr, after: after.nameAr });
  if (before.eligibilityAr !== after.eligibilityAr)
    changes.push({
      field: "eligibilityAr",
      label: "معايير الاستحقاق",
      before: before.eligibilityAr || null,
      after: after.eligibilityAr || null,
    });
  if (JSON.stringify(before.requirements) !== JSON.stringify(after.requirements))
    changes.push({
      field: "requirements",
      label: "المتطلبات",
      before: names(before) || null,
      after: names(after) || null,
    });
  if (before.active !== after.active)
    changes.push({
      field: "active",
      label: "إتاحة الخدمة",
      before: before.active ? "متاحة" : "موقوفة",
      after: after.active ? "متاحة" : "موقوفة",
    });
  return changes;
}
