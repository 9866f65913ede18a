import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  max,
  ne,
  notExists,
  or,
  sql,
} from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { files } from "../../db/schema.js";
import {
  libraryDocuments,
  libraryDocumentVersions,
  policyAcknowledgements,
  policyApprovals,
  policyVersions,
} from "../../db/schema-policy.js";

export type PolicyVersionRow = typeof policyVersions.$inferSelect;
export type PolicyApprovalRow = typeof policyApprovals.$inferSelect;
export type PolicyAcknowledgementRow = typeof policyAcknowledgements.$inferSelect;
export type LibraryDocumentRow = typeof libraryDocuments.$inferSelect;
export type LibraryVersionRow = typeof libraryDocumentVersions.$inferSelect & { fileName: string };
export type LibraryDocumentWithVersions = LibraryDocumentRow & { versions: LibraryVersionRow[] };
export type PolicyVersionWithApproval = PolicyVersionRow & { approval: PolicyApprovalRow | null };

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;

export function createPolicyRepository() {
  async function withApprovals(tx: Tx, rows: PolicyVersionRow[]): Promise<PolicyVersionWithApproval[]> {
    if (rows.length === 0) return [];
    const approvals = await tx
      .select()
      .from(policyApprovals)
      .where(
        inArray(
          policyApprovals.versionId,
          rows.map((r) => r.id),
        ),
      );
    const byVersion = new Map(approvals.map((a) => [a.versionId, a]));
    return rows.map((r) => ({ ...r, approval: byVersion.get(r.id) ?? null }));
  }

  return {
    /** Whether a file is a version of a library document: for who may open it. */
    async holdsFile(tx: Tx, fileId: string): Promise<boolean> {
      const found = await tx
        .select({ id: libraryDocumentVersions.id })
        .from(libraryDocumentVersions)
        .where(eq(libraryDocumentVersions.fileId, fileId))
        .limit(1);
      return found.length > 0;
    },
    async insertVersion(tx: Tx, values: typeof policyVersions.$inferInsert): Promise<PolicyVersionRow> {
      const [row] = await tx.insert(policyVersions).values(values).returning();
      return row!;
    },

    async updateVersion(
      tx: Tx,
      id: string,
      changes: Partial<typeof policyVersions.$inferInsert>,
    ): Promise<PolicyVersionRow> {
      const [row] = await tx.update(policyVersions).set(changes).where(eq(policyVersions.id, id)).returning();
      return row!;
    },

    async findVersion(
      tx: Tx,
      id: string,
      options: { lock?: boolean } = {},
    ): Promise<PolicyVersionWithApproval | undefined> {
      const query = tx.select().from(policyVersions).where(eq(policyVersions.id, id));
      const [row] = options.lock ? await query.for("update") : await query;
      return row ? (await withApprovals(tx, [row]))[0] : undefined;
    },

    async current(tx: Tx): Promise<PolicyVersionWithApproval | undefined> {
      const [row] = await tx.select().from(policyVersions).where(eq(policyVersions.status, "approved"));
      return row ? (await withApprovals(tx, [row]))[0] : undefined;
    },

    async listVersions(tx: Tx, options: { includeDrafts: boolean }): Promise<PolicyVersionWithApproval[]> {
      const rows = await tx
        .select()
        .from(policyVersions)
        .where(options.includeDrafts ? undefined : ne(policyVersions.status, "draft"))
        .orderBy(desc(policyVersions.versionNumber), desc(policyVersions.createdAt));
      // Drafts (no number) first, then the approved history newest first.
      const sorted = [
        ...rows.filter((r) => r.versionNumber === null),
        ...rows.filter((r) => r.versionNumber !== null),
      ];
      return withApprovals(tx, sorted);
    },

    /**
     * Serialises approvals within one association for the rest of the transaction: two board
     * resolutions recorded at once are applied one after the other, never interleaved.
     */
    async lockApprovals(tx: Tx, associationId: string): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`policy:${associationId}`}, 0))`);
    },

    async lastVersionNumber(tx: Tx): Promise<number> {
      const [row] = await tx
        .select({ last: max(policyVersions.versionNumber) })
        .from(policyVersions)
        .where(isNotNull(policyVersions.versionNumber));
      return row?.last ?? 0;
    },

    async insertApproval(tx: Tx, values: typeof policyApprovals.$inferInsert): Promise<PolicyApprovalRow> {
      const [row] = await tx.insert(policyApprovals).values(values).returning();
      return row!;
    },

    /** The version in force when this user has not signed it yet; one indexed lookup, asked on every request. */
    async unsignedCurrent(
      tx: Tx,
      userId: string,
    ): Promise<{ id: string; versionNumber: number | null } | undefined> {
      const [row] = await tx
        .select({ id: policyVersions.id, versionNumber: policyVersions.versionNumber })
        .from(policyVersions)
        .where(
          and(
            eq(policyVersions.status, "approved"),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(policyAcknowledgements)
                .where(
                  and(
                    eq(policyAcknowledgements.versionId, policyVersions.id),
                    eq(policyAcknowledgements.userId, userId),
                  ),
                ),
            ),
          ),
        )
        .limit(1);
      return row;
    },

    async findAcknowledgement(
      tx: Tx,
      versionId: string,
      userId: string,
    ): Promise<PolicyAcknowledgementRow | undefined> {
      const [row] = await tx
        .select()
        .from(policyAcknowledgements)
        .where(
          and(eq(policyAcknowledgements.versionId, versionId), eq(policyAcknowledgements.userId, userId)),
        );
      return row;
    },

    /** Versions that were the policy in force at some moment of [fromAt, toAt), oldest first. */
    async versionsInForce(tx: Tx, fromAt: Date, toAt: Date): Promise<PolicyVersionWithApproval[]> {
      const rows = await tx
        .select()
        .from(policyVersions)
        .where(
          and(
            ne(policyVersions.status, "draft"),
            lt(policyVersions.approvedAt, toAt),
            or(isNull(policyVersions.supersededAt), gte(policyVersions.supersededAt, fromAt)),
          ),
        )
        .orderBy(asc(policyVersions.versionNumber));
      return withApprovals(tx, rows);
    },

    /** Signatures of these versions given before `before`, in the order they were given. */
    async acknowledgementsBefore(
      tx: Tx,
      versionIds: string[],
      before: Date,
    ): Promise<PolicyAcknowledgementRow[]> {
      if (versionIds.length === 0) return [];
      return tx
        .select()
        .from(policyAcknowledgements)
        .where(
          and(
            inArray(policyAcknowledgements.versionId, versionIds),
            lt(policyAcknowledgements.signedAt, before),
          ),
        )
        .orderBy(asc(policyAcknowledgements.signedAt));
    },

    async acknowledgementsOf(tx: Tx, versionId: string): Promise<PolicyAcknowledgementRow[]> {
      return tx.select().from(policyAcknowledgements).where(eq(policyAcknowledgements.versionId, versionId));
    },

    /** Signing twice is harmless: the first signature stands. */
    async insertAcknowledgement(
      tx: Tx,
      values: typeof policyAcknowledgements.$inferInsert,
    ): Promise<PolicyAcknowledgementRow | undefined> {
      const [row] = await tx
        .insert(policyAcknowledgements)
        .values(values)
        .onConflictDoNothing({ target: [policyAcknowledgements.versionId, policyAcknowledgements.userId] })
        .returning();
      return row;
    },

    // ——— The library ———

    async insertDocument(tx: Tx, values: typeof libraryDocuments.$inferInsert): Promise<LibraryDocumentRow> {
      const [row] = await tx.insert(libraryDocuments).values(values).returning();
      return row!;
    },

    async touchDocument(tx: Tx, id: string, at: Date): Promise<void> {
      await tx.update(libraryDocuments).set({ updatedAt: at }).where(eq(libraryDocuments.id, id));
    },

    async findDocument(tx: Tx, id: string): Promise<LibraryDocumentRow | undefined> {
      const [row] = await tx.select().from(libraryDocuments).where(eq(libraryDocuments.id, id)).for("update");
      return row;
    },

    async insertDocumentVersion(tx: Tx, values: typeof libraryDocumentVersions.$inferInsert): Promise<void> {
      await tx.insert(libraryDocumentVersions).values(values);
    },

    /** Documents whose folded title holds every folded word of the query, with their versions. */
    async searchDocuments(
      tx: Tx,
      filter: { words: string[]; kind?: string | undefined; step?: number | undefined },
    ): Promise<LibraryDocumentWithVersions[]> {
      const conditions = [
        ...filter.words.map((word) => like(libraryDocuments.titleKey, `%${escapeLike(word)}%`)),
        ...(filter.kind ? [eq(libraryDocuments.kind, filter.kind)] : []),
        ...(filter.step === undefined ? [] : [sql`${filter.step} = any(${libraryDocuments.stepIndexes})`]),
      ];
      const documents = await tx
        .select()
        .from(libraryDocuments)
        .where(conditions.length ? and(...conditions) : undefined)
        .orderBy(asc(libraryDocuments.titleAr))
        .limit(200);
      return attachVersions(tx, documents);
    },

    async documentWithVersions(tx: Tx, id: string): Promise<LibraryDocumentWithVersions | undefined> {
      const [row] = await tx.select().from(libraryDocuments).where(eq(libraryDocuments.id, id));
      return row ? (await attachVersions(tx, [row]))[0] : undefined;
    },
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

async function attachVersions(
  tx: Tx,
  documents: LibraryDocumentRow[],
): Promise<LibraryDocumentWithVersions[]> {
  if (documents.length === 0) return [];
  const versions = await tx
    .select({ version: libraryDocumentVersions, fileName: files.originalName })
    .from(libraryDocumentVersions)
    .innerJoin(files, eq(files.id, libraryDocumentVersions.fileId))
    .where(
      inArray(
        libraryDocumentVersions.documentId,
        documents.map((d) => d.id),
      ),
    )
    .orderBy(desc(libraryDocumentVersions.uploadedAt), desc(libraryDocumentVersions.id));
  return documents.map((d) => ({
    ...d,
    versions: versions
      .filter((v) => v.version.documentId === d.id)
      .map((v) => ({ ...v.version, fileName: v.fileName })),
  }));
}
