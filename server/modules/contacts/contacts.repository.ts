import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import { beneficiaryCategories, interactions, liaisonRoutes, users } from "../../db/schema.js";

export type InteractionRow = typeof interactions.$inferSelect;
export type InteractionWithNames = InteractionRow & { staffName: string; routedToName: string | null };
export type ContactsRepository = ReturnType<typeof createContactsRepository>;

const routedUser = alias(users, "routed_user");

export function createContactsRepository() {
  async function listWhere(tx: Tx, where: SQL | undefined, limit: number): Promise<InteractionWithNames[]> {
    const rows = await tx
      .select({ row: interactions, staffName: users.fullName, routedToName: routedUser.fullName })
      .from(interactions)
      .innerJoin(users, eq(users.id, interactions.staffUserId))
      .leftJoin(routedUser, eq(routedUser.id, interactions.routedToUserId))
      .where(where)
      .orderBy(desc(interactions.occurredAt))
      .limit(limit);
    return rows.map(({ row, staffName, routedToName }) => ({ ...row, staffName, routedToName }));
  }

  return {
    async insert(tx: Tx, values: typeof interactions.$inferInsert): Promise<InteractionRow> {
      const [row] = await tx.insert(interactions).values(values).returning();
      return row!;
    },

    async findById(tx: Tx, id: string): Promise<InteractionWithNames | undefined> {
      return (await listWhere(tx, eq(interactions.id, id), 1))[0];
    },

    async answer(
      tx: Tx,
      id: string,
      answer: string,
      by: string,
      at: Date,
    ): Promise<InteractionRow | undefined> {
      const [row] = await tx
        .update(interactions)
        .set({ answer, answeredBy: by, answeredAt: at })
        .where(
          and(eq(interactions.id, id), eq(interactions.kind, "inquiry"), isNull(interactions.answeredAt)),
        )
        .returning();
      return row;
    },

    async list(
      tx: Tx,
      filter: { beneficiaryId?: string; openInquiries?: boolean; routedTo?: string; limit: number },
    ): Promise<InteractionWithNames[]> {
      const conditions: SQL[] = [];
      if (filter.beneficiaryId) conditions.push(eq(interactions.beneficiaryId, filter.beneficiaryId));
      if (filter.openInquiries)
        conditions.push(eq(interactions.kind, "inquiry"), isNull(interactions.answeredAt));
      if (filter.routedTo) conditions.push(eq(interactions.routedToUserId, filter.routedTo));
      return listWhere(tx, conditions.length ? and(...conditions) : undefined, filter.limit);
    },

    async routes(tx: Tx) {
      return tx
        .select({
          route: liaisonRoutes,
          categoryCode: beneficiaryCategories.code,
          liaisonName: users.fullName,
        })
        .from(liaisonRoutes)
        .innerJoin(users, eq(users.id, liaisonRoutes.liaisonUserId))
        .leftJoin(beneficiaryCategories, eq(beneficiaryCategories.id, liaisonRoutes.categoryId));
    },

    async replaceRoutes(
      tx: Tx,
      associationId: string,
      routes: (typeof liaisonRoutes.$inferInsert)[],
    ): Promise<void> {
      await tx.delete(liaisonRoutes).where(eq(liaisonRoutes.associationId, associationId));
      if (routes.length) await tx.insert(liaisonRoutes).values(routes);
    },
  };
}
