import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { mayReadField } from "../../../shared/contracts/access.js";
import type {
  closeComplaintRequestSchema,
  PublicComplaintRequest,
  StaffComplaintRequest,
} from "../../../shared/contracts/complaints.js";
import {
  computeDeadline,
  parseSaudiMobile,
  type ResponsePeriodRule,
  riyadhDate,
  toHijri,
} from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { nextRegisterNumber } from "../../db/counters.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { FilesService } from "../files/index.js";
import type { Announcer } from "../module.js";
import type { NotificationsService } from "../notifications/index.js";
import type { UsersService } from "../users/index.js";
import { complaintsPolicy } from "./complaints.policy.js";
import type { ComplaintRow, ComplaintsRepository } from "./complaints.repository.js";
import type { PublicGuard } from "./public-guard.js";

/** Until the approved policy supplies its own: answered within 15 working days of receipt. */
export const defaultComplaintRule: ResponsePeriodRule = {
  value: 15,
  unit: "working_days",
  bound: "max",
  startsAt: "submission",
};

export const deadlineJob = "complaints.deadline";

export type ComplaintsService = ReturnType<typeof createComplaintsService>;

type Contact = {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  notifyBy: "sms" | "email" | "none";
};

const fieldError = (path: string, code: string, ar: string, en: string) =>
  new AppError("validation_failed", `${path}: ${code}`, {
    fieldErrors: [{ path, code, message: { ar, en } }],
  });

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const outcomeWords: Record<string, string> = {
  resolved: "تمت معالجة الشكوى",
  amicable_settlement: "تمت التسوية الودية",
  rejected: "لم تُقبل الشكوى مع بيان الأسباب",
  referred_to_compensation: "أحيلت الشكوى إلى لجنة التعويض",
};

export function createComplaintsService(deps: {
  db: Database;
  repo: ComplaintsRepository;
  associations: AssociationsService;
  beneficiaries: BeneficiariesService;
  users: UsersService;
  calendar: CalendarService;
  files: FilesService;
  notifications: NotificationsService;
  audit: AuditService;
  queue: JobQueue;
  clock: Clock;
  guard: PublicGuard;
  /** Tells other modules (surveys) that a complaint was closed. */
  announcer: Pick<Announcer, "announce">;
}) {
  const {
    db,
    repo,
    associations,
    beneficiaries,
    users,
    calendar,
    files,
    notifications,
    audit,
    queue,
    clock,
    guard,
  } = deps;

  function normaliseContact(contact: Contact) {
    let phone: string | null = null;
    if (contact.phone) {
      const parsed = parseSaudiMobile(contact.phone);
      if (!parsed.ok) throw fieldError("phone", parsed.code, parsed.message.ar, parsed.message.en);
      phone = parsed.value;
    }
    if (contact.notifyBy === "sms" && !phone) {
      throw fieldError(
        "phone",
        "phone_required",
        "أدخل رقم الجوال لنرسل لك التحديثات.",
        "Enter a mobile number to receive updates.",
      );
    }
    if (contact.notifyBy === "email" && !contact.email) {
      throw fieldError(
        "email",
        "email_required",
        "أدخل البريد الإلكتروني لنرسل لك التحديثات.",
        "Enter an e-mail to receive updates.",
      );
    }
    return { phone, email: contact.email ?? null, name: contact.name ?? null };
  }

  async function tell(tx: Tx, source: AuditSource, complaint: ComplaintRow, step: string, text: string) {
    if (!complaint.notifyChannel) return;
    const recipient =
      complaint.notifyChannel === "sms" ? complaint.complainantPhone : complaint.complainantEmail;
    if (!recipient) return;
    await notifications.notifyContact(tx, source, {
      channel: complaint.notifyChannel as "sms" | "email",
      recipient,
      eventKey: `complaint:${complaint.id}:${step}`,
      subject: `شكواك رقم ${complaint.referenceNumber}`,
      body: `${text}\nرقم الشكوى: ${complaint.referenceNumber}`,
    });
  }

  /** Receiving, the same for every channel: number, deadline, routing, jobs, receipt. */
  async function receive(
    tx: Tx,
    source: AuditSource,
    input: {
      source: "public" | "staff";
      channel: string;
      anonymous: boolean;
      contact: Contact;
      category: string;
      subject: string;
      details: string;
      beneficiaryId: string | null;
      createdBy: string | null;
    },
  ) {
    const contact = input.anonymous
      ? { phone: null, email: null, name: null }
      : normaliseContact(input.contact);
    const now = clock.now();
    const today = riyadhDate(now);
    const hijriYear = toHijri(today).year;
    const number = await nextRegisterNumber(tx, source.associationId, `complaints-${hijriYear}`);
    const referenceNumber = `C-${hijriYear}-${String(number).padStart(4, "0")}`;
    const trackingToken = randomBytes(32).toString("base64url");
    const workingCalendar = await calendar.workingCalendar(tx, today.year, today.year + 1);
    const deadline = computeDeadline({
      rule: defaultComplaintRule,
      start: now,
      calendar: workingCalendar,
      now,
    });
    // Problems reaching the association's systems go to the administrator (Q2, technical support).
    const assignee =
      input.category === "technical_support"
        ? ((await users.withRole(tx, "administrator"))[0]?.id ?? null)
        : null;
    const complaint = await repo.insert(tx, {
      associationId: source.associationId,
      referenceNumber,
      trackingTokenHash: hashToken(trackingToken),
      source: input.source,
      channel: input.channel,
      anonymous: input.anonymous,
      complainantName: contact.name,
      complainantPhone: contact.phone,
      complainantEmail: contact.email,
      notifyChannel: input.anonymous || input.contact.notifyBy === "none" ? null : input.contact.notifyBy,
      beneficiaryId: input.beneficiaryId,
      category: input.category,
      subject: input.subject,
      details: input.details,
      status: assignee ? "assigned" : "received",
      assignedTo: assignee,
      receivedAt: now,
      dueAt: deadline.dueAt,
      createdBy: input.createdBy,
    });
    await repo.addEvent(tx, {
      associationId: source.associationId,
      complaintId: complaint.id,
      at: now,
      kind: "received",
      actorUserId: input.createdBy,
    });
    if (assignee) {
      await repo.addEvent(tx, {
        associationId: source.associationId,
        complaintId: complaint.id,
        at: now,
        kind: "assigned",
        actorUserId: null,
        note: "technical_support",
      });
    }
    for (const [stage, runAt] of [
      ["warn", deadline.warnAt],
      ["escalate", deadline.dueAt],
    ] as const) {
      await queue.enqueue(
        deadlineJob,
        { complaintId: complaint.id, stage },
        {
          associationId: source.associationId,
          runAt: stage === "escalate" ? new Date(runAt.getTime() + 1) : runAt,
          dedupeKey: `complaint:${complaint.id}:${stage}`,
        },
        tx,
      );
    }
    await audit.record(tx, source, {
      type: "complaint.received",
      payload: { referenceNumber, channel: input.channel, category: input.category },
      subject: input.beneficiaryId
        ? { type: "beneficiary", id: input.beneficiaryId }
        : { type: "complaint", id: complaint.id },
    });
    await tell(
      tx,
      source,
      complaint,
      "received",
      `استلمنا شكواك وسنرد عليها في موعد أقصاه ${deadline.dueDate}.`,
    );
    return { complaint, trackingToken, dueDate: deadline.dueDate };
  }

  async function loadOpen(tx: Tx, id: string): Promise<ComplaintRow> {
    const complaint = await repo.lock(tx, id);
    if (!complaint) throw new AppError("not_found", "complaint not found");
    if (complaint.status === "closed") {
      throw new AppError("invalid_transition", "complaint already closed");
    }
    return complaint;
  }

  const deadlineHandler: JobHandler = async (job) => {
    const { complaintId, stage } = job.payload as { complaintId: string; stage: "warn" | "escalate" };
    const associationId = job.associationId!;
    await db.tenant(associationId, async (tx) => {
      const complaint = await repo.lock(tx, complaintId);
      if (!complaint || complaint.status === "closed") return;
      const now = clock.now();
      const source = { system: true as const, associationId };
      if (stage === "warn" && !complaint.warnedAt) {
        await repo.update(tx, complaintId, { warnedAt: now });
        await repo.addEvent(tx, { associationId, complaintId, at: now, kind: "deadline_warning" });
        await audit.record(tx, source, {
          type: "complaint.deadline_warning",
          payload: { referenceNumber: complaint.referenceNumber },
          subject: { type: "complaint", id: complaintId },
        });
      }
      if (stage === "escalate" && !complaint.escalatedAt) {
        await repo.update(tx, complaintId, { escalatedAt: now });
        await repo.addEvent(tx, { associationId, complaintId, at: now, kind: "escalated" });
        await audit.record(tx, source, {
          type: "complaint.escalated",
          payload: { referenceNumber: complaint.referenceNumber },
          subject: { type: "complaint", id: complaintId },
        });
      }
    });
  };

  async function recordIn(tx: Tx, actor: Actor, input: StaffComplaintRequest) {
    if (input.beneficiaryId && !(await beneficiaries.lookup(tx, input.beneficiaryId))) {
      throw new AppError("not_found", "beneficiary not found");
    }
    for (const [i, id] of input.fileIds.entries()) {
      if (!(await files.lookup(tx, id)))
        throw fieldError(`fileIds.${i}`, "file_unknown", "الملف غير موجود.", "File not found.");
    }
    const received = await receive(tx, actor, {
      source: "staff",
      channel: input.channel,
      anonymous: false,
      contact: input,
      category: input.category,
      subject: input.subject,
      details: input.details,
      beneficiaryId: input.beneficiaryId ?? null,
      createdBy: actor.userId,
    });
    await repo.attach(tx, actor.associationId, received.complaint.id, input.fileIds);
    return { ...received, view: (await repo.get(tx, received.complaint.id))! };
  }

  return {
    jobs: { [deadlineJob]: deadlineHandler } as Record<string, JobHandler>,

    /** The public page's human check: a proof of work bound to this association (ADR 0012). */
    async publicChallenge(slug: string, sourceAddress: string) {
      const association = await associations.findBySlug(slug);
      if (association?.kind !== "association") throw new AppError("not_found", "association not found");
      if (association.suspendedAt) throw new AppError("association_suspended", "association suspended");
      return {
        association: { nameAr: association.nameAr, nameEn: association.nameEn },
        challenge: await guard.challengeFor(association.id, sourceAddress, clock.now()),
      };
    },

    /** The public page (Q1): no account, a proof of work, fair limits, a receipt with a tracking link. */
    async receivePublic(slug: string, input: PublicComplaintRequest, sourceAddress: string) {
      const association = await associations.findBySlug(slug);
      if (association?.kind !== "association") throw new AppError("not_found", "association not found");
      if (association.suspendedAt) throw new AppError("association_suspended", "association suspended");
      if (input.website)
        throw fieldError("website", "robot", "تعذّر قبول النموذج.", "The form could not be accepted.");
      await guard.admit(association.id, sourceAddress, input.altcha, clock.now());
      return db.tenant(association.id, (tx) =>
        receive(
          tx,
          { system: true, associationId: association.id },
          {
            source: "public",
            channel: "website",
            anonymous: input.anonymous,
            contact: input,
            category: input.category,
            subject: input.subject,
            details: input.details,
            beneficiaryId: null,
            createdBy: null,
          },
        ),
      );
    },

    /** Complaints by fax, phone, letter or in person, recorded by staff with the channel (Q1). */
    async record(actor: Actor, input: StaffComplaintRequest) {
      authorize(actor, complaintsPolicy, "record");
      return db.tenant(actor.associationId, (tx) => recordIn(tx, actor, input));
    },

    /**
     * For another module, inside its tenant transaction (a survey follow-up the respondent allowed
     * becomes a complaint): recorded as staff record one; the caller has authorized its actor.
     */
    recordWithin: (tx: Tx, actor: Actor, input: StaffComplaintRequest) => recordIn(tx, actor, input),

    /** What the tracking link shows: status and steps, nothing personal. */
    async track(token: string) {
      const complaint = await db.system((tx) => repo.findByTrackingHash(tx, hashToken(token)));
      if (!complaint) throw new AppError("not_found", "tracking token unknown");
      const steps = await db.tenant(complaint.associationId, (tx) => repo.events(tx, complaint.id));
      // Internal notes and management's directions stay inside the association.
      return { complaint, steps: steps.filter((s) => s.kind !== "note" && s.kind !== "direction") };
    },

    async list(
      actor: Actor,
      query: { status: "open" | "closed" | "all"; assignedToMe: boolean; limit: number },
    ) {
      authorize(actor, complaintsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const rows = await repo.list(tx, {
          status: query.status,
          ...(query.assignedToMe ? { assignedTo: actor.userId } : {}),
          limit: query.limit,
        });
        // A list carries what complainants wrote too: its read is logged like a complaint's.
        const fields = (["complaint.details", "complaint.complainant"] as const).filter((field) =>
          rows.some((row) => mayReadField(actor.roles, field, row.assignedTo === actor.userId)),
        );
        if (fields.length > 0) {
          await audit.record(tx, actor, { type: "sensitive.read", payload: { fields } });
        }
        return rows;
      });
    },

    /** What the complainant wrote, in the answer, is a read of personal data and is logged as such. */
    async get(actor: Actor, id: string) {
      authorize(actor, complaintsPolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const found = await repo.get(tx, id);
        if (!found) throw new AppError("not_found", "complaint not found");
        const assignee = found.assignedTo === actor.userId;
        const fields = (["complaint.details", "complaint.complainant"] as const).filter((field) =>
          mayReadField(actor.roles, field, assignee),
        );
        if (fields.length > 0) {
          await audit.record(tx, actor, {
            type: "sensitive.read",
            payload: { fields },
            subject: { type: "complaint", id },
          });
        }
        return found;
      });
    },

    async assign(actor: Actor, id: string, assigneeId: string) {
      authorize(actor, complaintsPolicy, "assign");
      return db.tenant(actor.associationId, async (tx) => {
        const complaint = await loadOpen(tx, id);
        const assignee = await users.lookup(tx, assigneeId);
        if (
          !assignee?.roles.some((r) => ["followup_committee_member", "manager", "administrator"].includes(r))
        ) {
          throw fieldError(
            "assigneeId",
            "not_followup_member",
            "الموظف المختار ليس من لجنة المتابعة.",
            "The chosen staff member is not on the follow-up committee.",
          );
        }
        const now = clock.now();
        await repo.update(tx, id, { assignedTo: assigneeId, status: "assigned" });
        await repo.addEvent(tx, {
          associationId: actor.associationId,
          complaintId: id,
          at: now,
          kind: "assigned",
          actorUserId: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "complaint.assigned",
          payload: { assigneeId },
          subject: { type: "complaint", id },
        });
        await tell(tx, actor, complaint, "assigned", "شكواك قيد الدراسة لدى لجنة المتابعة.");
        return (await repo.get(tx, id))!;
      });
    },

    /** Investigation notes and contacts with the complainant (internal; never on the tracking page). */
    async addNote(actor: Actor, id: string, input: { kind: "note" | "contact"; note: string }) {
      authorize(actor, complaintsPolicy, "handle");
      return db.tenant(actor.associationId, async (tx) => {
        const complaint = await loadOpen(tx, id);
        const now = clock.now();
        if (complaint.status !== "investigating") await repo.update(tx, id, { status: "investigating" });
        await repo.addEvent(tx, {
          associationId: actor.associationId,
          complaintId: id,
          at: now,
          kind: input.kind,
          note: input.note,
          actorUserId: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "complaint.noted",
          payload: { kind: input.kind },
          subject: { type: "complaint", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    /** Senior management comments and directs (S3); the committee sees it on the complaint. */
    async direct(actor: Actor, id: string, note: string) {
      authorize(actor, complaintsPolicy, "direct");
      return db.tenant(actor.associationId, async (tx) => {
        await loadOpen(tx, id);
        await repo.addEvent(tx, {
          associationId: actor.associationId,
          complaintId: id,
          at: clock.now(),
          kind: "direction",
          note,
          actorUserId: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "complaint.directed",
          payload: {},
          subject: { type: "complaint", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    /** Closing with an outcome (Q3); an amicable settlement keeps its terms and the complainant's acceptance. */
    async close(actor: Actor, id: string, input: z.infer<typeof closeComplaintRequestSchema>) {
      authorize(actor, complaintsPolicy, "handle");
      return db.tenant(actor.associationId, async (tx) => {
        const complaint = await loadOpen(tx, id);
        const now = clock.now();
        await repo.update(tx, id, {
          status: "closed",
          outcome: input.outcome,
          outcomeNote: input.note,
          settlementTerms: input.settlementTerms ?? null,
          complainantAcceptedAt: input.complainantAccepted ? now : null,
          closedAt: now,
        });
        await repo.addEvent(tx, {
          associationId: actor.associationId,
          complaintId: id,
          at: now,
          kind: `closed:${input.outcome}`,
          note: input.note,
          actorUserId: actor.userId,
        });
        await audit.record(tx, actor, {
          type: "complaint.closed",
          payload: { outcome: input.outcome, inTime: now <= complaint.dueAt },
          subject: complaint.beneficiaryId
            ? { type: "beneficiary", id: complaint.beneficiaryId }
            : { type: "complaint", id },
        });
        await tell(tx, actor, complaint, "closed", `${outcomeWords[input.outcome]}. ${input.note}`);
        await deps.announcer.announce(tx, "complaint.closed", {
          associationId: actor.associationId,
          subjectId: id,
          beneficiaryId: complaint.beneficiaryId,
          staffId: complaint.assignedTo ?? actor.userId,
          actor,
        });
        return (await repo.get(tx, id))!;
      });
    },

    /** Senior management's view (S3): open, late, escalated, ageing, trends; and open inquiries. */
    async dashboard(actor: Actor) {
      authorize(actor, complaintsPolicy, "dashboard");
      return db.tenant(actor.associationId, (tx) => repo.dashboard(tx, clock.now()));
    },
  };
}
