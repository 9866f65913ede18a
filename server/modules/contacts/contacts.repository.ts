import { and, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "../../db/client.js";
import {
  beneficiaryCategories,
  correspondence,
  files,
  interactionFiles,
  interactions,
  liaisonRoutes,
  users,
} from "../../db/schema.js";

export type InteractionRow = typeof interactions.$inferSelect;
export type Attachment = { id: string; name: string; mediaType: string };
export type InteractionWithNames = InteractionRow & {
  staffName: string;
  routedToName: string | null;
  attachments: Attachment[];
};
export type CorrespondenceRow = typeof correspondence.$inferSelect & {
  recordedByName: string;
  file: Attachment | null;
};
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
    const ids = rows.map((r) => r.row.id);
    const attached = ids.length
      ? await tx
          .select({
            interactionId: interactionFiles.interactionId,
            id: files.id,
            name: files.originalName,
            mediaType: files.mediaType,
          })
          .from(interactionFiles)
          .innerJoin(files, eq(files.id, interactionFiles.fileId))
          .where(inArray(interactionFiles.interactionId, ids))
      : [];
    return rows.map(({ row, staffName, routedToName }) => ({
      ...row,
      staffName,
      routedToName,
      attachments: attached
        .filter((a) => a.interactionId === row.id)
        .map(({ id, name, mediaType }) => ({ id, name, mediaType })),
    }));
  }

  return {
    /** Where this module holds a file (contact attachments, letters): for who may open it. */
    async fileUses(tx: Tx, fileId: string) {
      const attached = await tx
        .select({ id: interactionFiles.fileId })
        .from(interactionFiles)
        .where(eq(interactionFiles.fileId, fileId))
        .limit(1);
      const letters = await tx
        .select({ id: correspondence.id })
        .from(correspondence)
        .where(eq(correspondence.fileId, fileId))
        .limit(1);
      return { contactAttachment: attached.length > 0, correspondenceScan: letters.length > 0 };
    },
    async insert(tx: Tx, values: typeof interactions.$inferInsert): Promise<InteractionRow> {
      const [row] = await tx.insert(interactions).values(values).returning();
      return row!;
    },

    async findById(tx: Tx, id: string): Promise<InteractionWithNames | undefined> {
      return (await listWhere(tx, eq(interactions.id, id), 1))[0];
    },

    async attach(tx: Tx, associationId: string, interactionId: string, fileIds: string[]): Promise<void> {
      if (fileIds.length === 0) return;
      await tx
        .insert(interactionFiles)
        .values(fileIds.map((fileId) => ({ associationId, interactionId, fileId })))
        .onConflictDoNothing();
    },

    async insertCorrespondence(tx: Tx, values: typeof correspondence.$inferInsert): Promise<string> {
      const [row] = await tx.insert(correspondence).values(values).returning({ id: correspondence.id });
      return row!.id;
    },

    async listCorrespondence(
      tx: Tx,
      filter: { id?: string; beneficiaryId?: string; direction?: string; limit: number },
    ): Promise<CorrespondenceRow[]> {
      const conditions: SQL[] = [];
      if (filter.id) conditions.push(eq(correspondence.id, filter.id));
      if (filter.beneficiaryId) conditions.push(eq(correspondence.beneficiaryId, filter.beneficiaryId));
      if (filter.direction) conditions.push(eq(correspondence.direction, filter.direction));
      const rows = await tx
        .select({
          row: correspondence,
          recordedByName: users.fullName,
          fileId: files.id,
          fileName: files.originalName,
          fileType: files.mediaType,
        })
        .from(correspondence)
        .innerJoin(users, eq(users.id, correspondence.recordedBy))
        .leftJoin(files, eq(files.id, correspondence.fileId))
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(desc(correspondence.registeredAt))
        .limit(filter.limit);
      return rows.map((r) => ({
        ...r.row,
        recordedByName: r.recordedByName,
        file: r.fileId ? { id: r.fileId, name: r.fileName ?? "", mediaType: r.fileType ?? "" } : null,
      }));
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
