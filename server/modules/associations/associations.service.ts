import type { CreateAssociationInput } from "../../../shared/contracts/associations.js";
import type { Database, Tx } from "../../db/client.js";
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

  async function insert(
    tx: Tx,
    input: CreateAssociationInput & { region?: string | undefined; kind?: "association" | "platform" },
  ): Promise<AssociationRow> {
    const association = await repo.insert(tx, {
      slug: input.slug,
      nameAr: input.nameAr,
      nameEn: input.nameEn ?? null,
      licenseNumber: input.licenseNumber ?? null,
      supervisingAuthority: input.supervisingAuthority ?? null,
      region: input.region ?? null,
      kind: input.kind ?? "association",
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
  }

  function slugTaken(slug: string): AppError {
    return new AppError("conflict", `association slug ${slug} exists`, {
      fieldErrors: [
        {
          path: "slug",
          code: "slug_taken",
          message: {
            ar: "هذا المعرّف مستخدم لجمعية أخرى. اختر معرّفًا آخر.",
            en: "This identifier belongs to another association. Choose another.",
          },
        },
      ],
    });
  }

  return {
    /**
     * Inside the platform module's transaction (ADR 0024), so an association and its first
     * administrator are opened together or not at all. A taken slug is a field error.
     */
    async insert(tx: Tx, input: Parameters<typeof insert>[1]): Promise<AssociationRow> {
      try {
        return await insert(tx, input);
      } catch (error) {
        if (isUniqueViolation(error)) throw slugTaken(input.slug);
        throw error;
      }
    },
    listServed: (tx: Tx) => repo.listServed(tx),
    findPlatform: (tx: Tx) => repo.findPlatform(tx),
    findById: (tx: Tx, id: string) => repo.findById(tx, id),
    setSuspended: (tx: Tx, id: string, at: Date | null) => repo.setSuspended(tx, id, at),

    /** Opening a new tenant is an operator's act (command line), not an association user's. */
    async createBySystem(input: CreateAssociationInput): Promise<AssociationRow> {
      try {
        return await db.system((tx) => insert(tx, input));
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

    /** No association served yet (the platform's own does not count): the demo may be seeded. */
    async isEmpty(): Promise<boolean> {
      return (await db.system((tx) => repo.count(tx))) === 0;
    },
  };
}
