import { createHash, randomInt } from "node:crypto";
import type { z } from "zod";
import { mayReadField } from "../../../shared/contracts/access.js";
import type {
  attachDocumentSchema,
  Due,
  OpenRequest,
  RequestState,
  recordDeliverySchema,
  recordStudySchema,
  referRequestSchema,
  startDeclarationSchema,
  updateRequestSettingsSchema,
} from "../../../shared/contracts/requests.js";
import type { Requirement } from "../../../shared/contracts/services.js";
import {
  computeDeadline,
  formatGregorianLong,
  formatHijri,
  icuText,
  parseDateInput,
  parseIsoDate,
  RESPONSE_PERIOD_PRESETS,
  type ResponsePeriodRule,
  riyadhDate,
  toHijri,
  toIsoDate,
  type WorkingCalendar,
} from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { nextRegisterNumber } from "../../db/counters.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { Announcer } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { PolicyService } from "../policy/index.js";
import type { ServicesService } from "../services/index.js";
import type { UsersService } from "../users/index.js";
import {
  assessCompleteness,
  type Covered,
  changedSince,
  checkDocument,
  coveredBy,
  declarationFingerprint,
} from "./completeness.js";
import { editableStates, isRefusal, nextState, type RequestEvent } from "./requests.machine.js";
import { requestsPolicy } from "./requests.policy.js";
import type {
  DeclarationRow,
  DeliveryRow,
  DocumentWithFile,
  ReferralWithOwner,
  RequestRow,
  RequestsRepository,
  RequestWithNames,
} from "./requests.repository.js";

export type RequestsService = ReturnType<typeof createRequestsService>;
export type RequestDetail = {
  row: RequestWithNames;
  due: Due | null;
  completeness: ReturnType<typeof assessCompleteness>;
  documents: DocumentWithFile[];
  referrals: ReferralWithOwner[];
  /** `changed`: the requirements whose value or document changed since the beneficiary signed. */
  declaration: (DeclarationRow & { covering: boolean; changed: string[] }) | null;
  deliveries: DeliveryRow[];
};
export type RequestListItem = { row: RequestWithNames; due: Due | null };

export const warningJob = "requests.deadline_warning";
export const breachJob = "requests.deadline_breach";
export const defaultResponsePeriod: ResponsePeriodRule =
  RESPONSE_PERIOD_PRESETS.atMostFifteenWorkingDaysFromCompletion;

const OTP_TTL_MS = 10 * 60_000;
const OTP_TRIES = 5;

export const fieldError = (path: string, code: string, ar: string, en: string) =>
  new AppError("validation_failed", `${path}: ${code}`, {
    fieldErrors: [{ path, code, message: { ar, en } }],
  });

export function refusal(message: { ar: string; en: string }, detail: string) {
  return new AppError("invalid_transition", detail, {
    fieldErrors: [{ path: "state", code: "invalid_transition", message }],
  });
}

export const riyadhToday = (now: Date) => toIsoDate(riyadhDate(now));
export const hijriOf = (isoDate: string) => toIsoDate(toHijri(parseIsoDate(isoDate)));
export const hijriText = (isoDate: string) => formatHijri(toHijri(parseIsoDate(isoDate)), { style: "long" });
export const riyals = (halalas: number) => (halalas / 100).toFixed(2);

/** The due date as lists show it: Gregorian and Hijri, and working days left on the association's calendar. */
export function dueOf(row: RequestRow, calendar: WorkingCalendar, now: Date): Due | null {
  if (!row.dueDate || !row.dueAt || !row.warnAt) return null;
  const status = row.decidedAt
    ? row.decidedAt.getTime() <= row.dueAt.getTime()
      ? "met"
      : "missed"
    : now.getTime() > row.dueAt.getTime()
      ? "breached"
      : now.getTime() >= row.warnAt.getTime()
        ? "warning"
        : "on_track";
  return {
    dueDate: row.dueDate,
    dueHijri: hijriOf(row.dueDate),
    dueHijriText: hijriText(row.dueDate),
    dueAt: row.dueAt.toISOString(),
    workingDaysLeft: calendar.workingDaysBetween(riyadhToday(now), row.dueDate),
    status,
  };
}

function checkData(requirements: Requirement[], data: Record<string, unknown>) {
  for (const [code, value] of Object.entries(data)) {
    const requirement = requirements.find((r) => r.code === code);
    if (requirement?.kind !== "field") {
      throw fieldError(
        `data.${code}`,
        "field_unknown",
        "هذا الحقل ليس من متطلبات الخدمة.",
        "Not a field of this service.",
      );
    }
    if (value === null || value === "") continue;
    if (requirement.fieldType === "date" && typeof value === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      // Dates are sent as the ISO day the web's date field read; anything else gets the reason why.
      const reading = parseDateInput(value, {
        label: { ar: requirement.labelAr, en: requirement.labelEn ?? code },
      });
      throw fieldError(
        `data.${code}`,
        reading.ok ? "field_type" : reading.code,
        reading.ok ? `اكتب «${requirement.labelAr}» يومًا ميلاديًا (سنة-شهر-يوم).` : reading.message.ar,
        reading.ok ? `Send ${requirement.labelEn ?? code} as an ISO day.` : reading.message.en,
      );
    }
    const ok =
      requirement.fieldType === "number"
        ? typeof value === "number"
        : requirement.fieldType === "boolean"
          ? typeof value === "boolean"
          : requirement.fieldType === "date"
            ? typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
            : typeof value === "string";
    if (!ok) {
      throw fieldError(
        `data.${code}`,
        "field_type",
        `قيمة «${requirement.labelAr}» ليست من النوع المطلوب.`,
        `The value of ${requirement.labelEn ?? code} is not of the expected type.`,
      );
    }
  }
}

export function createRequestsService(deps: {
  db: Database;
  repo: RequestsRepository;
  beneficiaries: BeneficiariesService;
  services: ServicesService;
  users: UsersService;
  policy: Pick<PolicyService, "approvedRules">;
  files: FilesService;
  calendar: CalendarService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  /** Tells other modules (surveys) that a delivery was recorded or a request closed. */
  announcer: Pick<Announcer, "announce">;
}) {
  const {
    announcer,
    db,
    repo,
    policy,
    beneficiaries,
    services,
    users,
    files,
    calendar,
    notifications,
    audit,
    clock,
    queue,
  } = deps;

  async function calendarAround(tx: Tx, instant: Date): Promise<WorkingCalendar> {
    const year = riyadhDate(instant).year;
    return calendar.workingCalendar(tx, year - 1, year + 2);
  }

  async function settingsWithStaff(tx: Tx) {
    const settings = await settingsOf(tx);
    const staff = await users.withRole(tx, settings.referralRole);
    return { ...settings, referralStaff: staff.map((u) => ({ id: u.id, fullName: u.fullName })) };
  }

  /**
   * The approved policy's response period wins (P1); the settings apply until a policy has one. The
   * referral role is the one the administrator confirmed the policy's wording means (ADR 0024),
   * else the settings'.
   */
  async function settingsOf(tx: Tx) {
    const row = await repo.settings(tx);
    const rules = await policy.approvedRules(tx);
    const confirmed =
      rules?.referralRole != null
        ? (await repo.wordingMappings(tx, rules.versionId)).find(
            (m) => m.kind === "referral_role" && m.wording === rules.referralRole,
          )
        : undefined;
    const source = (fromPolicy: boolean, fromSettings: boolean): "policy" | "settings" | "default" =>
      fromPolicy ? "policy" : fromSettings ? "settings" : "default";
    return {
      responsePeriod:
        rules?.responsePeriod ??
        (row?.responsePeriod as ResponsePeriodRule | undefined) ??
        defaultResponsePeriod,
      responsePeriodSource: source(Boolean(rules?.responsePeriod), Boolean(row?.responsePeriod)),
      referralRole: (confirmed?.staffRole ?? row?.referralRole ?? "social_researcher") as "social_researcher",
      referralRoleSource: source(Boolean(confirmed?.staffRole), Boolean(row?.referralRole)),
    };
  }

  async function locked(tx: Tx, id: string): Promise<RequestRow> {
    const row = await repo.lock(tx, id);
    if (!row) throw new AppError("not_found", "support request not found");
    return row;
  }

  function advance(row: RequestRow, event: RequestEvent): RequestState {
    const next = nextState(row.state as RequestState, event);
    if (isRefusal(next)) throw refusal(next.message, `${row.state} + ${event}`);
    return next;
  }

  async function assess(tx: Tx, row: RequestRow) {
    const documents = await repo.documents(tx, row.id);
    // Judged on the day of submission: once complete, a document expiring later does not undo it.
    const on = riyadhToday(row.completedAt ?? clock.now());
    return {
      documents,
      completeness: assessCompleteness(
        row.requirements as Requirement[],
        row.data as Record<string, unknown>,
        documents,
        on,
      ),
    };
  }

  function fingerprintOf(row: RequestRow, documents: DocumentWithFile[]) {
    return declarationFingerprint({
      requestId: row.id,
      data: row.data as Record<string, unknown>,
      documents,
    });
  }

  function coveredOf(row: RequestRow, documents: DocumentWithFile[]): Covered {
    return coveredBy({ data: row.data as Record<string, unknown>, documents });
  }

  /** Whether the latest signed declaration still covers the data and documents, and what changed. */
  function coverage(row: RequestRow, documents: DocumentWithFile[], declaration: DeclarationRow | undefined) {
    if (declaration?.status !== "signed") return { covering: false, changed: [] as string[] };
    const covering = declaration.fingerprint === fingerprintOf(row, documents);
    const changed =
      covering || !declaration.covered
        ? []
        : changedSince(
            row.requirements as Requirement[],
            declaration.covered as Covered,
            coveredOf(row, documents),
          );
    return { covering, changed };
  }

  const subject = (row: RequestRow) => ({ type: "beneficiary", id: row.beneficiaryId });

  /** The moment a request is complete (H3, H7): its clock starts, its due date is set, the beneficiary is told. */
  async function becameComplete(tx: Tx, source: AuditSource, row: RequestRow, to: RequestState) {
    const now = clock.now();
    const completedAt = row.completedAt ?? now;
    const { responsePeriod } = await settingsOf(tx);
    const start = responsePeriod.startsAt === "completion" ? completedAt : row.openedAt;
    const deadline = computeDeadline({
      rule: responsePeriod,
      start,
      calendar: await calendarAround(tx, start),
    });
    const updated = await repo.update(tx, row.id, {
      state: to,
      completedAt,
      responsePeriod,
      dueDate: deadline.dueDate,
      dueAt: deadline.dueAt,
      warnAt: deadline.warnAt,
      updatedAt: now,
    });
    const payload = { requestId: row.id, dueDate: deadline.dueDate };
    const options = { associationId: row.associationId };
    await queue.enqueue(
      warningJob,
      payload,
      { ...options, runAt: deadline.warnAt, dedupeKey: `request-warning:${row.id}:${deadline.dueDate}` },
      tx,
    );
    await queue.enqueue(
      breachJob,
      payload,
      {
        ...options,
        runAt: new Date(deadline.dueAt.getTime() + 1),
        dedupeKey: `request-breach:${row.id}:${deadline.dueDate}`,
      },
      tx,
    );
    await audit.record(tx, source, {
      type: "support_request.completed",
      payload: {
        ...payload,
        ...(row.dueDate && row.dueDate !== deadline.dueDate ? { previousDueDate: row.dueDate } : {}),
      },
      subject: subject(row),
    });
    const service = await services.lookup(tx, row.serviceId);
    const bound = responsePeriod.bound === "min" ? "ابتداءً من" : "في موعد أقصاه";
    await notifications.notifyBeneficiary(tx, source, {
      beneficiaryId: row.beneficiaryId,
      eventKey: `support_request:${row.id}:complete:${deadline.dueDate}`,
      subject: `اكتمل طلبكم رقم ${row.referenceNumber}`,
      body: [
        // A date they were told before and that moved (the calendar changed meanwhile): said as a change (I3).
        ...(row.dueDate && row.dueDate !== deadline.dueDate
          ? [
              `تغيّر موعد الرد على طلبكم رقم ${row.referenceNumber}: من ${hijriText(row.dueDate)} الموافق ${formatGregorianLong(parseIsoDate(row.dueDate))} إلى ${hijriText(deadline.dueDate)} الموافق ${formatGregorianLong(parseIsoDate(deadline.dueDate))}.`,
            ]
          : []),
        `اكتمل طلبكم رقم ${row.referenceNumber} لخدمة «${service?.nameAr ?? ""}».`,
        `سيُدرس الطلب ويُرد عليكم بالقبول أو الرفض ${bound} ${hijriText(deadline.dueDate)} الموافق ${formatGregorianLong(parseIsoDate(deadline.dueDate))}.`,
      ].join("\n"),
    });
    return updated;
  }

  /** After any change to data or documents: the request follows its completeness (H3). */
  async function settle(tx: Tx, source: AuditSource, row: RequestRow): Promise<RequestRow> {
    const state = row.state as RequestState;
    if (!["draft", "incomplete", "complete", "declared"].includes(state)) return row;
    const { completeness } = await assess(tx, row);
    if (completeness.complete && (state === "draft" || state === "incomplete")) {
      return becameComplete(tx, source, row, advance(row, "became_complete"));
    }
    if (!completeness.complete && state !== "incomplete") {
      const updated = await repo.update(tx, row.id, {
        state: advance(row, "became_incomplete"),
        updatedAt: clock.now(),
      });
      if (state !== "draft") {
        await audit.record(tx, source, {
          type: "support_request.became_incomplete",
          payload: { requestId: row.id },
          subject: subject(row),
        });
      }
      return updated;
    }
    if (state === "declared") {
      // Complete still, but no longer what the beneficiary declared true (H5): they declare again.
      const { documents } = await assess(tx, row);
      const declaration = await repo.latestDeclaration(tx, row.id);
      const { covering, changed } = coverage(row, documents, declaration);
      if (!covering && declaration) {
        const updated = await repo.update(tx, row.id, {
          state: advance(row, "declaration_lapsed"),
          updatedAt: clock.now(),
        });
        await audit.record(tx, source, {
          type: "support_request.declaration_lapsed",
          payload: { requestId: row.id, declarationId: declaration.id, changed },
          subject: subject(row),
        });
        return updated;
      }
    }
    return row;
  }

  async function detail(tx: Tx, id: string): Promise<RequestDetail> {
    const row = await repo.findById(tx, id);
    if (!row) throw new AppError("not_found", "support request not found");
    const { documents, completeness } = await assess(tx, row);
    const declaration = await repo.latestDeclaration(tx, id);
    const now = clock.now();
    return {
      row,
      due: dueOf(row, await calendarAround(tx, row.dueAt ?? now), now),
      completeness,
      documents,
      referrals: await repo.referrals(tx, id),
      declaration: declaration ? { ...declaration, ...coverage(row, documents, declaration) } : null,
      deliveries: await repo.deliveries(tx, id),
    };
  }

  function assertEditable(row: RequestRow) {
    if (!editableStates.includes(row.state as RequestState)) {
      throw refusal(
        {
          ar: "لا يمكن تعديل بيانات الطلب أو مستنداته بعد عرضه على اللجنة.",
          en: "A request's data and documents cannot change once it is before the committee.",
        },
        `edit in ${row.state}`,
      );
    }
  }

  const deadlineJob =
    (kind: "warning" | "breach"): JobHandler =>
    async (job) => {
      const { requestId, dueDate } = job.payload as { requestId: string; dueDate: string };
      const associationId = job.associationId!;
      await db.tenant(associationId, async (tx) => {
        const row = await repo.lock(tx, requestId);
        // Answered, withdrawn or re-timed since: nothing to warn about.
        if (
          !row ||
          row.decidedAt ||
          row.dueDate !== dueDate ||
          ["cancelled", "closed", "rejected"].includes(row.state)
        )
          return;
        const escalation = await repo.insertEscalation(tx, {
          associationId,
          requestId,
          kind,
          dueDate,
          raisedAt: clock.now(),
        });
        if (!escalation) return;
        await audit.record(
          tx,
          { system: true, associationId },
          {
            type:
              kind === "warning" ? "support_request.deadline_warning" : "support_request.deadline_breached",
            payload: { requestId, dueDate },
            subject: subject(row),
          },
        );
      });
    };

  return {
    jobs: { [warningJob]: deadlineJob("warning"), [breachJob]: deadlineJob("breach") } as Record<
      string,
      JobHandler
    >,
    detail,
    locked,
    advance,
    settingsOf,
    calendarAround,
    subject,

    async settings(actor: Actor) {
      authorize(actor, requestsPolicy, "readSettings");
      return db.tenant(actor.associationId, settingsWithStaff);
    },

    async updateSettings(actor: Actor, input: z.infer<typeof updateRequestSettingsSchema>) {
      authorize(actor, requestsPolicy, "settings");
      return db.tenant(actor.associationId, async (tx) => {
        // What the settings themselves hold, not what is in force: the policy's period or its confirmed
        // referral role must not be copied into the settings, which apply when the policy is silent.
        const stored = await repo.settings(tx);
        await repo.saveSettings(tx, {
          associationId: actor.associationId,
          responsePeriod: input.responsePeriod ?? stored?.responsePeriod ?? defaultResponsePeriod,
          referralRole: input.referralRole ?? stored?.referralRole ?? "social_researcher",
          updatedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "request_settings.updated",
          payload: { fields: Object.keys(input) },
        });
        return settingsWithStaff(tx);
      });
    },

    async open(actor: Actor, input: OpenRequest): Promise<RequestDetail> {
      authorize(actor, requestsPolicy, "open");
      return db.tenant(actor.associationId, async (tx) => {
        // 404, or 409 naming the kept file of a merged record, or 409 after every consent is withdrawn.
        const beneficiary = await beneficiaries.forNewWork(tx, input.beneficiaryId);
        const service = await services.lookup(tx, input.serviceId);
        if (!service) throw new AppError("not_found", "service not found");
        if (!service.active)
          throw fieldError(
            "serviceId",
            "service_inactive",
            "هذه الخدمة موقوفة حاليًا.",
            "This service is not offered now.",
          );
        const requirements = service.requirements as Requirement[];
        checkData(requirements, input.data);
        const now = clock.now();
        const hijriYear = toHijri(riyadhDate(now)).year;
        const number = await nextRegisterNumber(tx, actor.associationId, `support-request-${hijriYear}`);
        const referenceNumber = `REQ-${hijriYear}-${String(number).padStart(4, "0")}`;
        const row = await repo.insert(tx, {
          associationId: actor.associationId,
          referenceNumber,
          beneficiaryId: beneficiary.id,
          serviceId: service.id,
          channel: input.channel,
          state: "draft",
          requirements,
          data: Object.fromEntries(Object.entries(input.data).filter(([, v]) => v !== "")),
          openedBy: actor.userId,
          openedAt: now,
          updatedAt: now,
        });
        await audit.record(tx, actor, {
          type: "support_request.opened",
          payload: { requestId: row.id, referenceNumber, serviceId: service.id, channel: input.channel },
          subject: subject(row),
        });
        await settle(tx, actor, row);
        return detail(tx, row.id);
      });
    },

    async list(
      actor: Actor,
      query: { beneficiaryId?: string; state?: string; mine?: boolean; limit: number },
    ): Promise<RequestListItem[]> {
      authorize(actor, requestsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const rows = await repo.list(tx, {
          ...(query.beneficiaryId ? { beneficiaryId: query.beneficiaryId } : {}),
          ...(query.state ? { state: query.state } : {}),
          ...(query.mine ? { openedBy: actor.userId } : {}),
          limit: query.limit,
        });
        const now = clock.now();
        const cal = await calendarAround(tx, now);
        return rows.map((row) => ({ row, due: dueOf(row, cal, now) }));
      });
    },

    /** A study in the answer is a read of sensitive data, and is logged as such (PDPL). */
    async get(actor: Actor, id: string): Promise<RequestDetail> {
      authorize(actor, requestsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const found = await detail(tx, id);
        const studyRead = found.referrals.some(
          (r) =>
            r.studyFindings !== null &&
            mayReadField(actor.roles, "request.social_study", r.ownerUserId === actor.userId),
        );
        if (studyRead) {
          await audit.record(tx, actor, {
            type: "sensitive.read",
            payload: { fields: ["request.social_study"] },
            subject: subject(found.row),
          });
        }
        return found;
      });
    },

    async updateData(actor: Actor, id: string, data: Record<string, string | number | boolean | null>) {
      authorize(actor, requestsPolicy, "edit");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        assertEditable(row);
        checkData(row.requirements as Requirement[], data);
        const merged: Record<string, unknown> = { ...(row.data as Record<string, unknown>) };
        for (const [key, value] of Object.entries(data)) {
          if (value === null || value === "") delete merged[key];
          else merged[key] = value;
        }
        const updated = await repo.update(tx, id, { data: merged, updatedAt: clock.now() });
        await audit.record(tx, actor, {
          type: "support_request.data_updated",
          payload: { requestId: id, fields: Object.keys(data) },
          subject: subject(row),
        });
        await settle(tx, actor, updated);
        return detail(tx, id);
      });
    },

    /** A document for one requirement, with the dates read off it, checked against its rule now (H3). */
    async attachDocument(actor: Actor, id: string, input: z.infer<typeof attachDocumentSchema>) {
      authorize(actor, requestsPolicy, "edit");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        assertEditable(row);
        const requirement = (row.requirements as Requirement[]).find((r) => r.code === input.requirementCode);
        if (requirement?.kind !== "document") {
          throw fieldError(
            "requirementCode",
            "requirement_unknown",
            "هذا المستند ليس من متطلبات الخدمة.",
            "This document is not a requirement of the service.",
          );
        }
        if (!(await files.lookup(tx, input.fileId)))
          throw fieldError("fileId", "file_unknown", "الملف غير موجود.", "File not found.");
        const now = clock.now();
        const check = checkDocument(
          requirement,
          { issuedOn: input.issuedOn ?? null, expiresOn: input.expiresOn ?? null },
          riyadhToday(now),
        );
        if (check.status !== "present") {
          const path =
            check.status === "expired" || requirement.validity.kind === "not_expired"
              ? "expiresOn"
              : "issuedOn";
          throw new AppError("validation_failed", `document ${check.status}`, {
            fieldErrors: [{ path, code: `document_${check.status}`, message: check.message! }],
          });
        }
        await repo.attachDocument(tx, {
          associationId: actor.associationId,
          requestId: id,
          requirementCode: requirement.code,
          fileId: input.fileId,
          issuedOn: input.issuedOn ?? null,
          expiresOn: input.expiresOn ?? null,
          attachedBy: actor.userId,
          attachedAt: now,
        });
        await audit.record(tx, actor, {
          type: "support_request.document_attached",
          payload: { requestId: id, requirementCode: requirement.code, fileId: input.fileId },
          subject: subject(row),
        });
        await settle(tx, actor, await repo.update(tx, id, { updatedAt: now }));
        return detail(tx, id);
      });
    },

    /** To the role the association names (H4), with an owner holding it and a due date. */
    async refer(actor: Actor, id: string, input: z.infer<typeof referRequestSchema>) {
      authorize(actor, requestsPolicy, "refer");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        const to = advance(row, "refer");
        const { referralRole } = await settingsOf(tx);
        const owner = await users.lookup(tx, input.ownerUserId);
        if (!owner?.roles.includes(referralRole)) {
          throw fieldError(
            "ownerUserId",
            "owner_lacks_role",
            "الموظف المختار لا يحمل الدور الذي تحدده الجمعية للإحالة.",
            "The chosen staff member does not hold the role the association refers to.",
          );
        }
        const now = clock.now();
        const dueDate = input.dueDate ?? (await calendarAround(tx, now)).addWorkingDays(riyadhToday(now), 5);
        const referral = await repo.insertReferral(tx, {
          associationId: actor.associationId,
          requestId: id,
          role: referralRole,
          ownerUserId: owner.id,
          reason: input.reason,
          dueDate,
          createdBy: actor.userId,
          createdAt: now,
        });
        await repo.update(tx, id, { state: to, updatedAt: now });
        await audit.record(tx, actor, {
          type: "support_request.referred",
          payload: { requestId: id, referralId: referral.id, role: referralRole, ownerUserId: owner.id },
          subject: subject(row),
        });
        return detail(tx, id);
      });
    },

    async recordStudy(actor: Actor, referralId: string, input: z.infer<typeof recordStudySchema>) {
      // Whoever holds the role the association refers to owns the referral; the owner alone records it.
      authorize(actor, requestsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const referral = await repo.referral(tx, referralId);
        if (!referral) throw new AppError("not_found", "referral not found");
        if (referral.ownerUserId !== actor.userId)
          throw new AppError("forbidden", "not the referral's owner");
        if (referral.closedAt)
          throw refusal({ ar: "أُغلقت هذه الإحالة.", en: "This referral is closed." }, "referral closed");
        // A study or home visit is recorded once it has taken place.
        assertHappened(clock.now(), [
          { path: "on", date: input.on, label: { ar: "تاريخ الدراسة", en: "The study date" } },
        ]);
        await repo.updateReferral(tx, referralId, {
          studyKind: input.kind,
          studyOn: input.on,
          studyFindings: input.findings,
          studyRecommendation: input.recommendation,
        });
        const row = (await repo.findById(tx, referral.requestId))!;
        await audit.record(tx, actor, {
          type: "support_request.study_recorded",
          payload: { requestId: row.id, referralId, kind: input.kind },
          subject: subject(row),
        });
        return detail(tx, row.id);
      });
    },

    async closeReferral(actor: Actor, referralId: string, outcome: string) {
      // Whoever holds the role the association refers to owns the referral; the owner alone records it.
      authorize(actor, requestsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const referral = await repo.referral(tx, referralId);
        if (!referral) throw new AppError("not_found", "referral not found");
        if (referral.ownerUserId !== actor.userId)
          throw new AppError("forbidden", "not the referral's owner");
        if (referral.closedAt)
          throw refusal({ ar: "أُغلقت هذه الإحالة.", en: "This referral is closed." }, "referral closed");
        const row = await locked(tx, referral.requestId);
        const now = clock.now();
        await repo.updateReferral(tx, referralId, { outcome, closedAt: now });
        const { completeness } = await assess(tx, row);
        const to = advance(
          row,
          completeness.complete ? "referral_closed_complete" : "referral_closed_incomplete",
        );
        await audit.record(tx, actor, {
          type: "support_request.referral_closed",
          payload: { requestId: row.id, referralId },
          subject: subject(row),
        });
        if (to === "complete" && !row.completedAt) await becameComplete(tx, actor, row, to);
        else await repo.update(tx, row.id, { state: to, updatedAt: now });
        return detail(tx, row.id);
      });
    },

    /** The beneficiary's declaration (H5): signed on screen, scanned, or confirmed by a one-time code. */
    async startDeclaration(actor: Actor, id: string, input: z.infer<typeof startDeclarationSchema>) {
      authorize(actor, requestsPolicy, "declare");
      return db.tenant(actor.associationId, async (tx) => {
        // A request left «مُقَرّ» over data its declaration no longer covers (changed before the
        // state followed the fingerprint, ADR 0019) lapses first, then is declared again.
        const current = await locked(tx, id);
        const row = current.state === "declared" ? await settle(tx, actor, current) : current;
        const to = advance(row, "declare");
        const { documents } = await assess(tx, row);
        const fingerprint = fingerprintOf(row, documents);
        const covered = coveredOf(row, documents);
        const now = clock.now();
        if (input.method !== "otp") {
          if (!input.fileId)
            throw fieldError(
              "fileId",
              "signature_missing",
              input.method === "on_screen"
                ? "أرفق صورة التوقيع."
                : "أرفق نموذج الإقرار الموقّع الممسوح ضوئيًا.",
              input.method === "on_screen"
                ? "Attach the signature image."
                : "Attach the scanned signed form.",
            );
          if (!(await files.lookup(tx, input.fileId)))
            throw fieldError("fileId", "file_unknown", "الملف غير موجود.", "File not found.");
          const declaration = await repo.insertDeclaration(tx, {
            associationId: actor.associationId,
            requestId: id,
            method: input.method,
            fileId: input.fileId,
            fingerprint,
            covered,
            status: "signed",
            signedAt: now,
            createdBy: actor.userId,
            createdAt: now,
          });
          await repo.update(tx, id, { state: to, updatedAt: now });
          await audit.record(tx, actor, {
            type: "support_request.declared",
            payload: { requestId: id, declarationId: declaration.id, method: input.method, fingerprint },
            subject: subject(row),
          });
          return { request: await detail(tx, id), sentTo: null };
        }
        const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
        const declaration = await repo.insertDeclaration(tx, {
          associationId: actor.associationId,
          requestId: id,
          method: "otp",
          fingerprint,
          covered,
          status: "pending",
          otpExpiresAt: new Date(now.getTime() + OTP_TTL_MS),
          createdBy: actor.userId,
          createdAt: now,
        });
        await repo.updateDeclaration(tx, declaration.id, { otpHash: otpHash(declaration.id, code) });
        const sent = await notifications.notifyBeneficiary(tx, actor, {
          beneficiaryId: row.beneficiaryId,
          eventKey: `support_request:${id}:declaration:${declaration.id}`,
          subject: "رمز الإقرار",
          body: `رمز إقراركم بصحة بيانات الطلب رقم ${row.referenceNumber} هو ${code}. صالح لمدة ١٠ دقائق. لا تشاركوه إلا مع موظف الجمعية الذي يخدمكم.`,
        });
        await audit.record(tx, actor, {
          type: "support_request.declaration_started",
          payload: { requestId: id, declarationId: declaration.id, method: "otp" },
          subject: subject(row),
        });
        return {
          request: await detail(tx, id),
          sentTo: sent ? { channel: sent.channel, status: sent.status } : null,
        };
      });
    },

    async verifyDeclaration(actor: Actor, id: string, code: string) {
      authorize(actor, requestsPolicy, "declare");
      // A wrong try is counted even though the answer is a refusal: the count commits, then we refuse.
      const outcome = await db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        const declaration = await repo.latestDeclaration(tx, id);
        if (declaration?.method !== "otp" || declaration.status !== "pending") {
          throw refusal(
            {
              ar: "لا يوجد رمز إقرار بانتظار التحقق لهذا الطلب.",
              en: "No declaration code is waiting for this request.",
            },
            "no pending otp",
          );
        }
        const now = clock.now();
        const fail = async (reason: "wrong_code" | "expired" | "too_many_tries", attempts: number) => {
          const failed = reason !== "wrong_code" || attempts >= OTP_TRIES;
          await repo.updateDeclaration(tx, declaration.id, {
            otpAttempts: attempts,
            ...(failed ? { status: "failed" } : {}),
          });
          await audit.record(tx, actor, {
            type: "support_request.declaration_failed",
            payload: {
              requestId: id,
              declarationId: declaration.id,
              reason: failed && reason === "wrong_code" ? "too_many_tries" : reason,
            },
            subject: subject(row),
          });
          return { ok: false as const, reason, left: Math.max(0, OTP_TRIES - attempts), failed };
        };
        if (declaration.otpExpiresAt && now.getTime() > declaration.otpExpiresAt.getTime())
          return fail("expired", declaration.otpAttempts);
        if (declaration.otpAttempts >= OTP_TRIES) return fail("too_many_tries", declaration.otpAttempts);
        if (declaration.otpHash !== otpHash(declaration.id, code))
          return fail("wrong_code", declaration.otpAttempts + 1);
        const { documents } = await assess(tx, row);
        if (fingerprintOf(row, documents) !== declaration.fingerprint) {
          throw refusal(
            {
              ar: "تغيّرت بيانات الطلب أو مستنداته بعد إرسال الرمز؛ ابدأ الإقرار من جديد.",
              en: "The request changed after the code was sent; start the declaration again.",
            },
            "fingerprint changed",
          );
        }
        const to = advance(row, "declare");
        await repo.updateDeclaration(tx, declaration.id, {
          status: "signed",
          signedAt: now,
          otpAttempts: declaration.otpAttempts + 1,
        });
        await repo.update(tx, id, { state: to, updatedAt: now });
        await audit.record(tx, actor, {
          type: "support_request.declared",
          payload: {
            requestId: id,
            declarationId: declaration.id,
            method: "otp",
            fingerprint: declaration.fingerprint,
          },
          subject: subject(row),
        });
        return { ok: true as const, detail: await detail(tx, id) };
      });
      if (outcome.ok) return outcome.detail;
      const messages = {
        wrong_code: outcome.failed
          ? {
              ar: "الرمز غير صحيح، واستُنفدت المحاولات. أرسل رمزًا جديدًا.",
              en: "Wrong code, and no tries are left. Send a new code.",
            }
          : icuText(
              {
                ar: "الرمز غير صحيح. {left, plural, zero {لم تبقَ محاولات} one {بقيت محاولة واحدة} two {بقيت محاولتان} few {بقيت # محاولات} many {بقيت # محاولة} other {بقيت # محاولة}}.",
                en: "Wrong code. {left, plural, one {# try} other {# tries}} left.",
              },
              { left: outcome.left },
            ),
        expired: { ar: "انتهت صلاحية الرمز. أرسل رمزًا جديدًا.", en: "The code has expired. Send a new one." },
        too_many_tries: {
          ar: "استُنفدت المحاولات. أرسل رمزًا جديدًا.",
          en: "No tries are left. Send a new code.",
        },
      };
      throw new AppError("validation_failed", `otp ${outcome.reason}`, {
        fieldErrors: [{ path: "code", code: `otp_${outcome.reason}`, message: messages[outcome.reason] }],
      });
    },

    /** Cancelling keeps its reason on the request and in its history. */
    async cancel(actor: Actor, id: string, reason: string) {
      authorize(actor, requestsPolicy, "cancel");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        const now = clock.now();
        await repo.update(tx, id, {
          state: advance(row, "cancel"),
          cancelReason: reason,
          closedAt: now,
          updatedAt: now,
        });
        await repo.resolveEscalations(tx, id, now);
        await audit.record(tx, actor, {
          type: "support_request.cancelled",
          payload: { requestId: id, reason },
          subject: subject(row),
        });
        return detail(tx, id);
      });
    },

    /**
     * A delivery against the decision (H8). The request row is locked first, so two deliveries at
     * once are counted one after the other and the total never passes the approved amount.
     */
    async recordDelivery(actor: Actor, id: string, input: z.infer<typeof recordDeliverySchema>) {
      authorize(actor, requestsPolicy, "deliver");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        const to = advance(row, "deliver");
        const itemsValue = input.items.reduce((sum, i) => sum + i.quantity * i.unitValue, 0);
        const amount = input.amount ?? (input.kind === "in_kind" ? itemsValue : 0);
        if (input.kind === "cash" && amount <= 0)
          throw fieldError(
            "amount",
            "amount_required",
            "أدخل المبلغ المسلَّم بالهللات.",
            "Enter the amount delivered, in halalas.",
          );
        if (input.kind === "in_kind" && input.items.length === 0)
          throw fieldError(
            "items",
            "items_required",
            "أدخل الأصناف المسلَّمة وكمياتها.",
            "Enter the items delivered and their quantities.",
          );
        const approved = row.approvedAmount ?? 0;
        if (row.deliveredAmount + amount > approved) {
          throw new AppError("exceeds_approval", `${row.deliveredAmount} + ${amount} > ${approved}`, {
            fieldErrors: [
              {
                path: "amount",
                code: "exceeds_approval",
                message: {
                  ar: `المتبقي من المبلغ المعتمد ${riyals(approved - row.deliveredAmount)} ريال فقط.`,
                  en: `Only SAR ${riyals(approved - row.deliveredAmount)} of the approved amount remains.`,
                },
              },
            ],
          });
        }
        const now = clock.now();
        assertHappened(now, [
          {
            path: "deliveredOn",
            date: input.deliveredOn,
            label: { ar: "تاريخ التسليم", en: "The delivery date" },
          },
        ]);
        const delivery = await repo.insertDelivery(tx, {
          associationId: actor.associationId,
          requestId: id,
          kind: input.kind,
          amount,
          items: input.items,
          deliveredOn: input.deliveredOn ?? riyadhToday(now),
          note: input.note ?? null,
          recordedBy: actor.userId,
          recordedAt: now,
        });
        await repo.update(tx, id, {
          state: to,
          deliveredAmount: row.deliveredAmount + amount,
          updatedAt: now,
        });
        await audit.record(tx, actor, {
          type: "support_request.delivery_recorded",
          payload: { requestId: id, deliveryId: delivery.id, kind: input.kind, amount },
          subject: subject(row),
        });
        await announcer.announce(tx, "request.delivered", {
          associationId: actor.associationId,
          subjectId: id,
          beneficiaryId: row.beneficiaryId,
          staffId: actor.userId,
          actor,
        });
        return detail(tx, id);
      });
    },

    async close(actor: Actor, id: string) {
      authorize(actor, requestsPolicy, "close");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        const now = clock.now();
        await repo.update(tx, id, { state: advance(row, "close"), closedAt: now, updatedAt: now });
        await audit.record(tx, actor, {
          type: "support_request.closed",
          payload: { requestId: id },
          subject: subject(row),
        });
        await announcer.announce(tx, "request.closed", {
          associationId: actor.associationId,
          subjectId: id,
          beneficiaryId: row.beneficiaryId,
          staffId: actor.userId,
          actor,
        });
        return detail(tx, id);
      });
    },

    /** Share of requests answered within their period (H7), over those due in the window. */
    async compliance(actor: Actor, query: { from?: string; to?: string }) {
      authorize(actor, requestsPolicy, "reports");
      const now = clock.now();
      const rows = await db.tenant(actor.associationId, (tx) =>
        repo.withDeadlines(tx, {
          ...(query.from ? { fromAt: new Date(`${query.from}T00:00:00+03:00`) } : {}),
          ...(query.to ? { toAt: new Date(`${query.to}T23:59:59.999+03:00`) } : {}),
        }),
      );
      let answeredInTime = 0;
      let answeredLate = 0;
      let overdue = 0;
      let pending = 0;
      for (const r of rows) {
        if (r.decidedAt) r.decidedAt.getTime() <= r.dueAt!.getTime() ? answeredInTime++ : answeredLate++;
        else if (now.getTime() > r.dueAt!.getTime()) overdue++;
        else pending++;
      }
      const judged = answeredInTime + answeredLate + overdue;
      return {
        from: query.from ?? null,
        to: query.to ?? null,
        answeredInTime,
        answeredLate,
        overdue,
        pending,
        shareInTime: judged ? answeredInTime / judged : null,
      };
    },
  };
}

function otpHash(declarationId: string, code: string): string {
  return createHash("sha256").update(`${declarationId}:${code}`).digest("hex");
}
