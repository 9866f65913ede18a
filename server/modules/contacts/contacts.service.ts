import type { z } from "zod";
import type { ContactChannel } from "../../../shared/contracts/channels.js";
import {
  type AnswerInquiryRequest,
  inquiryAnswerPeriod,
  type LiaisonLoadRow,
  type RecordInteractionRequest,
  type registerCorrespondenceRequestSchema,
  type TimelineItem,
} from "../../../shared/contracts/contacts.js";
import {
  computeDeadline,
  dayNumberFromIso,
  isoFromDayNumber,
  riyadhDate,
  riyadhDayNumber,
  riyadhStartOfDay,
  toHijri,
  type WorkingCalendar,
  weekdayOfDayNumber,
} from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { nextRegisterNumber } from "../../db/counters.js";
import { foreignKeyViolated } from "../../db/errors.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { UsersService } from "../users/index.js";
import { contactsPolicy } from "./contacts.policy.js";
import type { ContactsRepository, InteractionWithNames, LiaisonLoadFigures } from "./contacts.repository.js";
import { timelineFromAudit } from "./timeline.js";

export type ContactsService = ReturnType<typeof createContactsService>;

/** A routed inquiry as the inbox and «عملي» show it: how old it is and whether its answer is late. */
export type RoutedInquiry = InteractionWithNames & {
  ageWorkingDays: number;
  dueDate: string;
  dueAt: Date;
  overdue: boolean;
};

const correspondenceChannel: Record<string, ContactChannel> = {
  letter: "letters",
  fax: "fax",
  email: "email",
};

const fieldError = (path: string, code: string, ar: string, en: string) =>
  new AppError("validation_failed", `${path}: ${code}`, {
    fieldErrors: [{ path, code, message: { ar, en } }],
  });

export function createContactsService(deps: {
  db: Database;
  repo: ContactsRepository;
  policy: Pick<PolicyService, "approvedRules">;
  beneficiaries: BeneficiariesService;
  users: UsersService;
  files: FilesService;
  calendar: Pick<CalendarService, "workingCalendar">;
  notifications: Pick<NotificationsService, "notifyBeneficiary">;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, policy, beneficiaries, users, files, calendar, notifications, audit, clock } = deps;

  /** The association's working calendar over the years these instants span, and the year after. */
  async function calendarFor(tx: Tx, instants: Date[]): Promise<WorkingCalendar> {
    const now = clock.now();
    // A loop, not Math.min(...years): a year of a busy association's inquiries overflows the call stack.
    let first = riyadhDate(now).year;
    let last = first;
    for (const instant of instants) {
      const year = riyadhDate(instant).year;
      if (year < first) first = year;
      if (year > last) last = year;
    }
    return calendar.workingCalendar(tx, first, last + 1);
  }

  /** Age in working days and the answer's due date (ADR 0021), judged now or when it was answered. */
  function ageOf(row: InteractionWithNames, workingCalendar: WorkingCalendar, now: Date): RoutedInquiry {
    const deadline = computeDeadline({
      rule: inquiryAnswerPeriod,
      start: row.occurredAt,
      calendar: workingCalendar,
      now,
      answeredAt: row.answeredAt,
    });
    return {
      ...row,
      ageWorkingDays: Math.max(
        0,
        workingCalendar.workingDaysBetweenNumbers(
          riyadhDayNumber(row.occurredAt),
          riyadhDayNumber(row.answeredAt ?? now),
        ),
      ),
      dueDate: deadline.dueDate,
      dueAt: deadline.dueAt,
      overdue: deadline.status === "breached" || deadline.status === "missed",
    };
  }

  async function aged(tx: Tx, rows: InteractionWithNames[]): Promise<RoutedInquiry[]> {
    const workingCalendar = await calendarFor(
      tx,
      rows.map((r) => r.occurredAt),
    );
    const now = clock.now();
    return rows.map((row) => ageOf(row, workingCalendar, now));
  }

  async function assertFiles(tx: Tx, ids: string[], path: string) {
    for (const [i, id] of ids.entries()) {
      if (!(await files.lookup(tx, id))) {
        throw fieldError(
          ids.length > 1 ? `${path}.${i}` : path,
          "file_unknown",
          "الملف غير موجود.",
          "File not found.",
        );
      }
    }
  }

  /** The liaison officer for the beneficiary's category (SPEC I1), or the association's default one. */
  async function routeFor(tx: Tx, categoryId: string | null): Promise<string | null> {
    const routes = await repo.routes(tx);
    const byCategory = routes.find((r) => categoryId && r.route.categoryId === categoryId);
    const fallback = routes.find((r) => !r.route.categoryId && !r.route.field);
    return (byCategory ?? fallback)?.route.liaisonUserId ?? null;
  }

  /**
   * The request and complaint a contact names must be its own association's: the keys are composite
   * with the tenant (migration 0025), and a refusal names the field instead of the constraint.
   */
  async function insertNamingOwnRecords(tx: Tx, values: Parameters<ContactsRepository["insert"]>[1]) {
    try {
      return await repo.insert(tx, values);
    } catch (error) {
      const constraint = foreignKeyViolated(error);
      if (constraint === "interactions_support_request_fk")
        throw fieldError(
          "supportRequestId",
          "support_request_unknown",
          "لا يوجد طلب دعم بهذا المعرّف في الجمعية.",
          "The association has no support request with this id.",
        );
      if (constraint === "interactions_complaint_fk")
        throw fieldError(
          "complaintId",
          "complaint_unknown",
          "لا توجد شكوى بهذا المعرّف في الجمعية.",
          "The association has no complaint with this id.",
        );
      throw error;
    }
  }

  return {
    async record(actor: Actor, input: RecordInteractionRequest): Promise<InteractionWithNames> {
      authorize(actor, contactsPolicy, "record");
      const now = clock.now();
      const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
      if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
        throw fieldError(
          "occurredAt",
          "in_future",
          "وقت التواصل لا يكون في المستقبل.",
          "A contact cannot happen in the future.",
        );
      }
      return db.tenant(actor.associationId, async (tx) => {
        // The approved policy names the channels the association uses (C1); before one, all are open.
        const rules = await policy.approvedRules(tx);
        if (rules?.channels.length && !rules.channels.includes(input.channel)) {
          throw fieldError(
            "channel",
            "channel_not_enabled",
            "هذه القناة ليست من قنوات التواصل المعتمدة في سياسة الجمعية.",
            "This channel is not one the association's approved policy uses.",
          );
        }
        let categoryId: string | null = null;
        if (input.beneficiaryId) {
          // 404, or 409 naming the kept file when this record was merged away.
          const beneficiary = await beneficiaries.forRecord(tx, input.beneficiaryId);
          categoryId = beneficiary.categoryId;
        }
        // An inquiry not answered on the spot goes to the liaison officer (I1); one from someone
        // without a file goes to the association's default liaison officer.
        const routedTo = input.kind === "inquiry" && !input.answer ? await routeFor(tx, categoryId) : null;
        const row = await insertNamingOwnRecords(tx, {
          associationId: actor.associationId,
          beneficiaryId: input.beneficiaryId ?? null,
          kind: input.kind,
          channel: input.channel,
          direction: input.direction,
          occurredAt,
          staffUserId: actor.userId,
          subject: input.subject,
          summary: input.summary ?? null,
          answer: input.answer ?? null,
          answeredAt: input.answer ? now : null,
          answeredBy: input.answer ? actor.userId : null,
          routedToUserId: routedTo,
          supportRequestId: input.supportRequestId ?? null,
          complaintId: input.complaintId ?? null,
          createdAt: now,
        });
        await assertFiles(tx, input.fileIds, "fileIds");
        await repo.attach(tx, actor.associationId, row.id, input.fileIds);
        await audit.record(tx, actor, {
          type: "interaction.recorded",
          payload: { kind: row.kind, channel: row.channel, routedTo },
          subject: input.beneficiaryId
            ? { type: "beneficiary", id: input.beneficiaryId }
            : { type: "interaction", id: row.id },
        });
        return (await repo.findById(tx, row.id))!;
      });
    },

    /**
     * The answer to an inquiry (H1), optionally taken from a library document (T1). An answer given
     * later than the contact goes to the beneficiary on their agreed channel (C2) through the outbox.
     */
    async answer(actor: Actor, id: string, input: AnswerInquiryRequest): Promise<InteractionWithNames> {
      authorize(actor, contactsPolicy, "answer");
      return db.tenant(actor.associationId, async (tx) => {
        let row: Awaited<ReturnType<ContactsRepository["answer"]>>;
        try {
          row = await repo.answer(
            tx,
            id,
            { text: input.answer, citedLibraryVersionId: input.citedLibraryVersionId ?? null },
            actor.userId,
            clock.now(),
          );
        } catch (error) {
          if (foreignKeyViolated(error) === "interactions_cited_library_version_fk")
            throw fieldError(
              "citedLibraryVersionId",
              "library_version_unknown",
              "المستند المختار ليس في مكتبة الجمعية.",
              "The chosen document is not in the association's library.",
            );
          throw error;
        }
        if (!row) throw new AppError("not_found", "open inquiry not found");
        const answered = (await repo.findById(tx, id))!;
        await audit.record(tx, actor, {
          type: "interaction.answered",
          payload: {
            routedTo: row.routedToUserId,
            citedLibraryVersionId: row.citedLibraryVersionId,
          },
          subject: row.beneficiaryId
            ? { type: "beneficiary", id: row.beneficiaryId }
            : { type: "interaction", id },
        });
        if (row.beneficiaryId) {
          const citation = answered.citation
            ? `\nالمرجع: ${answered.citation.titleAr} (الإصدار ${answered.citation.versionLabel})`
            : "";
          await notifications.notifyBeneficiary(tx, actor, {
            beneficiaryId: row.beneficiaryId,
            eventKey: `interaction:${id}:answered`,
            subject: `الرد على استفساركم: ${row.subject}`,
            body: `${input.answer}${citation}`,
          });
        }
        return answered;
      });
    },

    /** The liaison officer's inbox (I1): inquiries routed to them, open (oldest first) or answered. */
    async inbox(actor: Actor, query: { status: "open" | "answered"; limit: number }) {
      authorize(actor, contactsPolicy, "inbox");
      return db.tenant(actor.associationId, async (tx) => {
        const items = await aged(
          tx,
          await repo.routedInquiries(tx, {
            routedTo: actor.userId,
            status: query.status,
            limit: query.limit,
          }),
        );
        const open =
          query.status === "open"
            ? items
            : await aged(
                tx,
                await repo.routedInquiries(tx, { routedTo: actor.userId, status: "open", limit: 1000 }),
              );
        return { items, openCount: open.length, overdueCount: open.filter((i) => i.overdue).length };
      });
    },

    /** For «عملي», inside the caller's transaction: the open inquiries routed to one liaison officer. */
    async openRoutedInquiries(tx: Tx, liaisonUserId?: string): Promise<RoutedInquiry[]> {
      return aged(
        tx,
        await repo.routedInquiries(tx, {
          ...(liaisonUserId ? { routedTo: liaisonUserId } : {}),
          status: "open",
          limit: 500,
        }),
      );
    },

    /**
     * Senior management's view of the liaison officers (S3): each one's open and overdue inquiries,
     * and how many they answered between two Riyadh dates and how fast, in working days.
     */
    async liaisonLoad(actor: Actor, query: { from?: string | undefined; to?: string | undefined }) {
      authorize(actor, contactsPolicy, "supervise");
      const today = riyadhDayNumber(clock.now());
      const toDay = query.to ? dayNumberFromIso(query.to) : today;
      const fromDay = query.from ? dayNumberFromIso(query.from) : toDay - 29;
      if (fromDay > toDay)
        throw fieldError(
          "from",
          "range_reversed",
          "بداية المدة بعد نهايتها.",
          "The period starts after it ends.",
        );
      return db.tenant(actor.associationId, async (tx) => {
        const now = clock.now();
        const nowDay = riyadhDayNumber(now);
        // The calendar's off days from the year before the period (or the oldest open inquiry's
        // year, if it is older) to the year after today, as `calendarFor` spans the rows it ages.
        let firstYear = Math.min(riyadhDate(riyadhStartOfDay(fromDay)).year, riyadhDate(now).year) - 1;
        let figures: LiaisonLoadFigures[] = [];
        for (;;) {
          const lastYear = riyadhDate(now).year + 1;
          const workingCalendar = await calendar.workingCalendar(tx, firstYear, lastYear);
          const offDays: number[] = [];
          const weekend = new Set(workingCalendar.weekend);
          const first = dayNumberFromIso(`${firstYear}-01-01`);
          const last = dayNumberFromIso(`${lastYear}-12-31`);
          for (let d = first; d <= last; d++)
            if (!weekend.has(weekdayOfDayNumber(d)) && !workingCalendar.isWorkingDayNumber(d))
              offDays.push(d);
          figures = await repo.liaisonLoad(tx, {
            fromDay,
            toDay,
            nowDay,
            periodWorkingDays: inquiryAnswerPeriod.value,
            weekend: workingCalendar.weekend,
            offDays,
          });
          const read = figures[0]?.firstDay;
          if (read === undefined || riyadhDate(riyadhStartOfDay(read)).year >= firstYear) break;
          firstYear = riyadhDate(riyadhStartOfDay(read)).year;
        }
        const load = new Map<string, LiaisonLoadRow & { answerDaysSum: number }>();
        const entry = (id: string, fullName: string, active: boolean) => {
          let row = load.get(id);
          if (!row) {
            row = {
              liaison: { id, fullName, active },
              openCount: 0,
              overdueCount: 0,
              answeredCount: 0,
              answeredLateCount: 0,
              averageAnswerWorkingDays: null,
              oldestOpenSince: null,
              answerDaysSum: 0,
            };
            load.set(id, row);
          }
          return row;
        };
        for (const officer of await users.withRole(tx, "liaison_officer"))
          entry(officer.id, officer.fullName, officer.active);
        for (const f of figures) {
          const row = entry(f.id, f.fullName, f.active);
          row.openCount = f.openCount;
          row.overdueCount = f.overdueCount;
          row.answeredCount = f.answeredCount;
          row.answeredLateCount = f.answeredLateCount;
          row.answerDaysSum = f.answerDaysSum;
          row.oldestOpenSince =
            f.oldestOpenSinceMs === null ? null : new Date(f.oldestOpenSinceMs).toISOString();
        }
        const items = [...load.values()]
          .map(({ answerDaysSum, ...row }) => ({
            ...row,
            averageAnswerWorkingDays: row.answeredCount
              ? Math.round((answerDaysSum / row.answeredCount) * 10) / 10
              : null,
          }))
          .sort(
            (a, b) =>
              b.overdueCount - a.overdueCount ||
              b.openCount - a.openCount ||
              a.liaison.fullName.localeCompare(b.liaison.fullName, "ar"),
          );
        return {
          from: isoFromDayNumber(fromDay),
          to: isoFromDayNumber(toDay),
          answerPeriodWorkingDays: inquiryAnswerPeriod.value,
          items,
        };
      });
    },

    async list(
      actor: Actor,
      query: { beneficiaryId?: string; openInquiries?: boolean; routedToMe?: boolean; limit: number },
    ): Promise<InteractionWithNames[]> {
      authorize(actor, contactsPolicy, "read");
      return db.tenant(actor.associationId, (tx) =>
        repo.list(tx, {
          ...(query.beneficiaryId ? { beneficiaryId: query.beneficiaryId } : {}),
          ...(query.openInquiries ? { openInquiries: true } : {}),
          ...(query.routedToMe ? { routedTo: actor.userId } : {}),
          limit: query.limit,
        }),
      );
    },

    /** The correspondence register (letters, faxes, e-mails in and out) with our reference number. */
    async registerCorrespondence(actor: Actor, input: z.infer<typeof registerCorrespondenceRequestSchema>) {
      authorize(actor, contactsPolicy, "record");
      return db.tenant(actor.associationId, async (tx) => {
        if (input.beneficiaryId && !(await beneficiaries.lookup(tx, input.beneficiaryId))) {
          throw new AppError("not_found", "beneficiary not found");
        }
        if (input.fileId) await assertFiles(tx, [input.fileId], "fileId");
        const now = clock.now();
        // The date a letter bears is one that has come: received or sent, it is never dated ahead.
        assertHappened(now, [
          { path: "datedOn", date: input.datedOn, label: { ar: "تاريخ المراسلة", en: "The letter date" } },
        ]);
        const hijriYear = toHijri(riyadhDate(now)).year;
        const prefix = input.direction === "incoming" ? "IN" : "OUT";
        const number = await nextRegisterNumber(
          tx,
          actor.associationId,
          `correspondence-${prefix}-${hijriYear}`,
        );
        const referenceNumber = `${prefix}-${hijriYear}-${String(number).padStart(4, "0")}`;
        const id = await repo.insertCorrespondence(tx, {
          associationId: actor.associationId,
          direction: input.direction,
          medium: input.medium,
          referenceNumber,
          externalReference: input.externalReference ?? null,
          counterpart: input.counterpart,
          subject: input.subject,
          datedOn: input.datedOn ?? null,
          registeredAt: now,
          beneficiaryId: input.beneficiaryId ?? null,
          fileId: input.fileId ?? null,
          recordedBy: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "correspondence.registered",
          payload: { referenceNumber, direction: input.direction, medium: input.medium },
          subject: input.beneficiaryId
            ? { type: "beneficiary", id: input.beneficiaryId }
            : { type: "correspondence", id },
        });
        return (await repo.listCorrespondence(tx, { id, limit: 1 }))[0]!;
      });
    },

    async correspondence(actor: Actor, query: { beneficiaryId?: string; direction?: string; limit: number }) {
      authorize(actor, contactsPolicy, "read");
      return db.tenant(actor.associationId, (tx) => repo.listCorrespondence(tx, query));
    },

    async routes(actor: Actor) {
      authorize(actor, contactsPolicy, "read");
      return db.tenant(actor.associationId, (tx) => repo.routes(tx));
    },

    async setRoutes(
      actor: Actor,
      routes: { categoryCode?: string | undefined; field?: string | undefined; liaisonUserId: string }[],
    ) {
      authorize(actor, contactsPolicy, "manageRoutes");
      return db.tenant(actor.associationId, async (tx) => {
        const rows = [];
        for (const [i, route] of routes.entries()) {
          const liaison = await users.lookup(tx, route.liaisonUserId);
          if (!liaison?.roles.includes("liaison_officer")) {
            throw fieldError(
              `routes.${i}.liaisonUserId`,
              "not_a_liaison_officer",
              "الموظف المختار ليس ضابط اتصال في الجمعية.",
              "The chosen staff member is not a liaison officer of the association.",
            );
          }
          const category = route.categoryCode
            ? await beneficiaries.categoryByCode(tx, route.categoryCode)
            : undefined;
          if (route.categoryCode && !category) {
            throw fieldError(
              `routes.${i}.categoryCode`,
              "category_unknown",
              "فئة المستفيد غير معرّفة.",
              "Unknown category.",
            );
          }
          rows.push({
            associationId: actor.associationId,
            categoryId: category?.id ?? null,
            field: route.field ?? null,
            liaisonUserId: route.liaisonUserId,
          });
        }
        await repo.replaceRoutes(tx, actor.associationId, rows);
        for (const row of rows) {
          await audit.record(tx, actor, {
            type: "liaison.route_set",
            payload: { categoryId: row.categoryId, field: row.field },
            subject: { type: "user", id: row.liaisonUserId },
          });
        }
        return repo.routes(tx);
      });
    },

    /** One story of the person: registration, contacts, answers, consents, merges; newest first. */
    async timeline(actor: Actor, beneficiaryId: string): Promise<TimelineItem[]> {
      authorize(actor, contactsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const beneficiary = await beneficiaries.lookup(tx, beneficiaryId);
        if (!beneficiary) throw new AppError("not_found", "beneficiary not found");
        const contacts = await repo.list(tx, { beneficiaryId, limit: 500 });
        const letters = await repo.listCorrespondence(tx, { beneficiaryId, limit: 500 });
        // Records merged into this one keep their own audit trail; the person's story includes it.
        const history = [];
        for (const id of [beneficiaryId, ...(await beneficiaries.mergedInto(tx, beneficiaryId))]) {
          history.push(...(await audit.forSubject(tx, { type: "beneficiary", id })));
        }
        await audit.record(tx, actor, {
          type: "beneficiary.viewed",
          payload: { sensitive: false },
          subject: { type: "beneficiary", id: beneficiaryId },
        });
        const items: TimelineItem[] = [
          ...contacts.map(
            (c): TimelineItem => ({
              at: c.occurredAt.toISOString(),
              kind: c.kind === "inquiry" ? "inquiry" : "contact",
              title:
                c.kind === "inquiry"
                  ? { ar: `استفسار: ${c.subject}`, en: `Inquiry: ${c.subject}` }
                  : { ar: `تواصل: ${c.subject}`, en: `Contact: ${c.subject}` },
              channel: c.channel as ContactChannel,
              direction: c.direction as "inbound" | "outbound",
              referenceNumber: null,
              citation: c.citation,
              detail: c.answer ?? c.summary,
              actor: c.staffName,
              ref: { type: "interaction", id: c.id },
            }),
          ),
          // A registered letter reads as what it is: its register number, its subject, in or out.
          ...letters.map(
            (l): TimelineItem => ({
              at: l.registeredAt.toISOString(),
              kind: "correspondence",
              title: { ar: `مراسلة: ${l.subject}`, en: `Correspondence: ${l.subject}` },
              channel: correspondenceChannel[l.medium] ?? null,
              direction: l.direction === "incoming" ? "inbound" : "outbound",
              referenceNumber: l.referenceNumber,
              citation: null,
              detail: l.counterpart,
              actor: l.recordedByName,
              ref: { type: "correspondence", id: l.id },
            }),
          ),
          ...timelineFromAudit(history),
        ];
        return items.sort((a, b) => b.at.localeCompare(a.at));
      });
    },
  };
}
