import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { services } from "../../db/schema.js";

export type ServiceRow = typeof services.$inferSelect;
export type ServicesRepository = ReturnType<typeof createServicesRepository>;

export function createServicesRepository() {
  return {
    async insert(tx: Tx, values: typeof services.$inferInsert): Promise<ServiceRow | undefined> {
      const [row] = await tx.insert(services).values(values).onConflictDoNothing().returning();
      return row;
    },
    async update(tx: Tx, id: string, changes: Partial<typeof services.$inferInsert>) {
      const [row] = await tx.update(services).set(changes).where(eq(services.id, id)).returning();
      return row;
    },
    async findById(tx: Tx, id: string): Promise<ServiceRow | undefined> {
      const [row] = await tx.select().from(services).where(eq(services.id, id));
      return row;
    },
    async list(tx: Tx, filter: { active?: boolean }): Promise<ServiceRow[]> {
      return tx
        .select()
        .from(services)
        .where(filter.active === undefined ? undefined : eq(services.active, filter.active))
        .orderBy(asc(services.code));
    },
  };
}
