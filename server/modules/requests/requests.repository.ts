import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  notInArray,
  type SQL,
  sql,
} from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  agendaItems,
  beneficiaries,
  committeeMeetings,
  committeeMembers,
  committees,
  committeeVotes,
  conflictDeclarations,
  declarations,
  deliveries,
  files,
  meetingAttendance,
  minutesApprovals,
  policyWordingMappings,
  referrals,
  requestDocuments,
  requestEscalations,
  requestSettings,
  services,
  supportRequests,
  users,
} from "../../db/schema.js";
import { undecidedStates } from "./requests.machine.js";

export type RequestRow = typeof supportRequests.$inferSelect;
export type RequestWithNames = RequestRow & {
  beneficiaryName: string;
  beneficiaryFileNumber: number;
  serviceCode: string;
  serviceNameAr: string;
  serviceKind: string;
  openedByName: string;
};
export type DocumentWithFile = typeof requestDocuments.$inferSelect & {
  sha256: string;
  fileName: string;
  mediaType: string;
};
export type ReferralWithOwner = typeof referrals.$inferSelect & { ownerName: string };
export type DeclarationRow = typeof declarations.$inferSelect;
export type DeliveryRow = typeof deliveries.$inferSelect;
export type CommitteeRow = typeof committees.$inferSelect;
export type MeetingRow = typeof committeeMeetings.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type EscalationRow = typeof requestEscalations.$inferSelect;
export type RequestsRepository = ReturnType<typeof createRequestsRepository>;
export type MeetingListRow = Awaited<ReturnType<RequestsRepository["meetings"]>>[number];

export function createRequestsRepository() {
  async function listWhere(
    tx: Tx,
    where: SQL | undefined,
    limit: number,
    order: "oldest" | "newest" = "newest",
  ): Promise<RequestWithNames[]> {
    const rows = await tx
      .select({
        row: supportRequests,
        beneficiaryName: beneficiaries.fullName,
        beneficiaryFileNumber: beneficiaries.fileNumber,
        serviceCode: services.code,
        serviceNameAr: services.nameAr,
        serviceKind: services.kind,
        openedByName: users.fullName,
      })
      .from(supportRequests)
      .innerJoin(beneficiaries, eq(beneficiaries.id, supportRequests.beneficiaryId))
      .innerJoin(services, eq(services.id, supportRequests.serviceId))
      .innerJoin(users, eq(users.id, supportRequests.openedBy))
      .where(where)
      .orderBy(order === "newest" ? desc(supportRequests.openedAt) : asc(supportRequests.openedAt))
      .limit(limit);
    return rows.map(({ row, ...names }) => ({ ...row, ...names }));
  }

  return {
    /**
     * A merge (ADR 0015): the person's requests move with everything hanging off them (documents,
     * referrals, declarations, deliveries, agenda items follow the request id; a declaration's
     * fingerprint covers the request's data, not the record, so it keeps covering it). A conflict of
     * interest declared on either record holds for the kept one; a member who declared on both keeps
     * one declaration (the kept record's), the other's reason stays in the audit log.
     */
    async moveBeneficiary(tx: Tx, fromId: string, toId: string): Promise<Record<string, number>> {
      const requests = await tx
        .update(supportRequests)
        .set({ beneficiaryId: toId })
        .where(eq(supportRequests.beneficiaryId, fromId))
        .returning({ id: supportRequests.id });
      const kept = tx
        .select({ userId: conflictDeclarations.userId })
        .from(conflictDeclarations)
        .where(eq(conflictDeclarations.beneficiaryId, toId));
      const conflicts = await tx
        .update(conflictDeclarations)
        .set({ beneficiaryId: toId })
        .where(
          and(eq(conflictDeclarations.beneficiaryId, fromId), notInArray(conflictDeclarations.userId, kept)),
        )
        .returning({ id: conflictDeclarations.id });
      const folded = await tx
        .delete(conflictDeclarations)
        .where(eq(conflictDeclarations.beneficiaryId, fromId))
        .returning({ id: conflictDeclarations.id });
      return {
        support_requests: requests.length,
        conflict_declarations: conflicts.length + folded.length,
      };
    },

    /** Where this module holds a file (request documents, declarations): for who may open it. */
    async fileUses(tx: Tx, fileId: string) {
      const documents = await tx
        .select({
          requirementCode: requestDocuments.requirementCode,
          requirements: supportRequests.requirements,
        })
        .from(requestDocuments)
        .innerJoin(supportRequests, eq(supportRequests.id, requestDocuments.requestId))
        .where(eq(requestDocuments.fileId, fileId));
      const declared = await tx
        .select({ id: declarations.id })
        .from(declarations)
        .where(eq(declarations.fileId, fileId))
        .limit(1);
      return { documents, declared: declared.length > 0 };
    },
    listWhere,

    async wordingMappings(tx: Tx, policyVersionId: string) {
      return tx
        .select()
        .from(policyWordingMappings)
        .where(eq(policyWordingMappings.policyVersionId, policyVersionId));
    },
    /** The confirmation replaces the version's mappings: one transaction, one set. */
    async replaceWordingMappings(
      tx: Tx,
      policyVersionId: string,
      rows: (typeof policyWordingMappings.$inferInsert)[],
    ) {
      await tx
        .delete(policyWordingMappings)
        .where(eq(policyWordingMappings.policyVersionId, policyVersionId));
      if (rows.length) await tx.insert(policyWordingMappings).values(rows);
    },
    async settings(tx: Tx) {
      const [row] = await tx.select().from(requestSettings);
      return row;
    },
    async saveSettings(tx: Tx, values: typeof requestSettings.$inferInsert) {
      const [row] = await tx
        .insert(requestSettings)
        .values(values)
        .onConflictDoUpdate({
          target: requestSettings.associationId,
          set: {
            responsePeriod: values.responsePeriod,
            referralRole: values.referralRole ?? "social_researcher",
            updatedAt: values.updatedAt ?? new Date(0),
          },
        })
        .returning();
      return row!;
    },

    async insert(tx: Tx, values: typeof supportRequests.$inferInsert): Promise<RequestRow> {
      const [row] = await tx.insert(supportRequests).values(values).returning();
      return row!;
    },

    /** The request, locked for the rest of the transaction: moves on one request happen one at a time. */
    async lock(tx: Tx, id: string): Promise<RequestRow | undefined> {
      const [row] = await tx.select().from(supportRequests).where(eq(supportRequests.id, id)).for("update");
      return row;
    },

    async update(
      tx: Tx,
      id: string,
      changes: Partial<typeof supportRequests.$inferInsert>,
    ): Promise<RequestRow> {
      const [row] = await tx
        .update(supportRequests)
        .set(changes)
        .where(eq(supportRequests.id, id))
        .returning();
      return row!;
    },

    /** The requests for a service still awaiting the committee's decision, oldest first. */
    async listUndecidedForService(tx: Tx, serviceId: string, limit: number): Promise<RequestWithNames[]> {
      return listWhere(
        tx,
        and(eq(supportRequests.serviceId, serviceId), inArray(supportRequests.state, [...undecidedStates])),
        limit,
      );
    },

    async findById(tx: Tx, id: string): Promise<RequestWithNames | undefined> {
      return (await listWhere(tx, eq(supportRequests.id, id), 1))[0];
    },

    async list(
      tx: Tx,
      filter: {
        beneficiaryId?: string;
        beneficiaryIds?: string[];
        state?: string;
        openedBy?: string;
        limit: number;
      },
    ): Promise<RequestWithNames[]> {
      const conditions: SQL[] = [];
      if (filter.beneficiaryId) conditions.push(eq(supportRequests.beneficiaryId, filter.beneficiaryId));
      if (filter.beneficiaryIds)
        conditions.push(inArray(supportRequests.beneficiaryId, filter.beneficiaryIds));
      if (filter.state) conditions.push(eq(supportRequests.state, filter.state));
      if (filter.openedBy) conditions.push(eq(supportRequests.openedBy, filter.openedBy));
      return listWhere(tx, conditions.length ? and(...conditions) : undefined, filter.limit);
    },

    async documents(tx: Tx, requestId: string, current = true): Promise<DocumentWithFile[]> {
      const rows = await tx
        .select({
          doc: requestDocuments,
          sha256: files.sha256,
          fileName: files.originalName,
          mediaType: files.mediaType,
        })
        .from(requestDocuments)
        .innerJoin(files, eq(files.id, requestDocuments.fileId))
        .where(
          and(
            eq(requestDocuments.requestId, requestId),
            current ? isNull(requestDocuments.replacedAt) : undefined,
          ),
        )
        .orderBy(asc(requestDocuments.attachedAt));
      return rows.map((r) => ({ ...r.doc, sha256: r.sha256, fileName: r.fileName, mediaType: r.mediaType }));
    },

    async attachDocument(tx: Tx, values: typeof requestDocuments.$inferInsert): Promise<void> {
      await tx
        .update(requestDocuments)
        .set({ replacedAt: values.attachedAt })
        .where(
          and(
            eq(requestDocuments.requestId, values.requestId),
            eq(requestDocuments.requirementCode, values.requirementCode),
            isNull(requestDocuments.replacedAt),
          ),
        );
      await tx.insert(requestDocuments).values(values);
    },

    async insertReferral(tx: Tx, values: typeof referrals.$inferInsert) {
      const [row] = await tx.insert(referrals).values(values).returning();
      return row!;
    },
    async referral(tx: Tx, id: string) {
      const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for("update");
      return row;
    },
    async updateReferral(tx: Tx, id: string, changes: Partial<typeof referrals.$inferInsert>) {
      await tx.update(referrals).set(changes).where(eq(referrals.id, id));
    },
    async referrals(tx: Tx, requestId: string): Promise<ReferralWithOwner[]> {
      const rows = await tx
        .select({ row: referrals, ownerName: users.fullName })
        .from(referrals)
        .innerJoin(users, eq(users.id, referrals.ownerUserId))
        .where(eq(referrals.requestId, requestId))
        .orderBy(asc(referrals.createdAt));
      return rows.map((r) => ({ ...r.row, ownerName: r.ownerName }));
    },
    async openReferralsOf(tx: Tx, ownerUserId: string) {
      return tx
        .select({ referral: referrals, request: supportRequests, beneficiaryName: beneficiaries.fullName })
        .from(referrals)
        .innerJoin(supportRequests, eq(supportRequests.id, referrals.requestId))
        .innerJoin(beneficiaries, eq(beneficiaries.id, supportRequests.beneficiaryId))
        .where(and(eq(referrals.ownerUserId, ownerUserId), isNull(referrals.closedAt)));
    },

    /** The caller holds the request's row lock, so the next number cannot be taken twice. */
    async insertDeclaration(
      tx: Tx,
      values: Omit<typeof declarations.$inferInsert, "number">,
    ): Promise<DeclarationRow> {
      const [row] = await tx
        .insert(declarations)
        .values({
          ...values,
          number: sql`(select coalesce(max(${declarations.number}), 0) + 1 from ${declarations} where ${declarations.requestId} = ${values.requestId})`,
        })
        .returning();
      return row!;
    },
    async updateDeclaration(tx: Tx, id: string, changes: Partial<typeof declarations.$inferInsert>) {
      await tx.update(declarations).set(changes).where(eq(declarations.id, id));
    },
    /** The latest declaration of a request (a new one supersedes older ones). */
    async latestDeclaration(tx: Tx, requestId: string): Promise<DeclarationRow | undefined> {
      const [row] = await tx
        .select()
        .from(declarations)
        .where(eq(declarations.requestId, requestId))
        .orderBy(desc(declarations.number))
        .limit(1);
      return row;
    },

    async insertDelivery(tx: Tx, values: typeof deliveries.$inferInsert): Promise<DeliveryRow> {
      const [row] = await tx.insert(deliveries).values(values).returning();
      return row!;
    },
    async deliveries(tx: Tx, requestId: string): Promise<DeliveryRow[]> {
      return tx
        .select()
        .from(deliveries)
        .where(eq(deliveries.requestId, requestId))
        .orderBy(asc(deliveries.recordedAt));
    },

    // ——— Committees ———

    async insertCommittee(tx: Tx, values: typeof committees.$inferInsert, memberIds: string[]) {
      const [row] = await tx.insert(committees).values(values).returning();
      await tx
        .insert(committeeMembers)
        .values(
          memberIds.map((userId) => ({ associationId: values.associationId, committeeId: row!.id, userId })),
        );
      return row!;
    },
    async committees(tx: Tx, id?: string) {
      const list = await tx
        .select()
        .from(committees)
        .where(id ? eq(committees.id, id) : eq(committees.active, true))
        .orderBy(asc(committees.createdAt));
      if (!list.length) return [];
      const members = await tx
        .select({ committeeId: committeeMembers.committeeId, id: users.id, fullName: users.fullName })
        .from(committeeMembers)
        .innerJoin(users, eq(users.id, committeeMembers.userId))
        .where(
          inArray(
            committeeMembers.committeeId,
            list.map((c) => c.id),
          ),
        )
        .orderBy(asc(users.fullName));
      return list.map((c) => ({
        ...c,
        members: members.filter((m) => m.committeeId === c.id).map(({ id, fullName }) => ({ id, fullName })),
      }));
    },
    async insertMeeting(tx: Tx, values: typeof committeeMeetings.$inferInsert): Promise<MeetingRow> {
      const [row] = await tx.insert(committeeMeetings).values(values).returning();
      return row!;
    },
    async meeting(tx: Tx, id: string, lock = false): Promise<MeetingRow | undefined> {
      const query = tx.select().from(committeeMeetings).where(eq(committeeMeetings.id, id));
      const [row] = lock ? await query.for("update") : await query;
      return row;
    },
    async updateMeeting(tx: Tx, id: string, changes: Partial<typeof committeeMeetings.$inferInsert>) {
      await tx.update(committeeMeetings).set(changes).where(eq(committeeMeetings.id, id));
    },
    async insertAgendaItem(
      tx: Tx,
      values: typeof agendaItems.$inferInsert,
    ): Promise<AgendaItemRow | undefined> {
      const [row] = await tx.insert(agendaItems).values(values).onConflictDoNothing().returning();
      return row;
    },
    async agendaItems(tx: Tx, meetingId: string): Promise<AgendaItemRow[]> {
      return tx
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meetingId))
        .orderBy(asc(agendaItems.id));
    },
    async agendaItem(tx: Tx, meetingId: string, requestId: string): Promise<AgendaItemRow | undefined> {
      const [row] = await tx
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.requestId, requestId)));
      return row;
    },
    async decideItem(tx: Tx, id: string, changes: Partial<typeof agendaItems.$inferInsert>) {
      const [row] = await tx
        .update(agendaItems)
        .set(changes)
        .where(and(eq(agendaItems.id, id), isNull(agendaItems.decidedAt)))
        .returning();
      return row;
    },
    async upsertVote(tx: Tx, values: typeof committeeVotes.$inferInsert) {
      await tx
        .insert(committeeVotes)
        .values(values)
        .onConflictDoUpdate({
          target: [committeeVotes.itemId, committeeVotes.memberId],
          set: { vote: values.vote, note: values.note ?? null, votedAt: values.votedAt },
        });
    },
    async votes(tx: Tx, itemIds: string[]) {
      if (!itemIds.length) return [];
      return tx
        .select({ vote: committeeVotes, memberName: users.fullName })
        .from(committeeVotes)
        .innerJoin(users, eq(users.id, committeeVotes.memberId))
        .where(inArray(committeeVotes.itemId, itemIds))
        .orderBy(asc(committeeVotes.votedAt));
    },
    async approveMinutes(tx: Tx, values: typeof minutesApprovals.$inferInsert) {
      await tx.insert(minutesApprovals).values(values).onConflictDoNothing();
    },
    async clearMinutesApprovals(tx: Tx, meetingId: string) {
      await tx.delete(minutesApprovals).where(eq(minutesApprovals.meetingId, meetingId));
    },
    async minutesApprovals(tx: Tx, meetingId: string) {
      return tx
        .select({ id: users.id, fullName: users.fullName, approvedAt: minutesApprovals.approvedAt })
        .from(minutesApprovals)
        .innerJoin(users, eq(users.id, minutesApprovals.userId))
        .where(eq(minutesApprovals.meetingId, meetingId))
        .orderBy(asc(minutesApprovals.approvedAt));
    },
    /** Every meeting, newest first, with its committee and how many requests it holds and decided. */
    async meetings(tx: Tx, limit: number) {
      return tx
        .select({
          meeting: committeeMeetings,
          committeeName: committees.nameAr,
          items: sql<number>`(select count(*)::int from ${agendaItems} a where a.meeting_id = ${committeeMeetings.id})`,
          decided: sql<number>`(select count(*)::int from ${agendaItems} a where a.meeting_id = ${committeeMeetings.id} and a.decided_at is not null)`,
        })
        .from(committeeMeetings)
        .innerJoin(committees, eq(committees.id, committeeMeetings.committeeId))
        .orderBy(desc(committeeMeetings.heldOn), desc(committeeMeetings.createdAt))
        .limit(limit);
    },
    async attendance(tx: Tx, meetingId: string) {
      return tx
        .select({ userId: meetingAttendance.userId, present: meetingAttendance.present })
        .from(meetingAttendance)
        .where(eq(meetingAttendance.meetingId, meetingId));
    },
    async saveAttendance(tx: Tx, rows: (typeof meetingAttendance.$inferInsert)[]) {
      if (!rows.length) return;
      await tx
        .insert(meetingAttendance)
        .values(rows)
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.userId],
          set: {
            present: sql`excluded.present`,
            recordedBy: sql`excluded.recorded_by`,
            recordedAt: sql`excluded.recorded_at`,
          },
        });
    },
    /** Conflicts of interest declared on any of these beneficiaries, with the member's name. */
    async conflictsOn(tx: Tx, beneficiaryIds: string[]) {
      if (!beneficiaryIds.length) return [];
      return tx
        .select({
          userId: conflictDeclarations.userId,
          fullName: users.fullName,
          beneficiaryId: conflictDeclarations.beneficiaryId,
          reason: conflictDeclarations.reason,
          declaredAt: conflictDeclarations.declaredAt,
        })
        .from(conflictDeclarations)
        .innerJoin(users, eq(users.id, conflictDeclarations.userId))
        .where(inArray(conflictDeclarations.beneficiaryId, beneficiaryIds))
        .orderBy(asc(conflictDeclarations.declaredAt));
    },
    async declareConflict(tx: Tx, values: typeof conflictDeclarations.$inferInsert) {
      const [row] = await tx
        .insert(conflictDeclarations)
        .values(values)
        .onConflictDoUpdate({
          target: [conflictDeclarations.userId, conflictDeclarations.beneficiaryId],
          set: { reason: values.reason, declaredAt: values.declaredAt },
        })
        .returning();
      return row!;
    },
    async hasConflict(tx: Tx, userId: string, beneficiaryId: string): Promise<boolean> {
      const [row] = await tx
        .select({ id: conflictDeclarations.id })
        .from(conflictDeclarations)
        .where(
          and(eq(conflictDeclarations.userId, userId), eq(conflictDeclarations.beneficiaryId, beneficiaryId)),
        );
      return Boolean(row);
    },
    /** Undecided agenda items in the member's committees that wait for their vote. */
    async awaitingVote(tx: Tx, userId: string) {
      return tx
        .select({
          item: agendaItems,
          meeting: committeeMeetings,
          request: supportRequests,
          beneficiaryName: beneficiaries.fullName,
        })
        .from(agendaItems)
        .innerJoin(committeeMeetings, eq(committeeMeetings.id, agendaItems.meetingId))
        .innerJoin(
          committeeMembers,
          and(
            eq(committeeMembers.committeeId, committeeMeetings.committeeId),
            eq(committeeMembers.userId, userId),
          ),
        )
        .innerJoin(supportRequests, eq(supportRequests.id, agendaItems.requestId))
        .innerJoin(beneficiaries, eq(beneficiaries.id, supportRequests.beneficiaryId))
        .where(
          and(
            isNull(agendaItems.decidedAt),
            sql`not exists (select 1 from ${committeeVotes} v where v.item_id = ${agendaItems.id} and v.member_id = ${userId})`,
            sql`${supportRequests.openedBy} <> ${userId}`,
            sql`not exists (select 1 from ${conflictDeclarations} c where c.user_id = ${userId} and c.beneficiary_id = ${supportRequests.beneficiaryId})`,
          ),
        );
    },

    // ——— Deadlines ———

    async insertEscalation(
      tx: Tx,
      values: typeof requestEscalations.$inferInsert,
    ): Promise<EscalationRow | undefined> {
      const [row] = await tx.insert(requestEscalations).values(values).onConflictDoNothing().returning();
      return row;
    },
    async resolveEscalations(tx: Tx, requestId: string, at: Date) {
      await tx
        .update(requestEscalations)
        .set({ resolvedAt: at })
        .where(and(eq(requestEscalations.requestId, requestId), isNull(requestEscalations.resolvedAt)));
    },
    async openEscalations(tx: Tx, filter: { kind?: string; openedBy?: string }) {
      return tx
        .select({
          escalation: requestEscalations,
          request: supportRequests,
          beneficiaryName: beneficiaries.fullName,
        })
        .from(requestEscalations)
        .innerJoin(supportRequests, eq(supportRequests.id, requestEscalations.requestId))
        .innerJoin(beneficiaries, eq(beneficiaries.id, supportRequests.beneficiaryId))
        .where(
          and(
            isNull(requestEscalations.resolvedAt),
            filter.kind ? eq(requestEscalations.kind, filter.kind) : undefined,
            filter.openedBy ? eq(supportRequests.openedBy, filter.openedBy) : undefined,
          ),
        );
    },
    /** Requests with a due date, for the compliance report: those due in the window, or answered in it. */
    async withDeadlines(tx: Tx, window: { fromAt?: Date; toAt?: Date }) {
      return tx
        .select({
          dueAt: supportRequests.dueAt,
          decidedAt: supportRequests.decidedAt,
          state: supportRequests.state,
        })
        .from(supportRequests)
        .where(
          and(
            isNotNull(supportRequests.dueAt),
            window.fromAt ? gte(supportRequests.dueAt, window.fromAt) : undefined,
            window.toAt ? lte(supportRequests.dueAt, window.toAt) : undefined,
            notInArray(supportRequests.state, ["cancelled"]),
          ),
        );
    },
  };
}
