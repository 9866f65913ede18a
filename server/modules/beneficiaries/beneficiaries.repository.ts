import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  beneficiaries,
  beneficiaryCategories,
  beneficiaryCounters,
  beneficiaryImports,
  consents,
  householdMembers,
} from "../../db/schema.js";

export type BeneficiaryRow = typeof beneficiaries.$inferSelect;
export type NewBeneficiary = Omit<typeof beneficiaries.$inferInsert, "fileNumber">;
export type HouseholdRow = typeof householdMembers.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type CategoryRow = typeof beneficiaryCategories.$inferSelect;
export type ImportRow = typeof beneficiaryImports.$inferSelect;
export type BeneficiaryWithCategory = BeneficiaryRow & { categoryCode: string | null };

export type BeneficiariesRepository = ReturnType<typeof createBeneficiariesRepository>;

const live = isNull(beneficiaries.mergedIntoId);

function withCategory(tx: Tx) {
  return tx
    .select({ row: beneficiaries, categoryCode: beneficiaryCategories.code })
    .from(beneficiaries)
    .leftJoin(beneficiaryCategories, eq(beneficiaryCategories.id, beneficiaries.categoryId));
}

async function nameCandidates(tx: Tx, where: SQL, similarity: SQL, limit: number) {
  const rows = await tx
    .select({
      row: beneficiaries,
      categoryCode: beneficiaryCategories.code,
      similarity: sql<number>`${similarity}`,
    })
    .from(beneficiaries)
    .leftJoin(beneficiaryCategories, eq(beneficiaryCategories.id, beneficiaries.categoryId))
    .where(where)
    .orderBy(sql`${similarity} desc`)
    .limit(limit);
  return rows.map(({ row, categoryCode, similarity: sim }) => ({
    ...row,
    categoryCode,
    similarity: Number(sim),
  }));
}

const flatten = (rows: { row: BeneficiaryRow; categoryCode: string | null }[]): BeneficiaryWithCategory[] =>
  rows.map(({ row, categoryCode }) => ({ ...row, categoryCode }));

function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; affectedRows?: number; rowCount?: number };
  return r.rows?.length ?? r.rowCount ?? r.affectedRows ?? 0;
}

export function createBeneficiariesRepository() {
  return {
    async insert(tx: Tx, values: NewBeneficiary): Promise<BeneficiaryRow> {
      const [counter] = await tx
        .insert(beneficiaryCounters)
        .values({ associationId: values.associationId, lastFileNumber: 1 })
        .onConflictDoUpdate({
          target: beneficiaryCounters.associationId,
          set: { lastFileNumber: sql`${beneficiaryCounters.lastFileNumber} + 1` },
        })
        .returning();
      const [row] = await tx
        .insert(beneficiaries)
        .values({ ...values, fileNumber: counter!.lastFileNumber })
        .returning();
      return row!;
    },

    async update(tx: Tx, id: string, changes: Partial<NewBeneficiary>): Promise<BeneficiaryRow | undefined> {
      const [row] = await tx.update(beneficiaries).set(changes).where(eq(beneficiaries.id, id)).returning();
      return row;
    },

    /** Row locks in one order (by id), so two merges touching the same records wait, never deadlock. */
    async lock(tx: Tx, ids: string[]): Promise<void> {
      await tx
        .select({ id: beneficiaries.id })
        .from(beneficiaries)
        .where(inArray(beneficiaries.id, ids))
        .orderBy(asc(beneficiaries.id))
        .for("update");
    },

    async findById(tx: Tx, id: string): Promise<BeneficiaryWithCategory | undefined> {
      return flatten(await withCategory(tx).where(eq(beneficiaries.id, id)))[0];
    },

    async household(tx: Tx, beneficiaryId: string): Promise<HouseholdRow[]> {
      return tx
        .select()
        .from(householdMembers)
        .where(eq(householdMembers.beneficiaryId, beneficiaryId))
        .orderBy(asc(householdMembers.fullName));
    },

    async replaceHousehold(
      tx: Tx,
      beneficiaryId: string,
      members: Omit<typeof householdMembers.$inferInsert, "beneficiaryId">[],
    ): Promise<void> {
      await tx.delete(householdMembers).where(eq(householdMembers.beneficiaryId, beneficiaryId));
      if (members.length)
        await tx.insert(householdMembers).values(members.map((m) => ({ ...m, beneficiaryId })));
    },

    async consents(tx: Tx, beneficiaryId: string): Promise<ConsentRow[]> {
      return tx
        .select()
        .from(consents)
        .where(eq(consents.beneficiaryId, beneficiaryId))
        .orderBy(desc(consents.givenAt));
    },

    async insertConsent(tx: Tx, values: typeof consents.$inferInsert): Promise<ConsentRow> {
      const [row] = await tx.insert(consents).values(values).returning();
      return row!;
    },

    /**
     * The person decides per purpose: withdrawing one consent withdraws every live consent to the
     * same purpose on the file (two kept after a merge are one decision). The named one first.
     */
    async withdrawConsent(tx: Tx, beneficiaryId: string, consentId: string, at: Date): Promise<ConsentRow[]> {
      const [named] = await tx
        .select()
        .from(consents)
        .where(
          and(
            eq(consents.id, consentId),
            eq(consents.beneficiaryId, beneficiaryId),
            isNull(consents.withdrawnAt),
          ),
        );
      if (!named) return [];
      const rows = await tx
        .update(consents)
        .set({ withdrawnAt: at })
        .where(
          and(
            eq(consents.beneficiaryId, beneficiaryId),
            eq(consents.purpose, named.purpose),
            isNull(consents.withdrawnAt),
          ),
        )
        .returning();
      return rows.sort((a, b) => (a.id === consentId ? -1 : b.id === consentId ? 1 : 0));
    },

    /**
     * After a merge: a live consent is withdrawn when the file holds a withdrawal of the same purpose
     * made at or after it was given (the later decision wins; a withdrawal on either side wins).
     */
    async reconcileConsents(tx: Tx, beneficiaryId: string, at: Date): Promise<number> {
      const rows = await tx.execute(sql`
        update ${consents} as c set withdrawn_at = ${at.toISOString()}::timestamptz
        where c.beneficiary_id = ${beneficiaryId} and c.withdrawn_at is null
          and exists (
            select 1 from ${consents} as w
            where w.beneficiary_id = ${beneficiaryId} and w.purpose = c.purpose
              and w.withdrawn_at is not null and w.withdrawn_at >= c.given_at
          )
        returning c.id`);
      return rowCount(rows);
    },

    async findByNationalId(
      tx: Tx,
      nationalId: string,
      excludeId?: string,
    ): Promise<BeneficiaryWithCategory[]> {
      const conditions: SQL[] = [eq(beneficiaries.nationalId, nationalId), live];
      if (excludeId) conditions.push(ne(beneficiaries.id, excludeId));
      return flatten(await withCategory(tx).where(and(...conditions)));
    },

    async findByPhones(tx: Tx, phones: string[], limit: number, excludeId?: string) {
      if (phones.length === 0) return [];
      const conditions: SQL[] = [arrayOverlaps(beneficiaries.phones, phones), live];
      if (excludeId) conditions.push(ne(beneficiaries.id, excludeId));
      return flatten(
        await withCategory(tx)
          .where(and(...conditions))
          .limit(limit),
      );
    },

    async findByBirthDate(tx: Tx, birthDate: string, limit: number, excludeId?: string) {
      const conditions: SQL[] = [eq(beneficiaries.birthDate, birthDate), live];
      if (excludeId) conditions.push(ne(beneficiaries.id, excludeId));
      return flatten(
        await withCategory(tx)
          .where(and(...conditions))
          .limit(limit),
      );
    },

    async findByFileNumber(tx: Tx, fileNumber: number) {
      return flatten(await withCategory(tx).where(and(eq(beneficiaries.fileNumber, fileNumber), live)));
    },

    /**
     * Name candidates in which every query token appears (the trigram index answers `like`), the
     * closest whole names first. Fast even for common names; misses typos, see `findByNameFuzzy`.
     */
    async findByNameTokens(tx: Tx, key: string, tokens: string[], limit: number) {
      const contains = tokens
        .filter((t) => t.length >= 2)
        .map((t) => sql`${beneficiaries.nameKey} like ${`%${t.replace(/[%_\\]/g, "")}%`}`);
      if (contains.length === 0) return [];
      return nameCandidates(
        tx,
        and(...contains, live)!,
        sql`similarity(${beneficiaries.nameKey}, ${key})`,
        limit,
      );
    },

    /** Names close to the query as a whole (a typo in any part): slower, used when tokens find too few. */
    async findByNameFuzzy(tx: Tx, key: string, limit: number) {
      return nameCandidates(
        tx,
        and(sql`${key} <% ${beneficiaries.nameKey}`, live)!,
        sql`word_similarity(${key}, ${beneficiaries.nameKey})`,
        limit,
      );
    },

    /** Household members (of anyone in the association) holding one of these ids. */
    async householdByNationalIds(tx: Tx, ids: string[], excludeBeneficiaryId?: string) {
      if (ids.length === 0) return [];
      const conditions: SQL[] = [inArray(householdMembers.nationalId, ids), live];
      if (excludeBeneficiaryId) conditions.push(ne(householdMembers.beneficiaryId, excludeBeneficiaryId));
      const rows = await tx
        .select({ member: householdMembers, row: beneficiaries, categoryCode: beneficiaryCategories.code })
        .from(householdMembers)
        .innerJoin(beneficiaries, eq(beneficiaries.id, householdMembers.beneficiaryId))
        .leftJoin(beneficiaryCategories, eq(beneficiaryCategories.id, beneficiaries.categoryId))
        .where(and(...conditions));
      return rows.map(({ member, row, categoryCode }) => ({ member, beneficiary: { ...row, categoryCode } }));
    },

    async findLiveByNationalIds(tx: Tx, ids: string[], excludeId?: string) {
      if (ids.length === 0) return [];
      const conditions: SQL[] = [inArray(beneficiaries.nationalId, ids), live];
      if (excludeId) conditions.push(ne(beneficiaries.id, excludeId));
      return flatten(await withCategory(tx).where(and(...conditions)));
    },

    /**
     * This module's part of a merge: consents and household move to the kept record, and records
     * merged earlier into the duplicate now point at the kept one (one step to the live file).
     */
    async foldInto(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const movedConsents = await tx
        .update(consents)
        .set({ beneficiaryId: toId })
        .where(eq(consents.beneficiaryId, fromId))
        .returning({ id: consents.id });
      const movedHousehold = await tx
        .update(householdMembers)
        .set({ beneficiaryId: toId })
        .where(eq(householdMembers.beneficiaryId, fromId))
        .returning({ id: householdMembers.id });
      const earlier = await tx
        .update(beneficiaries)
        .set({ mergedIntoId: toId })
        .where(eq(beneficiaries.mergedIntoId, fromId))
        .returning({ id: beneficiaries.id });
      return {
        consents: movedConsents.length,
        household_members: movedHousehold.length,
        beneficiaries: earlier.length,
      };
    },

    /** Records folded into this one (their ids), for a history that spans the merge. */
    async mergedInto(tx: Tx, id: string): Promise<string[]> {
      const rows = await tx
        .select({ id: beneficiaries.id })
        .from(beneficiaries)
        .where(eq(beneficiaries.mergedIntoId, id));
      return rows.map((r) => r.id);
    },

    async categories(tx: Tx): Promise<CategoryRow[]> {
      return tx
        .select()
        .from(beneficiaryCategories)
        .orderBy(asc(beneficiaryCategories.sortOrder), asc(beneficiaryCategories.nameAr));
    },

    async insertImport(tx: Tx, values: typeof beneficiaryImports.$inferInsert): Promise<ImportRow> {
      const [row] = await tx.insert(beneficiaryImports).values(values).returning();
      return row!;
    },

    async updateImport(
      tx: Tx,
      id: string,
      changes: Partial<Pick<ImportRow, "processed" | "status" | "report" | "updatedAt">>,
    ): Promise<void> {
      await tx.update(beneficiaryImports).set(changes).where(eq(beneficiaryImports.id, id));
    },

    async findImport(tx: Tx, id: string): Promise<ImportRow | undefined> {
      const [row] = await tx.select().from(beneficiaryImports).where(eq(beneficiaryImports.id, id));
      return row;
    },

    /** Live beneficiaries with a household member whose name holds every token, the member with them. */
    async findByHouseholdNameTokens(tx: Tx, key: string, tokens: string[], limit: number) {
      const contains = tokens
        .filter((t) => t.length >= 2)
        .map((t) => sql`${householdMembers.nameKey} like ${`%${t.replace(/[%_\\]/g, "")}%`}`);
      if (contains.length === 0) return [];
      const similarity = sql<number>`similarity(${householdMembers.nameKey}, ${key})`;
      const rows = await tx
        .select({
          member: householdMembers,
          row: beneficiaries,
          categoryCode: beneficiaryCategories.code,
          similarity,
        })
        .from(householdMembers)
        .innerJoin(beneficiaries, eq(beneficiaries.id, householdMembers.beneficiaryId))
        .leftJoin(beneficiaryCategories, eq(beneficiaryCategories.id, beneficiaries.categoryId))
        .where(and(...contains, live))
        .orderBy(sql`${similarity} desc`)
        .limit(limit);
      return rows.map(({ member, row, categoryCode, similarity: sim }) => ({
        member,
        beneficiary: { ...row, categoryCode },
        similarity: Number(sim),
      }));
    },

    async categoryByCode(tx: Tx, code: string): Promise<CategoryRow | undefined> {
      const [row] = await tx.select().from(beneficiaryCategories).where(eq(beneficiaryCategories.code, code));
      return row;
    },

    async setCategoryAliases(tx: Tx, id: string, aliases: string[]): Promise<CategoryRow | undefined> {
      const [row] = await tx
        .update(beneficiaryCategories)
        .set({ aliases })
        .where(eq(beneficiaryCategories.id, id))
        .returning();
      return row;
    },

    async insertCategory(tx: Tx, values: typeof beneficiaryCategories.$inferInsert): Promise<CategoryRow> {
      const [row] = await tx.insert(beneficiaryCategories).values(values).returning();
      return row!;
    },
  };
}
