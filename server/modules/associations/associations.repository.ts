import { eq } from "drizzle-orm";
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
    async count(tx: Tx): Promise<number> {
      return tx.$count(associations);
    },
  };
}
