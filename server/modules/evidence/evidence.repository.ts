import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { evidencePacks, users } from "../../db/schema.js";

export type EvidencePackRow = typeof evidencePacks.$inferSelect;
export type EvidencePackWithName = EvidencePackRow & { requestedByName: string };
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;

export function createEvidenceRepository() {
  const withName = (tx: Tx) =>
    tx
      .select({ pack: evidencePacks, requestedByName: users.fullName })
      .from(evidencePacks)
      .innerJoin(users, eq(users.id, evidencePacks.requestedBy));
  const flat = (r: { pack: EvidencePackRow; requestedByName: string }): EvidencePackWithName => ({
    ...r.pack,
    requestedByName: r.requestedByName,
  });

  return {
    async insert(tx: Tx, values: typeof evidencePacks.$inferInsert): Promise<EvidencePackRow> {
      const [row] = await tx.insert(evidencePacks).values(values).returning();
      return row!;
    },
    async get(tx: Tx, id: string): Promise<EvidencePackWithName | undefined> {
      const [row] = await withName(tx).where(eq(evidencePacks.id, id));
      return row ? flat(row) : undefined;
    },
    /** Newest first; an association makes a few a year. */
    async list(tx: Tx): Promise<EvidencePackWithName[]> {
      return (await withName(tx).orderBy(desc(evidencePacks.requestedAt)).limit(100)).map(flat);
    },
    async inProgress(tx: Tx): Promise<EvidencePackRow | undefined> {
      const [row] = await tx
        .select()
        .from(evidencePacks)
        .where(inArray(evidencePacks.status, ["queued", "running"]))
        .limit(1);
      return row;
    },
    async update(tx: Tx, id: string, changes: Partial<typeof evidencePacks.$inferInsert>): Promise<void> {
      await tx.update(evidencePacks).set(changes).where(eq(evidencePacks.id, id));
    },
    /** Whether a file is a pack's PDF or workbook: for who may open it. */
    async holdsFile(tx: Tx, fileId: string): Promise<boolean> {
      const [row] = await tx
        .select({ id: evidencePacks.id })
        .from(evidencePacks)
        .where(and(or(eq(evidencePacks.pdfFileId, fileId), eq(evidencePacks.workbookFileId, fileId))))
        .limit(1);
      return Boolean(row);
    },
    async periodLabels(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: evidencePacks.id, from: evidencePacks.periodFrom, to: evidencePacks.periodTo })
        .from(evidencePacks)
        .where(inArray(evidencePacks.id, [...ids]));
      return new Map(rows.map((r) => [r.id, `${r.from} – ${r.to}`]));
    },
  };
}
