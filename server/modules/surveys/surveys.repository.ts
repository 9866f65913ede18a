import { and, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  beneficiaries,
  supportRequests,
  surveyAnswers,
  surveyCampaigns,
  surveyFollowUps,
  surveyHeldBack,
  surveyInvitations,
  surveyOptOuts,
  surveyRollups,
  surveySettings,
  surveyStaffRatings,
  surveys,
  surveyVersions,
  users,
} from "../../db/schema.js";
import type { RollupDelta } from "./surveys.rules.js";

export type SurveysRepository = ReturnType<typeof createSurveysRepository>;
export type SurveyRow = typeof surveys.$inferSelect;
export type VersionRow = typeof surveyVersions.$inferSelect;
export type SettingsRow = typeof surveySettings.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;
export type CampaignRow = typeof surveyCampaigns.$inferSelect;
export type FollowUpRow = typeof surveyFollowUps.$inferSelect;
export type RollupRow = typeof surveyRollups.$inferSelect;

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Months as YYYY-MM between two (inclusive); either end open. */
function monthRange(column: typeof surveyRollups.month, months: { from?: string; to?: string }) {
  return [months.from ? gte(column, months.from) : undefined, months.to ? lte(column, months.to) : undefined];
}

export function createSurveysRepository() {
  return {
    // ── Surveys and versions ──
    async surveys(tx: Tx) {
      return tx
        .select({
          survey: surveys,
          answers: sql<number>`(select coalesce(sum(${surveyVersions.answers}), 0)::int from ${surveyVersions} where ${surveyVersions.surveyId} = ${surveys.id})`,
          invitations: sql<number>`(select count(*)::int from ${surveyInvitations} where ${surveyInvitations.surveyId} = ${surveys.id})`,
        })
        .from(surveys)
        .orderBy(desc(surveys.updatedAt));
    },
    async survey(tx: Tx, id: string): Promise<SurveyRow | undefined> {
      const [row] = await tx.select().from(surveys).where(eq(surveys.id, id));
      return row;
    },
    async lockSurvey(tx: Tx, id: string): Promise<SurveyRow | undefined> {
      const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for("update");
      return row;
    },
    async insertSurvey(tx: Tx, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
      const [row] = await tx.insert(surveys).values(values).returning();
      return row!;
    },
    async updateSurvey(tx: Tx, id: string, values: Partial<typeof surveys.$inferInsert>): Promise<SurveyRow> {
      const [row] = await tx.update(surveys).set(values).where(eq(surveys.id, id)).returning();
      return row!;
    },
    async versions(tx: Tx, surveyId: string): Promise<VersionRow[]> {
      return tx
        .select()
        .from(surveyVersions)
        .where(eq(surveyVersions.surveyId, surveyId))
        .orderBy(desc(surveyVersions.version));
    },
    async version(tx: Tx, surveyId: string, version: number): Promise<VersionRow | undefined> {
      const [row] = await tx
        .select()
        .from(surveyVersions)
        .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
      return row;
    },
    async insertVersion(tx: Tx, values: typeof surveyVersions.$inferInsert): Promise<VersionRow> {
      const [row] = await tx.insert(surveyVersions).values(values).returning();
      return row!;
    },
    /** Rewrites a version's questions only while it has no answers (the row is locked by the caller). */
    async rewriteVersion(
      tx: Tx,
      surveyId: string,
      version: number,
      values: Pick<VersionRow, "intro" | "questions">,
    ): Promise<VersionRow | undefined> {
      const [row] = await tx
        .update(surveyVersions)
        .set(values)
        .where(
          and(
            eq(surveyVersions.surveyId, surveyId),
            eq(surveyVersions.version, version),
            eq(surveyVersions.answers, 0),
          ),
        )
        .returning();
      return row;
    },
    async countAnswer(tx: Tx, surveyId: string, version: number, n = 1) {
      await tx
        .update(surveyVersions)
        .set({ answers: sql`${surveyVersions.answers} + ${n}` })
        .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
    },

    // ── Settings ──
    async settings(tx: Tx): Promise<SettingsRow | undefined> {
      const [row] = await tx.select().from(surveySettings);
      return row;
    },
    async saveSettings(tx: Tx, values: typeof surveySettings.$inferInsert): Promise<SettingsRow> {
      const { associationId: _, ...changes } = values;
      const [row] = await tx
        .insert(surveySettings)
        .values(values)
        .onConflictDoUpdate({ target: surveySettings.associationId, set: changes })
        .returning();
      return row!;
    },

    // ── Invitations ──
    async insertInvitation(tx: Tx, values: typeof surveyInvitations.$inferInsert): Promise<InvitationRow> {
      const [row] = await tx.insert(surveyInvitations).values(values).returning();
      return row!;
    },
    async invitationByHash(tx: Tx, tokenHash: string): Promise<InvitationRow | undefined> {
      const [row] = await tx
        .select()
        .from(surveyInvitations)
        .where(eq(surveyInvitations.tokenHash, tokenHash));
      return row;
    },
    async invitation(tx: Tx, id: string): Promise<InvitationRow | undefined> {
      const [row] = await tx.select().from(surveyInvitations).where(eq(surveyInvitations.id, id));
      return row;
    },
    /** Marks the invitation answered (no time) once; false when it was already. */
    async markAnswered(tx: Tx, id: string): Promise<boolean> {
      const updated = await tx
        .update(surveyInvitations)
        .set({ answered: true })
        .where(and(eq(surveyInvitations.id, id), eq(surveyInvitations.answered, false)))
        .returning({ id: surveyInvitations.id });
      return updated.length === 1;
    },
    async markReminded(tx: Tx, id: string): Promise<boolean> {
      const updated = await tx
        .update(surveyInvitations)
        .set({ reminded: true })
        .where(
          and(
            eq(surveyInvitations.id, id),
            eq(surveyInvitations.reminded, false),
            eq(surveyInvitations.answered, false),
          ),
        )
        .returning({ id: surveyInvitations.id });
      return updated.length === 1;
    },
    /** Of these people, who was invited after `since`. */
    async invitedSince(tx: Tx, beneficiaryIds: string[], since: Date): Promise<Set<string>> {
      if (!beneficiaryIds.length) return new Set();
      const found = await tx
        .selectDistinct({ id: surveyInvitations.beneficiaryId })
        .from(surveyInvitations)
        .where(
          and(
            inArray(surveyInvitations.beneficiaryId, beneficiaryIds),
            gt(surveyInvitations.invitedAt, since),
          ),
        );
      return new Set(found.map((r) => r.id));
    },
    async invitationCounts(tx: Tx, filter: { campaignId?: string; postService?: boolean }) {
      const [row] = await tx
        .select({
          invited: sql<number>`count(*)::int`,
          reminded: sql<number>`count(*) filter (where ${surveyInvitations.reminded})::int`,
          answered: sql<number>`count(*) filter (where ${surveyInvitations.answered})::int`,
        })
        .from(surveyInvitations)
        .where(
          filter.campaignId
            ? eq(surveyInvitations.campaignId, filter.campaignId)
            : isNull(surveyInvitations.campaignId),
        );
      return row!;
    },
    async invitedCount(tx: Tx, filter: { surveyId?: string; fromAt?: Date; toAt?: Date }): Promise<number> {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(surveyInvitations)
        .where(
          and(
            filter.surveyId ? eq(surveyInvitations.surveyId, filter.surveyId) : undefined,
            filter.fromAt ? gte(surveyInvitations.invitedAt, filter.fromAt) : undefined,
            filter.toAt ? lt(surveyInvitations.invitedAt, filter.toAt) : undefined,
          ),
        );
      return row!.n;
    },
    async holdBack(tx: Tx, associationId: string, month: string, reason: string) {
      await tx
        .insert(surveyHeldBack)
        .values({ associationId, month, reason, count: 1 })
        .onConflictDoUpdate({
          target: [surveyHeldBack.associationId, surveyHeldBack.month, surveyHeldBack.reason],
          set: { count: sql`${surveyHeldBack.count} + 1` },
        });
    },
    async heldBackTotals(tx: Tx): Promise<Map<string, number>> {
      const found = await tx
        .select({ reason: surveyHeldBack.reason, n: sql<number>`sum(${surveyHeldBack.count})::int` })
        .from(surveyHeldBack)
        .groupBy(surveyHeldBack.reason);
      return new Map(found.map((r) => [r.reason, r.n]));
    },
    async moveInvitations(tx: Tx, fromId: string, toId: string): Promise<number> {
      const moved = await tx
        .update(surveyInvitations)
        .set({ beneficiaryId: toId })
        .where(eq(surveyInvitations.beneficiaryId, fromId))
        .returning({ id: surveyInvitations.id });
      return moved.length;
    },

    // ── Opting out ──
    async optOut(tx: Tx, beneficiaryId: string) {
      const [row] = await tx
        .select()
        .from(surveyOptOuts)
        .where(eq(surveyOptOuts.beneficiaryId, beneficiaryId));
      return row;
    },
    async optedOutOf(tx: Tx, beneficiaryIds: string[]): Promise<Set<string>> {
      if (!beneficiaryIds.length) return new Set();
      const found = await tx
        .select({ id: surveyOptOuts.beneficiaryId })
        .from(surveyOptOuts)
        .where(inArray(surveyOptOuts.beneficiaryId, beneficiaryIds));
      return new Set(found.map((r) => r.id));
    },
    async setOptOut(tx: Tx, associationId: string, beneficiaryId: string, since: Date) {
      await tx.insert(surveyOptOuts).values({ associationId, beneficiaryId, since }).onConflictDoNothing();
    },
    async clearOptOut(tx: Tx, beneficiaryId: string) {
      await tx.delete(surveyOptOuts).where(eq(surveyOptOuts.beneficiaryId, beneficiaryId));
    },
    /** The kept file keeps its own choice, or takes the merged one's. */
    async moveOptOut(tx: Tx, fromId: string, toId: string): Promise<number> {
      const from = await this.optOut(tx, fromId);
      if (!from) return 0;
      await this.clearOptOut(tx, fromId);
      if (!(await this.optOut(tx, toId))) await this.setOptOut(tx, from.associationId, toId, from.since);
      return 1;
    },

    // ── Answers, staff ratings and rollups ──
    async insertAnswers(tx: Tx, values: (typeof surveyAnswers.$inferInsert)[]) {
      for (let i = 0; i < values.length; i += 500)
        await tx.insert(surveyAnswers).values(values.slice(i, i + 500));
    },
    /** The latest answers' free text of a survey, newest day first (for the themes' examples). */
    async recentAnswers(tx: Tx, surveyId: string, days: { from?: string; to?: string }, limit: number) {
      return tx
        .select({ answers: surveyAnswers.answers })
        .from(surveyAnswers)
        .where(
          and(
            eq(surveyAnswers.surveyId, surveyId),
            days.from ? gte(surveyAnswers.answeredOn, days.from) : undefined,
            days.to ? lte(surveyAnswers.answeredOn, days.to) : undefined,
          ),
        )
        .orderBy(desc(surveyAnswers.answeredOn))
        .limit(limit);
    },
    async rateStaff(
      tx: Tx,
      associationId: string,
      staffId: string,
      month: string,
      answers: number,
      sum: number,
    ) {
      await tx
        .insert(surveyStaffRatings)
        .values({ associationId, staffId, month, answers, sum })
        .onConflictDoUpdate({
          target: [surveyStaffRatings.staffId, surveyStaffRatings.month],
          set: {
            answers: sql`${surveyStaffRatings.answers} + ${answers}`,
            sum: sql`${surveyStaffRatings.sum} + ${sum}`,
          },
        });
    },
    async staffRating(tx: Tx, filter: { staffId?: string; from?: string; to?: string }) {
      const [row] = await tx
        .select({
          answers: sql<number>`coalesce(sum(${surveyStaffRatings.answers}), 0)::int`,
          sum: sql<number>`coalesce(sum(${surveyStaffRatings.sum}), 0)::int`,
        })
        .from(surveyStaffRatings)
        .where(
          and(
            filter.staffId ? eq(surveyStaffRatings.staffId, filter.staffId) : undefined,
            filter.from ? gte(surveyStaffRatings.month, filter.from) : undefined,
            filter.to ? lte(surveyStaffRatings.month, filter.to) : undefined,
          ),
        );
      return row!;
    },
    /** Adds the deltas to the monthly rollup; the per-value counts are summed key by key. */
    async addToRollups(
      tx: Tx,
      associationId: string,
      surveyId: string,
      rowsByMonth: { month: string; delta: RollupDelta }[],
    ) {
      if (!rowsByMonth.length) return;
      await tx
        .insert(surveyRollups)
        .values(
          rowsByMonth.map(({ month, delta: d }) => ({
            associationId,
            surveyId,
            month,
            questionKey: d.questionKey,
            kind: d.kind,
            aboutStaff: d.aboutStaff,
            answers: d.answers,
            sum: d.sum,
            promoters: d.promoters,
            passives: d.passives,
            detractors: d.detractors,
            counts: d.counts,
          })),
        )
        .onConflictDoUpdate({
          target: [
            surveyRollups.associationId,
            surveyRollups.surveyId,
            surveyRollups.month,
            surveyRollups.questionKey,
            surveyRollups.kind,
          ],
          set: {
            aboutStaff: sql`excluded.about_staff`,
            answers: sql`${surveyRollups.answers} + excluded.answers`,
            sum: sql`${surveyRollups.sum} + excluded.sum`,
            promoters: sql`${surveyRollups.promoters} + excluded.promoters`,
            passives: sql`${surveyRollups.passives} + excluded.passives`,
            detractors: sql`${surveyRollups.detractors} + excluded.detractors`,
            counts: sql`(select coalesce(jsonb_object_agg(k, n), '{}'::jsonb) from (
              select k, sum(v::int) as n from (
                select key as k, value as v from jsonb_each_text(${surveyRollups.counts})
                union all select key, value from jsonb_each_text(excluded.counts)) s group by k) t)`,
          },
        });
    },
    async rollups(tx: Tx, filter: { surveyId?: string; from?: string; to?: string }): Promise<RollupRow[]> {
      return tx
        .select()
        .from(surveyRollups)
        .where(
          and(
            filter.surveyId ? eq(surveyRollups.surveyId, filter.surveyId) : undefined,
            ...monthRange(surveyRollups.month, filter),
          ),
        );
    },
    /** The dashboard's figures per month, summed over surveys in SQL (small whatever the answers). */
    async monthlyFigures(tx: Tx, months: { from?: string; to?: string }) {
      return tx
        .select({
          month: surveyRollups.month,
          kind: surveyRollups.kind,
          answers: sql<number>`sum(${surveyRollups.answers})::int`,
          sum: sql<number>`sum(${surveyRollups.sum})::float8`,
          promoters: sql<number>`sum(${surveyRollups.promoters})::int`,
          passives: sql<number>`sum(${surveyRollups.passives})::int`,
          detractors: sql<number>`sum(${surveyRollups.detractors})::int`,
        })
        .from(surveyRollups)
        .where(
          and(
            inArray(surveyRollups.kind, ["answer", "csat", "nps"]),
            eq(surveyRollups.aboutStaff, false),
            ...monthRange(surveyRollups.month, months),
          ),
        )
        .groupBy(surveyRollups.month, surveyRollups.kind)
        .orderBy(surveyRollups.month);
    },
    async themeCounts(tx: Tx, months: { from?: string; to?: string }) {
      const where = and(eq(surveyRollups.kind, "text"), ...monthRange(surveyRollups.month, months));
      return rows<{ theme: string; count: number }>(
        await tx.execute(sql`select e.key as theme, sum(e.value::int)::int as count
          from ${surveyRollups}, jsonb_each_text(${surveyRollups.counts}) e
          where ${where} group by e.key order by 2 desc`),
      );
    },

    // ── Campaigns and their audience ──
    async insertCampaign(tx: Tx, values: typeof surveyCampaigns.$inferInsert): Promise<CampaignRow> {
      const [row] = await tx.insert(surveyCampaigns).values(values).returning();
      return row!;
    },
    async campaigns(tx: Tx): Promise<CampaignRow[]> {
      return tx.select().from(surveyCampaigns).orderBy(desc(surveyCampaigns.createdAt)).limit(200);
    },
    async campaign(tx: Tx, id: string): Promise<CampaignRow | undefined> {
      const [row] = await tx.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id));
      return row;
    },
    /** Live files (not merged away) in the audience: everyone, a category, or those with a request for a service. */
    async audience(
      tx: Tx,
      audience: { kind: string; categoryId?: string; serviceId?: string },
    ): Promise<string[]> {
      const live = isNull(beneficiaries.mergedIntoId);
      if (audience.kind === "service") {
        const found = await tx
          .selectDistinct({ id: beneficiaries.id })
          .from(beneficiaries)
          .innerJoin(supportRequests, eq(supportRequests.beneficiaryId, beneficiaries.id))
          .where(and(live, eq(supportRequests.serviceId, audience.serviceId!)));
        return found.map((r) => r.id);
      }
      const found = await tx
        .select({ id: beneficiaries.id })
        .from(beneficiaries)
        .where(
          and(
            live,
            audience.kind === "category" ? eq(beneficiaries.categoryId, audience.categoryId!) : undefined,
          ),
        );
      return found.map((r) => r.id);
    },

    // ── Follow-ups ──
    async insertFollowUp(tx: Tx, values: typeof surveyFollowUps.$inferInsert): Promise<FollowUpRow> {
      const [row] = await tx.insert(surveyFollowUps).values(values).returning();
      return row!;
    },
    async followUps(tx: Tx, filter: { status?: string; ownerId?: string; openTasks?: boolean } = {}) {
      return tx
        .select()
        .from(surveyFollowUps)
        .where(
          and(
            filter.status ? eq(surveyFollowUps.status, filter.status) : undefined,
            filter.ownerId ? eq(surveyFollowUps.taskOwnerId, filter.ownerId) : undefined,
            filter.openTasks
              ? and(eq(surveyFollowUps.status, "task"), isNull(surveyFollowUps.taskDoneAt))
              : undefined,
          ),
        )
        .orderBy(desc(surveyFollowUps.createdAt))
        .limit(500);
    },
    async followUp(tx: Tx, id: string): Promise<FollowUpRow | undefined> {
      const [row] = await tx.select().from(surveyFollowUps).where(eq(surveyFollowUps.id, id)).for("update");
      return row;
    },
    async updateFollowUp(tx: Tx, id: string, values: Partial<FollowUpRow>): Promise<FollowUpRow> {
      const [row] = await tx
        .update(surveyFollowUps)
        .set(values)
        .where(eq(surveyFollowUps.id, id))
        .returning();
      return row!;
    },
    async moveFollowUps(tx: Tx, fromId: string, toId: string): Promise<number> {
      const moved = await tx
        .update(surveyFollowUps)
        .set({ beneficiaryId: toId })
        .where(eq(surveyFollowUps.beneficiaryId, fromId))
        .returning({ id: surveyFollowUps.id });
      return moved.length;
    },

    async names(tx: Tx, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const found = await tx
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, unique));
      return new Map(found.map((r) => [r.id, r.fullName]));
    },
    async beneficiaryNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(ids)];
      if (!unique.length) return new Map();
      const found = await tx
        .select({ id: beneficiaries.id, fullName: beneficiaries.fullName })
        .from(beneficiaries)
        .where(inArray(beneficiaries.id, unique));
      return new Map(found.map((r) => [r.id, r.fullName]));
    },
  };
}
