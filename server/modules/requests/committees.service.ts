import type { z } from "zod";
import { mayReadField } from "../../../shared/contracts/access.js";
import type { createCommitteeSchema, decideSchema, voteSchema } from "../../../shared/contracts/requests.js";
import { formatGregorianLong, icuText, parseIsoDate } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { riyadhDay } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { UsersService } from "../users/index.js";
import { requestsPolicy } from "./requests.policy.js";
import type { AgendaItemRow, MeetingRow, RequestsRepository } from "./requests.repository.js";
import {
  dueOf,
  fieldError,
  hijriText,
  type RequestListItem,
  type RequestsService,
  refusal,
  riyals,
} from "./requests.service.js";

export type CommitteesService = ReturnType<typeof createCommitteesService>;
type Member = { id: string; fullName: string };
export type Recusal = { member: Member; kind: "conflict_declared" | "opened_request"; reason: string | null };
export type MeetingDetail = {
  meeting: MeetingRow;
  committee: { id: string; nameAr: string; quorum: number; members: Member[] };
  /** Each member, present, absent, or not recorded yet (null). */
  attendance: { member: Member; present: boolean | null }[];
  items: (AgendaItemRow & {
    request: RequestListItem;
    votes: { memberId: string; memberName: string; vote: string; note: string | null }[];
    recusals: Recusal[];
  })[];
  approvals: { id: string; fullName: string; approvedAt: Date }[];
};

const outcomeWords = { accept: "قبول", reject: "رفض", return: "إعادة لاستكمال المعلومات" } as const;

/** Research committees, their meetings, votes, decisions and minutes (SPEC H6). */
export function createCommitteesService(deps: {
  db: Database;
  repo: RequestsRepository;
  requests: RequestsService;
  users: UsersService;
  beneficiaries: BeneficiariesService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, requests, users, beneficiaries, notifications, audit, clock } = deps;

  async function committeeOf(tx: Tx, id: string) {
    const [committee] = await repo.committees(tx, id);
    if (!committee) throw new AppError("not_found", "committee not found");
    return committee;
  }

  async function meetingDetail(tx: Tx, meetingId: string): Promise<MeetingDetail> {
    const meeting = await repo.meeting(tx, meetingId);
    if (!meeting) throw new AppError("not_found", "meeting not found");
    const committee = await committeeOf(tx, meeting.committeeId);
    const items = await repo.agendaItems(tx, meetingId);
    const votes = await repo.votes(
      tx,
      items.map((i) => i.id),
    );
    const now = clock.now();
    const cal = await requests.calendarAround(tx, now);
    const rows = await Promise.all(items.map((i) => repo.findById(tx, i.requestId)));
    const conflicts = await repo.conflictsOn(tx, [...new Set(rows.map((r) => r!.beneficiaryId))]);
    const attendance = await repo.attendance(tx, meetingId);
    const recusalsOf = (row: NonNullable<(typeof rows)[number]>): Recusal[] =>
      committee.members.flatMap((member): Recusal[] => {
        const conflict = conflicts.find(
          (c) => c.userId === member.id && c.beneficiaryId === row.beneficiaryId,
        );
        if (conflict) return [{ member, kind: "conflict_declared", reason: conflict.reason }];
        if (row.openedBy === member.id) return [{ member, kind: "opened_request", reason: null }];
        return [];
      });
    return {
      meeting,
      committee,
      attendance: committee.members.map((member) => ({
        member,
        present: attendance.find((a) => a.userId === member.id)?.present ?? null,
      })),
      items: items.map((item, n) => ({
        ...item,
        request: { row: rows[n]!, due: dueOf(rows[n]!, cal, now) },
        recusals: recusalsOf(rows[n]!),
        votes: votes
          .filter((v) => v.vote.itemId === item.id)
          .map((v) => ({
            memberId: v.vote.memberId,
            memberName: v.memberName,
            vote: v.vote.vote,
            note: v.vote.note,
          })),
      })),
      approvals: await repo.minutesApprovals(tx, meetingId),
    };
  }

  /** A member never votes on or decides a request they opened or a beneficiary they declared a relation to. */
  async function assertEligible(
    tx: Tx,
    actor: Actor,
    committee: { members: { id: string }[] },
    request: { openedBy: string; beneficiaryId: string },
  ) {
    if (!committee.members.some((m) => m.id === actor.userId))
      throw new AppError("forbidden", "not a member of this committee");
    if (
      request.openedBy === actor.userId ||
      (await repo.hasConflict(tx, actor.userId, request.beneficiaryId))
    )
      throw new AppError("conflict_of_interest", "member opened the request or declared a relation");
  }

  /** The minutes in Arabic, dated the day they are drafted (in Riyadh), with attendance and recusals. */
  function minutesText(detail: MeetingDetail, draftedAt: Date): string {
    const { meeting, committee, items, attendance } = detail;
    const names = (list: { member: Member }[]) => list.map((a) => a.member.fullName).join("، ") || "لا أحد";
    const drafted = riyadhDay(draftedAt);
    const lines = [
      `محضر اجتماع ${committee.nameAr}`,
      `المنعقد بتاريخ ${hijriText(meeting.heldOn)} الموافق ${formatGregorianLong(parseIsoDate(meeting.heldOn))}م`,
      `حُرّر هذا المحضر بتاريخ ${hijriText(drafted)} الموافق ${formatGregorianLong(parseIsoDate(drafted))}م`,
      "",
      `أعضاء اللجنة: ${committee.members.map((m) => m.fullName).join("، ")}`,
      `النصاب المطلوب: ${committee.quorum} من ${committee.members.length}`,
      `الحاضرون: ${names(attendance.filter((a) => a.present === true))}`,
      `الغائبون: ${names(attendance.filter((a) => a.present === false))}`,
      ...(attendance.some((a) => a.present === null)
        ? [`لم يُسجَّل حضورهم: ${names(attendance.filter((a) => a.present === null))}`]
        : []),
      "",
      "الطلبات المعروضة وقرارات اللجنة:",
    ];
    items.forEach((item, n) => {
      const r = item.request.row;
      const count = (v: string) => item.votes.filter((x) => x.vote === v).length;
      lines.push(
        `${n + 1}. الطلب رقم ${r.referenceNumber} — المستفيد: ${r.beneficiaryName} — الخدمة: ${r.serviceNameAr}`,
        `   الأصوات: قبول ${count("accept")}، رفض ${count("reject")}، إعادة ${count("return")}`,
      );
      for (const recusal of item.recusals) {
        lines.push(
          recusal.kind === "conflict_declared"
            ? `   تنحّى ${recusal.member.fullName} عن التصويت لتعارض المصالح المُفصَح عنه`
            : `   لم يصوّت ${recusal.member.fullName} لأنه فتح الطلب`,
        );
      }
      if (item.decision) {
        const amount =
          item.decision === "accept" && item.approvedAmount !== null
            ? ` بمبلغ معتمد قدره ${riyals(item.approvedAmount)} ريال`
            : "";
        lines.push(
          `   القرار: ${outcomeWords[item.decision as keyof typeof outcomeWords]}${amount}`,
          `   الأسباب: ${item.reasons ?? ""}`,
        );
      } else lines.push("   القرار: لم يُتخذ بعد");
    });
    lines.push("", "وبهذا انتهى الاجتماع، ويُعتمد هذا المحضر من أعضاء اللجنة.");
    return lines.join("\n");
  }

  return {
    meetingDetail,

    async createCommittee(actor: Actor, input: z.infer<typeof createCommitteeSchema>) {
      authorize(actor, requestsPolicy, "manageCommittees");
      return db.tenant(actor.associationId, async (tx) => {
        const memberIds = [...new Set(input.memberIds)];
        for (const [i, id] of memberIds.entries()) {
          const user = await users.lookup(tx, id);
          if (!user?.roles.includes("committee_member"))
            throw fieldError(
              `memberIds.${i}`,
              "not_a_committee_member",
              "الموظف المختار لا يحمل دور عضو لجنة.",
              "The chosen staff member is not a committee member.",
            );
        }
        if (input.quorum > memberIds.length)
          throw fieldError(
            "quorum",
            "quorum_too_high",
            "النصاب أكبر من عدد الأعضاء.",
            "The quorum is larger than the committee.",
          );
        const row = await repo.insertCommittee(
          tx,
          {
            associationId: actor.associationId,
            nameAr: input.nameAr,
            nameEn: input.nameEn ?? null,
            quorum: input.quorum,
            createdAt: clock.now(),
          },
          memberIds,
        );
        await audit.record(tx, actor, {
          type: "committee.created",
          payload: { quorum: input.quorum, members: memberIds.length },
          subject: { type: "committee", id: row.id },
        });
        return committeeOf(tx, row.id);
      });
    },

    async committees(actor: Actor) {
      authorize(actor, requestsPolicy, "readCommittees");
      return db.tenant(actor.associationId, (tx) => repo.committees(tx));
    },

    /** A meeting and its agenda: only complete requests whose declaration still covers their data. */
    async createMeeting(actor: Actor, input: { committeeId: string; heldOn: string; requestIds: string[] }) {
      authorize(actor, requestsPolicy, "schedule");
      return db.tenant(actor.associationId, async (tx) => {
        await committeeOf(tx, input.committeeId);
        const now = clock.now();
        const meeting = await repo.insertMeeting(tx, {
          associationId: actor.associationId,
          committeeId: input.committeeId,
          heldOn: input.heldOn,
          createdBy: actor.userId,
          createdAt: now,
        });
        for (const requestId of [...new Set(input.requestIds)]) {
          const row = await requests.locked(tx, requestId);
          const to = requests.advance(row, "schedule");
          const current = await requests.detail(tx, requestId);
          if (!current.completeness.complete || !current.declaration?.covering) {
            throw refusal(
              {
                ar: `الطلب ${row.referenceNumber} غير مكتمل أو تغيّرت بياناته بعد الإقرار؛ لا يُعرض على اللجنة.`,
                en: `Request ${row.referenceNumber} is incomplete or changed after the declaration; it cannot go to the committee.`,
              },
              "not complete and declared",
            );
          }
          await repo.insertAgendaItem(tx, {
            associationId: actor.associationId,
            meetingId: meeting.id,
            requestId,
          });
          await repo.update(tx, requestId, { state: to, updatedAt: now });
          await audit.record(tx, actor, {
            type: "support_request.scheduled",
            payload: { requestId, meetingId: meeting.id },
            subject: requests.subject(row),
          });
        }
        await audit.record(tx, actor, {
          type: "committee.meeting_created",
          payload: { committeeId: input.committeeId, items: input.requestIds.length },
          subject: { type: "committee_meeting", id: meeting.id },
        });
        return meetingDetail(tx, meeting.id);
      });
    },

    /** The deliberation in the answer is a read of sensitive data, and is logged as such. */
    async meeting(actor: Actor, id: string) {
      authorize(actor, requestsPolicy, "readCommittees");
      return db.tenant(actor.associationId, async (tx) => {
        const found = await meetingDetail(tx, id);
        const deliberated = found.meeting.minutesText !== null || found.items.some((i) => i.votes.length > 0);
        if (deliberated && mayReadField(actor.roles, "committee.deliberations")) {
          await audit.record(tx, actor, {
            type: "sensitive.read",
            payload: { fields: ["committee.deliberations"] },
            subject: { type: "committee_meeting", id },
          });
        }
        return found;
      });
    },

    async vote(actor: Actor, meetingId: string, requestId: string, input: z.infer<typeof voteSchema>) {
      authorize(actor, requestsPolicy, "vote");
      return db.tenant(actor.associationId, async (tx) => {
        const meeting = await repo.meeting(tx, meetingId);
        const item = meeting && (await repo.agendaItem(tx, meetingId, requestId));
        if (!meeting || !item) throw new AppError("not_found", "agenda item not found");
        const committee = await committeeOf(tx, meeting.committeeId);
        const row = (await repo.findById(tx, requestId))!;
        // Once attendance is recorded, a member recorded absent does not vote: the minutes would
        // otherwise count a voice that was not in the room.
        const attendance = await repo.attendance(tx, meetingId);
        if (attendance.some((a) => a.userId === actor.userId && a.present === false))
          throw refusal(
            {
              ar: "سُجّلتَ غائبًا عن هذا الاجتماع، فلا يُقبل صوتك. إن كنت حاضرًا فليُصحَّح الحضور أولًا.",
              en: "You are recorded absent from this meeting, so your vote is not accepted. If you were present, correct the attendance first.",
            },
            "absent",
          );
        await assertEligible(tx, actor, committee, row);
        if (item.decidedAt)
          throw refusal(
            {
              ar: "صدر قرار في هذا الطلب؛ لا يُقبل تصويت بعده.",
              en: "This request is decided; no more votes.",
            },
            "decided",
          );
        await repo.upsertVote(tx, {
          associationId: actor.associationId,
          itemId: item.id,
          memberId: actor.userId,
          vote: input.vote,
          note: input.note ?? null,
          votedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "support_request.vote_recorded",
          payload: { requestId, meetingId, vote: input.vote },
          subject: requests.subject(row),
        });
        return meetingDetail(tx, meetingId);
      });
    },

    /**
     * The committee's decision, once the quorum has voted. The request row is locked and must still
     * be before the committee: of two members deciding at once, one decides and the other is told.
     */
    async decide(actor: Actor, meetingId: string, requestId: string, input: z.infer<typeof decideSchema>) {
      authorize(actor, requestsPolicy, "vote");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await requests.locked(tx, requestId);
        const meeting = await repo.meeting(tx, meetingId);
        const item = meeting && (await repo.agendaItem(tx, meetingId, requestId));
        if (!meeting || !item) throw new AppError("not_found", "agenda item not found");
        const committee = await committeeOf(tx, meeting.committeeId);
        await assertEligible(tx, actor, committee, row);
        const to = requests.advance(row, input.outcome);
        if (item.decidedAt)
          throw refusal({ ar: "صدر قرار في هذا الطلب.", en: "This request is decided." }, "decided");
        const votes = await repo.votes(tx, [item.id]);
        if (votes.length < committee.quorum) {
          throw refusal(
            icuText(
              {
                ar: "لم يكتمل النصاب: صوّت {votes, number} من {quorum, plural, one {عضو واحد مطلوب} two {عضوين مطلوبين} few {# أعضاء مطلوبين} many {# عضوًا مطلوبًا} other {# عضو مطلوب}}.",
                en: "No quorum: {votes, number} of the {quorum, plural, one {# required member} other {# required members}} voted.",
              },
              { votes: votes.length, quorum: committee.quorum },
            ),
            "no quorum",
          );
        }
        if (input.outcome === "accept" && input.approvedAmount === undefined)
          throw fieldError(
            "approvedAmount",
            "amount_required",
            "أدخل المبلغ المعتمد بالهللات.",
            "Enter the approved amount, in halalas.",
          );
        const now = clock.now();
        const decided = await repo.decideItem(tx, item.id, {
          decision: input.outcome,
          reasons: input.reasons,
          approvedAmount: input.outcome === "accept" ? input.approvedAmount! : null,
          decidedBy: actor.userId,
          decidedAt: now,
        });
        if (!decided)
          throw refusal({ ar: "صدر قرار في هذا الطلب.", en: "This request is decided." }, "decided");
        if (input.outcome === "return") {
          // Back for more information: the response clock starts again when it is complete again.
          await repo.update(tx, requestId, {
            state: to,
            completedAt: null,
            dueDate: null,
            dueAt: null,
            warnAt: null,
            updatedAt: now,
          });
        } else {
          await repo.update(tx, requestId, {
            state: to,
            decision: input.outcome,
            decisionReasons: input.reasons,
            approvedAmount: input.outcome === "accept" ? input.approvedAmount! : null,
            decidedAt: now,
            updatedAt: now,
          });
        }
        await repo.resolveEscalations(tx, requestId, now);
        const subject = requests.subject(row);
        if (input.outcome === "accept")
          await audit.record(tx, actor, {
            type: "support_request.accepted",
            payload: { requestId, meetingId, approvedAmount: input.approvedAmount! },
            subject,
          });
        else
          await audit.record(tx, actor, {
            type: input.outcome === "reject" ? "support_request.rejected" : "support_request.returned",
            payload: { requestId, meetingId },
            subject,
          });
        const person = await beneficiaries.lookup(tx, row.beneficiaryId);
        const body = {
          accept: `نفيدكم بقبول طلبكم رقم ${row.referenceNumber}${input.approvedAmount ? ` بمبلغ معتمد قدره ${riyals(input.approvedAmount)} ريال` : ""}. سنتواصل معكم لتسليم الخدمة.`,
          reject: `نعتذر عن قبول طلبكم رقم ${row.referenceNumber}. الأسباب: ${input.reasons}`,
          return: `أعادت اللجنة طلبكم رقم ${row.referenceNumber} لاستكمال المعلومات: ${input.reasons}`,
        }[input.outcome];
        await notifications.notifyBeneficiary(tx, actor, {
          beneficiaryId: row.beneficiaryId,
          eventKey: `support_request:${requestId}:decided:${item.id}`,
          subject: `قرار اللجنة في طلبكم رقم ${row.referenceNumber}`,
          body: `${person ? `${person.fullName}،\n` : ""}${body}`,
        });
        return meetingDetail(tx, meetingId);
      });
    },

    /** Minutes in Arabic from the meeting as it stands; generating them again asks for approval again. */
    async generateMinutes(actor: Actor, meetingId: string) {
      authorize(actor, requestsPolicy, "schedule");
      return db.tenant(actor.associationId, async (tx) => {
        const meeting = await repo.meeting(tx, meetingId, true);
        if (!meeting) throw new AppError("not_found", "meeting not found");
        if (meeting.minutesApprovedAt)
          throw refusal(
            { ar: "اعتُمد المحضر ولا يُعاد إعداده.", en: "The minutes are approved and cannot be redrafted." },
            "approved",
          );
        const now = clock.now();
        const text = minutesText(await meetingDetail(tx, meetingId), now);
        await repo.clearMinutesApprovals(tx, meetingId);
        await repo.updateMeeting(tx, meetingId, { minutesText: text, minutesGeneratedAt: now });
        await audit.record(tx, actor, {
          type: "committee.minutes_generated",
          payload: { meetingId },
          subject: { type: "committee_meeting", id: meetingId },
        });
        return meetingDetail(tx, meetingId);
      });
    },

    /** Every meeting, newest first, with how far it has come. */
    async meetings(actor: Actor) {
      authorize(actor, requestsPolicy, "readCommittees");
      return db.tenant(actor.associationId, (tx) => repo.meetings(tx, 200));
    },

    /** Who attended (the organiser records it); everyone else on the committee is absent. */
    async recordAttendance(actor: Actor, meetingId: string, presentMemberIds: string[]) {
      authorize(actor, requestsPolicy, "schedule");
      return db.tenant(actor.associationId, async (tx) => {
        const meeting = await repo.meeting(tx, meetingId, true);
        if (!meeting) throw new AppError("not_found", "meeting not found");
        if (meeting.minutesApprovedAt)
          throw refusal(
            {
              ar: "اعتُمد المحضر؛ لا يُعدَّل الحضور بعده.",
              en: "The minutes are approved; attendance cannot change.",
            },
            "approved",
          );
        const committee = await committeeOf(tx, meeting.committeeId);
        for (const [i, id] of presentMemberIds.entries()) {
          if (!committee.members.some((m) => m.id === id))
            throw fieldError(
              `presentMemberIds.${i}`,
              "not_a_member",
              "ليس من أعضاء هذه اللجنة.",
              "Not a member of this committee.",
            );
        }
        const now = clock.now();
        await repo.saveAttendance(
          tx,
          committee.members.map((m) => ({
            associationId: actor.associationId,
            meetingId,
            userId: m.id,
            present: presentMemberIds.includes(m.id),
            recordedBy: actor.userId,
            recordedAt: now,
          })),
        );
        const present = committee.members.filter((m) => presentMemberIds.includes(m.id)).length;
        await audit.record(tx, actor, {
          type: "committee.attendance_recorded",
          payload: { meetingId, present, absent: committee.members.length - present },
          subject: { type: "committee_meeting", id: meetingId },
        });
        return meetingDetail(tx, meetingId);
      });
    },

    async approveMinutes(actor: Actor, meetingId: string) {
      authorize(actor, requestsPolicy, "vote");
      return db.tenant(actor.associationId, async (tx) => {
        const meeting = await repo.meeting(tx, meetingId, true);
        if (!meeting) throw new AppError("not_found", "meeting not found");
        const committee = await committeeOf(tx, meeting.committeeId);
        if (!committee.members.some((m) => m.id === actor.userId))
          throw new AppError("forbidden", "not a member of this committee");
        if (!meeting.minutesText)
          throw refusal({ ar: "لم يُعدّ المحضر بعد.", en: "The minutes are not drafted yet." }, "no minutes");
        const now = clock.now();
        await repo.approveMinutes(tx, {
          associationId: actor.associationId,
          meetingId,
          userId: actor.userId,
          approvedAt: now,
        });
        const approvals = await repo.minutesApprovals(tx, meetingId);
        const allApproved = committee.members.every((m) => approvals.some((a) => a.id === m.id));
        if (allApproved && !meeting.minutesApprovedAt)
          await repo.updateMeeting(tx, meetingId, { minutesApprovedAt: now });
        await audit.record(tx, actor, {
          type: "committee.minutes_approved",
          payload: { meetingId, allApproved },
          subject: { type: "committee_meeting", id: meetingId },
        });
        return meetingDetail(tx, meetingId);
      });
    },

    async declareConflict(actor: Actor, input: { beneficiaryId: string; reason: string }) {
      authorize(actor, requestsPolicy, "vote");
      return db.tenant(actor.associationId, async (tx) => {
        if (!(await beneficiaries.lookup(tx, input.beneficiaryId)))
          throw new AppError("not_found", "beneficiary not found");
        const row = await repo.declareConflict(tx, {
          associationId: actor.associationId,
          userId: actor.userId,
          beneficiaryId: input.beneficiaryId,
          reason: input.reason,
          declaredAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "committee.conflict_declared",
          payload: { beneficiaryId: input.beneficiaryId },
          subject: { type: "user", id: actor.userId },
        });
        return row;
      });
    },
  };
}
