import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { isoFromDayNumber } from "../../../shared/domain/index.js";
import type { Tx } from "../../db/client.js";
import {
  beneficiaries,
  beneficiaryCategories,
  correspondence,
  files,
  interactionFiles,
  interactions,
  liaisonAnswerCounts,
  liaisonRoutes,
  users,
} from "../../db/schema.js";
import { libraryDocuments, libraryDocumentVersions } from "../../db/schema-policy.js";

export type InteractionRow = typeof interactions.$inferSelect;
export type Attachment = { id: string; name: string; mediaType: string };
export type CitationRow = {
  documentId: string;
  versionId: string;
  titleAr: string;
  versionLabel: string;
  fileId: string;
  fileName: string;
};
export type InteractionWithNames = InteractionRow & {
  staffName: string;
  routedToName: string | null;
  answeredByName: string | null;
  beneficiaryName: string | null;
  citation: CitationRow | null;
  attachments: Attachment[];
};
export type CorrespondenceRow = typeof correspondence.$inferSelect & {
  recordedByName: string;
  file: Attachment | null;
};
export type ContactsRepository = ReturnType<typeof createContactsRepository>;
/** One liaison officer's figures as the load aggregate returns them (`ContactsRepository.liaisonLoad`). */
export type LiaisonLoadFigures = {
  id: string;
  fullName: string;
  active: boolean;
  openCount: number;
  overdueCount: number;
  answeredCount: number;
  answeredLateCount: number;
  answerDaysSum: number;
  oldestOpenSinceMs: number | null;
  firstDay: number;
};

/** A literal int[] for SQL: the numbers are the caller's own integers, never input. */
function intArray(values: readonly number[]): string {
  if (!values.every(Number.isInteger)) throw new Error("not integers");
  return `array[${values.join(",")}]::int[]`;
}

const routedUser = alias(users, "routed_user");
const answeringUser = alias(users, "answering_user");
const citedFile = alias(files, "cited_file");

export function createContactsRepository() {
  async function listWhere(
    tx: Tx,
    where: SQL | undefined,
    limit: number,
    order: "newest" | "oldest" = "newest",
  ): Promise<InteractionWithNames[]> {
    const rows = await tx
      .select({
        row: interactions,
        staffName: users.fullName,
        routedToName: routedUser.fullName,
        answeredByName: answeringUser.fullName,
        beneficiaryName: beneficiaries.fullName,
        citedDocumentId: libraryDocuments.id,
        citedTitle: libraryDocuments.titleAr,
        citedVersionLabel: libraryDocumentVersions.versionLabel,
        citedFileId: libraryDocumentVersions.fileId,
        citedFileName: citedFile.originalName,
      })
      .from(interactions)
      .innerJoin(users, eq(users.id, interactions.staffUserId))
      .leftJoin(routedUser, eq(routedUser.id, interactions.routedToUserId))
      .leftJoin(answeringUser, eq(answeringUser.id, interactions.answeredBy))
      .leftJoin(beneficiaries, eq(beneficiaries.id, interactions.beneficiaryId))
      .leftJoin(libraryDocumentVersions, eq(libraryDocumentVersions.id, interactions.citedLibraryVersionId))
      .leftJoin(libraryDocuments, eq(libraryDocuments.id, libraryDocumentVersions.documentId))
      .leftJoin(citedFile, eq(citedFile.id, libraryDocumentVersions.fileId))
      .where(where)
      .orderBy(order === "newest" ? desc(interactions.occurredAt) : asc(interactions.occurredAt))
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
    return rows.map((r) => ({
      ...r.row,
      staffName: r.staffName,
      routedToName: r.routedToName,
      answeredByName: r.answeredByName,
      beneficiaryName: r.beneficiaryName,
      citation:
        r.row.citedLibraryVersionId && r.citedDocumentId
          ? {
              documentId: r.citedDocumentId,
              versionId: r.row.citedLibraryVersionId,
              titleAr: r.citedTitle ?? "",
              versionLabel: r.citedVersionLabel ?? "",
              fileId: r.citedFileId ?? "",
              fileName: r.citedFileName ?? "",
            }
          : null,
      attachments: attached
        .filter((a) => a.interactionId === r.row.id)
        .map(({ id, name, mediaType }) => ({ id, name, mediaType })),
    }));
  }

  return {
    /** A merge (ADR 0015): the person's contacts and registered correspondence go to the kept record. */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const moved = await tx
        .update(interactions)
        .set({ beneficiaryId: toId })
        .where(eq(interactions.beneficiaryId, fromId))
        .returning({ id: interactions.id });
      const letters = await tx
        .update(correspondence)
        .set({ beneficiaryId: toId })
        .where(eq(correspondence.beneficiaryId, fromId))
        .returning({ id: correspondence.id });
      return { interactions: moved.length, correspondence: letters.length };
    },

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
      answer: { text: string; citedLibraryVersionId: string | null },
      by: string,
      at: Date,
    ): Promise<InteractionRow | undefined> {
      const [row] = await tx
        .update(interactions)
        .set({
          answer: answer.text,
          citedLibraryVersionId: answer.citedLibraryVersionId,
          answeredBy: by,
          answeredAt: at,
        })
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

    /**
     * Inquiries routed to liaison officers: open ones (oldest first, as they wait), or answered ones
     * (newest first). One officer's, or everyone's for senior management's view.
     */
    async routedInquiries(
      tx: Tx,
      filter: { routedTo?: string; status: "open" | "answered"; limit: number },
    ): Promise<InteractionWithNames[]> {
      const conditions: SQL[] = [eq(interactions.kind, "inquiry"), isNotNull(interactions.routedToUserId)];
      if (filter.routedTo) conditions.push(eq(interactions.routedToUserId, filter.routedTo));
      conditions.push(
        filter.status === "open" ? isNull(interactions.answeredAt) : isNotNull(interactions.answeredAt),
      );
      return listWhere(tx, and(...conditions), filter.limit, filter.status === "open" ? "oldest" : "newest");
    },

    /**
     * The liaison load (S3) as one aggregate: every open routed inquiry, read live from its partial
     * index, and those answered between two Riyadh days, read from the daily counts of migration 0036,
     * aged in working days by a calendar built in SQL from the weekend and the off days given (the
     * association's holidays and closures, as day numbers); days outside them are working days unless
     * at the weekend, as in `createWorkingCalendar`. w(d) counts the working days up to d, so the
     * working days in (a, b] are w(b) − w(a) and the answer is due on the working day whose ordinal
     * is w(opened) + period (ADR 0021); both are array look-ups, no join per row. Also returns the
     * first day it read (`firstDay`), so the caller can tell whether its off days reached back that far.
     */
    async liaisonLoad(
      tx: Tx,
      input: {
        fromDay: number;
        toDay: number;
        nowDay: number;
        periodWorkingDays: number;
        weekend: readonly number[];
        offDays: number[];
      },
    ): Promise<LiaisonLoadFigures[]> {
      const day = (n: number) => sql`${isoFromDayNumber(n)}::date`;
      const riyadhDayNumber = (column: SQL) =>
        sql`(((${column} at time zone 'UTC') + interval '3 hours')::date - date '1970-01-01')`;
      const result = await tx.execute(sql`
        with routed as (
          select routed_to_user_id as officer, occurred_on - date '1970-01-01' as opened, answered_on - date '1970-01-01' as answered,
                 n::bigint as n, null::timestamptz as since
          from ${liaisonAnswerCounts}
          where answered_on >= ${day(input.fromDay)} and answered_on <= ${day(input.toDay)}
          union all
          select routed_to_user_id, ${riyadhDayNumber(sql`occurred_at`)}, null, count(*), min(occurred_at)
          from ${interactions}
          where kind = 'inquiry' and answered_at is null and routed_to_user_id is not null
          group by 1, 2
        ),
        span as (
          select least(min(opened), ${input.nowDay}) as first, greatest(max(answered), ${input.nowDay}) + 400 as last
          from routed
        ),
        -- The calendar as two arrays: w[d − first + 1] is w(d), working[k] the k-th working day.
        calendar as (
          select min(d) as first, array_agg(w order by d) as w, array_agg(d order by d) filter (where working) as working
          from (
            select d, working, sum(working::int) over (order by d)::int as w
            from (
              select d, (extract(dow from date '1970-01-01' + d)::int <> all(${sql.raw(intArray(input.weekend))})
                         and d <> all(${sql.raw(intArray(input.offDays))})) as working
              from span, generate_series(span.first, span.last) as d
            ) days
          ) ordinal
        ),
        aged as (
          select r.officer, r.n, r.since, r.answered,
                 c.working[c.w[r.opened - c.first + 1] + ${input.periodWorkingDays}] as due,
                 c.w[r.answered - c.first + 1] - c.w[r.opened - c.first + 1] as answer_days
          from routed r, calendar c
        )
        select u.id as "id", u.full_name as "fullName", u.active as "active",
               (coalesce(sum(a.n) filter (where a.answered is null), 0))::int as "openCount",
               (coalesce(sum(a.n) filter (where a.answered is null and ${input.nowDay} > a.due), 0))::int as "overdueCount",
               (coalesce(sum(a.n) filter (where a.answered is not null), 0))::int as "answeredCount",
               (coalesce(sum(a.n) filter (where a.answered > a.due), 0))::int as "answeredLateCount",
               (coalesce(sum(a.n * a.answer_days) filter (where a.answered is not null), 0))::float8 as "answerDaysSum",
               floor(extract(epoch from min(a.since)) * 1000)::float8 as "oldestOpenSinceMs",
               (select first from span)::int as "firstDay"
        from aged a join ${users} u on u.id = a.officer
        group by u.id, u.full_name, u.active
        order by u.full_name, u.id`);
      return (result as unknown as { rows: LiaisonLoadFigures[] }).rows;
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
