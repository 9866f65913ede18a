import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { associations } from "../../db/schema.js";

export type AssociationRow = typeof associations.$inferSelect;
export type AssociationsRepository = ReturnType<typeof createAssociationsRepository>;

export function createAssociationsRepository() {
  return {
    async insert(tx: Tx, values: typeof associations.$inferInsert): Promise<AssociationRow> {
      const [row] = await tx.insert(associations).values(values).returning();
      return row!;
    },
    async findById(tx: Tx, id: string): Promise<AssociationRow | undefined> {
      const [row] = await tx.select().from(associations).where(eq(associations.id, id));
      return row;
    },
    async findBySlug(tx: Tx, slug: string): Promise<AssociationRow | undefined> {
      const [row] = await tx.select().from(associations).where(eq(associations.slug, slug));
      return row;
    },
    /** The associations served, without the platform's own. */
    async count(tx: Tx): Promise<number> {
      return tx.$count(associations, eq(associations.kind, "association"));
    },
    async listServed(tx: Tx): Promise<AssociationRow[]> {
      return tx
        .select()
        .from(associations)
        .where(eq(associations.kind, "association"))
        .orderBy(asc(associations.createdAt), asc(associations.slug));
    },
    async findPlatform(tx: Tx): Promise<AssociationRow | undefined> {
      const [row] = await tx.select().from(associations).where(eq(associations.kind, "platform"));
      return row;
    },
    async setSuspended(tx: Tx, id: string, at: Date | null): Promise<AssociationRow | undefined> {
      const [row] = await tx
        .update(associations)
        .set({ suspendedAt: at })
        .where(eq(associations.id, id))
        .returning();
      return row;
    },
  };
}
