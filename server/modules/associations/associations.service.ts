import type { CreateAssociationInput } from "../../../shared/contracts/associations.js";
import type { Database } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import type { AuditService } from "../audit/index.js";
import type { AssociationRow, AssociationsRepository } from "./associations.repository.js";

export type AssociationsService = ReturnType<typeof createAssociationsService>;

export function createAssociationsService(deps: {
  db: Database;
  repo: AssociationsRepository;
  audit: AuditService;
}) {
  const { db, repo, audit } = deps;
  return {
    /** Opening a new tenant is an operator's act (command line), not an association user's. */
    async createBySystem(input: CreateAssociationInput): Promise<AssociationRow> {
      try {
        return await db.system(async (tx) => {
          const association = await repo.insert(tx, {
            slug: input.slug,
            nameAr: input.nameAr,
            nameEn: input.nameEn ?? null,
            licenseNumber: input.licenseNumber ?? null,
            supervisingAuthority: input.supervisingAuthority ?? null,
          });
          await audit.record(
            tx,
            { system: true, associationId: association.id },
            {
              type: "association.created",
              payload: { slug: association.slug },
              subject: { type: "association", id: association.id },
            },
          );
          return association;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("conflict", `association slug ${input.slug} exists`);
        throw error;
      }
    },

    async current(actor: Pick<Actor, "associationId">): Promise<AssociationRow> {
      const row = await db.tenant(actor.associationId, (tx) => repo.findById(tx, actor.associationId));
      if (!row) throw new AppError("not_found", "association not found");
      return row;
    },

    async findBySlug(slug: string): Promise<AssociationRow | undefined> {
      return db.system((tx) => repo.findBySlug(tx, slug));
    },

    async isEmpty(): Promise<boolean> {
      return (await db.system((tx) => repo.count(tx))) === 0;
    },
  };
}
