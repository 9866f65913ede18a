import { randomUUID, timingSafeEqual } from "node:crypto";
import { type NotificationChannel, notificationChannels } from "../../../shared/contracts/channels.js";
import type { NoticeFailureReason } from "../../../shared/contracts/notifications.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { Change, ModuleEvents } from "../module.js";
import { notificationsPolicy } from "./notifications.policy.js";
import type { NotificationRow, NotificationsRepository } from "./notifications.repository.js";
import type { Transport } from "./transports.js";

export type Transports = Partial<Record<"email" | "sms" | "whatsapp", Transport>>;
export type NotificationsService = ReturnType<typeof createNotificationsService>;

export const sendJob = "notifications.send";
const maxAttempts = 8;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * What a notice is about, read from its event key `<subject type>:<subject id>:<purpose>[:…]`
 * (every caller writes them so). A newer notice of the same subject and purpose supersedes the
 * older ones still in our hands (ADR 0020).
 */
export function aboutOf(eventKey: string): {
  subjectType: string | null;
  subjectId: string | null;
  purpose: string | null;
} {
  const [subjectType, subjectId, purpose] = eventKey.split(":");
  const id = subjectId && uuidPattern.test(subjectId) ? subjectId : null;
  return { subjectType: subjectType || null, subjectId: id, purpose: id && purpose ? purpose : null };
}

/** Each change on its own line: what it is, from what, to what (SPEC I3). */
export function changeLines(changes: readonly Change[]): string {
  return changes.map((c) => `- ${c.label}: من «${c.before ?? "—"}» إلى «${c.after ?? "—"}»`).join("\n");
}

const electronic = (channel: string): channel is keyof Transports =>
  channel === "email" || channel === "sms" || channel === "whatsapp";

const notFound = () => new AppError("not_found", "notice not found");
const refusal = (code: string, ar: string, en: string) =>
  new AppError("invalid_transition", code, { fieldErrors: [{ path: "status", code, message: { ar, en } }] });

type Reachable = { email: string | null; phones: string[] };

/**
 * Tells a beneficiary something on the channel they agreed to (SPEC C2). The message is written to
 * the outbox in the caller's transaction, with its job: if the change rolls back, nothing is sent;
 * once it commits, the message is delivered even if this process dies, and each event notifies a
 * channel once. A channel no machine here can carry fails at once with its reason, never waits;
 * channels no machine can reach (a phone call, a letter) become tasks for staff holding the whole
 * text, done by someone at some time (ADR 0020).
 */
export function createNotificationsService(deps: {
  db: Database;
  repo: NotificationsRepository;
  beneficiaries: BeneficiariesService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  transports: Transports;
  /** The gateway's shared secret for delivery reports; reports are refused without one. */
  deliveryReportSecret?: string | undefined;
}) {
  const { db, repo, beneficiaries, audit, clock, queue, transports } = deps;

  function recipientFor(person: Reachable, channel: string): string | null {
    // A letter is arranged with the person by phone, as before this notice existed (ADR 0005).
    return channel === "email" ? person.email : (person.phones[0] ?? null);
  }

  /** Where a notice can go instead: channels the person can be reached on, carried by a machine here or by staff. */
  function channelsFor(person: Reachable): NotificationChannel[] {
    return notificationChannels.filter((channel) => {
      if (electronic(channel) && !transports[channel]) return false;
      return recipientFor(person, channel) !== null;
    });
  }

  /** A failed notice can be tried again only where a machine now carries its channel to a known recipient. */
  const retryable = (row: NotificationRow) =>
    electronic(row.channel) && transports[row.channel] !== undefined && row.recipient !== "";

  async function enqueueSend(tx: Tx, row: NotificationRow, attempt: number) {
    await queue.enqueue(
      sendJob,
      { notificationId: row.id },
      {
        associationId: row.associationId,
        dedupeKey: attempt === 0 ? `notification:${row.id}` : `notification:${row.id}:${attempt}`,
        maxAttempts,
      },
      tx,
    );
  }

  /** Writes one notice in the caller's transaction: queued, failed with its reason, or a task for staff. */
  async function place(
    tx: Tx,
    source: AuditSource,
    values: {
      beneficiaryId: string | null;
      channel: string;
      recipient: string | null;
      eventKey: string;
      subject: string;
      body: string;
      about?: { subjectType: string | null; subjectId: string | null; purpose: string | null };
    },
  ): Promise<NotificationRow | undefined> {
    if (await repo.findByEventKey(tx, values.eventKey, values.channel)) return undefined;
    const about = values.about ?? aboutOf(values.eventKey);
    if (about.subjectType && about.subjectId && about.purpose)
      await repo.supersede(tx, {
        subjectType: about.subjectType,
        subjectId: about.subjectId,
        purpose: about.purpose,
      });
    const failure: NoticeFailureReason | null = !values.recipient
      ? "no_recipient"
      : electronic(values.channel) && !transports[values.channel]
        ? "no_transport"
        : null;
    const status = failure ? "failed" : electronic(values.channel) ? "queued" : "manual";
    const row = await repo.insertOnce(tx, {
      associationId: source.associationId,
      beneficiaryId: values.beneficiaryId,
      channel: values.channel,
      recipient: values.recipient ?? "",
      subject: values.subject,
      body: values.body,
      eventKey: values.eventKey,
      ...about,
      status,
      failureReason: failure,
      createdAt: clock.now(),
    });
    if (!row) return undefined;
    if (status === "queued") await enqueueSend(tx, row, 0);
    const subject = row.beneficiaryId
      ? { type: "beneficiary", id: row.beneficiaryId }
      : { type: about.subjectType ?? "notification", id: about.subjectId ?? row.id };
    await audit.record(tx, source, {
      type: "notification.queued",
      payload: {
        channel: row.channel,
        status,
        eventKey: row.eventKey,
        notificationId: row.id,
        ...(failure ? { reason: failure } : {}),
      },
      subject,
    });
    return row;
  }

  async function notifyBeneficiary(
    tx: Tx,
    source: AuditSource,
    message: { beneficiaryId: string; eventKey: string; subject: string; body: string },
  ): Promise<NotificationRow | undefined> {
    const person = await beneficiaries.lookup(tx, message.beneficiaryId);
    if (!person) return undefined;
    const channel =
      person.preferredChannel ?? (person.email ? "email" : person.phones.length ? "sms" : "phone");
    return place(tx, source, {
      beneficiaryId: person.id,
      channel,
      recipient: recipientFor(person, channel),
      eventKey: message.eventKey,
      subject: message.subject,
      body: message.body,
    });
  }

  /** Someone who is not (or not yet) a registered beneficiary, e.g. a public complainant. */
  async function notifyContact(
    tx: Tx,
    source: AuditSource,
    message: { channel: "sms" | "email"; recipient: string; eventKey: string; subject: string; body: string },
  ): Promise<NotificationRow | undefined> {
    return place(tx, source, { beneficiaryId: null, ...message });
  }

  const systemOf = (associationId: string): AuditSource => ({ system: true, associationId });
  const subjectOf = (row: NotificationRow) =>
    row.beneficiaryId
      ? { type: "beneficiary", id: row.beneficiaryId }
      : { type: row.subjectType ?? "notification", id: row.subjectId ?? row.id };

  const send: JobHandler = async (job) => {
    const { notificationId } = job.payload as { notificationId: string };
    const associationId = job.associationId!;
    const row = await db.tenant(associationId, (tx) => repo.findById(tx, notificationId));
    // Sent, superseded by a newer one, or moved to another channel: nothing more to do.
    if (row?.status !== "queued") return;
    const transport = transports[row.channel as keyof Transports];
    if (!transport) {
      await db.tenant(associationId, async (tx) => {
        await repo.update(tx, row.id, { status: "failed", failureReason: "no_transport" });
        await audit.record(tx, systemOf(associationId), {
          type: "notification.failed",
          payload: { channel: row.channel, reason: "no_transport", notificationId: row.id },
          subject: subjectOf(row),
        });
      });
      return;
    }
    const attempts = row.attempts + 1;
    await db.tenant(associationId, (tx) => repo.update(tx, row.id, { attempts }));
    try {
      const result = await transport.send({
        key: row.id,
        to: row.recipient,
        subject: row.subject,
        body: row.body,
      });
      await db.tenant(associationId, async (tx) => {
        await repo.update(tx, row.id, {
          status: "sent",
          sentAt: clock.now(),
          providerMessageId: result.providerId,
          lastError: null,
          failureReason: null,
        });
        await audit.record(tx, systemOf(associationId), {
          type: "notification.sent",
          payload: { channel: row.channel, notificationId: row.id },
          subject: subjectOf(row),
        });
      });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const final = attempts >= maxAttempts;
      await db.tenant(associationId, async (tx) => {
        // Between tries it stays queued with the provider's words; after the last, it has failed.
        await repo.update(tx, row.id, {
          lastError: reason,
          ...(final ? { status: "failed", failureReason: "gateway_error" } : {}),
        });
        if (final)
          await audit.record(tx, systemOf(associationId), {
            type: "notification.failed",
            payload: { channel: row.channel, reason: "gateway_error", notificationId: row.id },
            subject: subjectOf(row),
          });
      });
      if (!final) throw error; // the queue retries with back-off
    }
  };

  /** Who the notice can reach, and on what: the beneficiary's file, or the recipient a contact gave. */
  async function reachableOf(tx: Tx, row: NotificationRow): Promise<Reachable> {
    if (row.beneficiaryId) {
      const person = await beneficiaries.lookup(tx, row.beneficiaryId);
      if (person) return { email: person.email, phones: person.phones };
    }
    const isEmail = row.recipient.includes("@");
    return {
      email: isEmail ? row.recipient : null,
      phones: !isEmail && row.recipient ? [row.recipient] : [],
    };
  }

  async function locked(tx: Tx, id: string) {
    const row = await repo.lock(tx, id);
    if (!row) throw notFound();
    return row;
  }

  /**
   * The person's contact details changed: they are told on the channel now agreed, with what
   * changed, so a change they did not ask for does not pass unnoticed (SPEC I3, G1).
   */
  async function tellContactChange(tx: Tx, event: ModuleEvents["beneficiary.contact_changed"]) {
    const row = await notifyBeneficiary(tx, event.actor, {
      beneficiaryId: event.beneficiaryId,
      // Its own purpose: a later change is told too, it does not supersede this one (ADR 0020).
      eventKey: `beneficiary:${event.beneficiaryId}:contact_change_${randomUUID()}`,
      subject: "تحديث بيانات التواصل",
      body: [
        "حُدّثت بيانات تواصلكم لدى الجمعية:",
        changeLines(event.changes),
        "إن لم تطلبوا هذا التغيير فتواصلوا معنا.",
      ].join("\n"),
    });
    return { notifications: row ? 1 : 0 };
  }

  return {
    notifyBeneficiary,

    /**
     * Whether a message to this person goes out by a machine now: the channel they agreed to is
     * e-mail, SMS or WhatsApp, something here carries it, and the file holds its address. A link to
     * answer (a survey) means nothing on a phone call or a letter.
     */
    reachesElectronically(person: Reachable & { preferredChannel: string | null }): boolean {
      const channel = person.preferredChannel;
      return (
        channel !== null &&
        electronic(channel) &&
        transports[channel] !== undefined &&
        recipientFor(person, channel) !== null
      );
    },
    notifyContact,
    tellContactChange,
    jobs: { [sendJob]: send } as Record<string, JobHandler>,
    async forBeneficiary(tx: Tx, beneficiaryId: string) {
      return repo.forBeneficiary(tx, beneficiaryId);
    },
    /** Messages no machine can carry (a phone call, a letter): tasks on the officers' work list. */
    async manualTasks(tx: Tx, limit = 100) {
      return repo.list(tx, { open: true }, limit);
    },

    /** The notices of a request, a complaint or a person, or the open tasks, with where each may be switched to. */
    async list(
      actor: Actor,
      filter: { subjectType?: string; subjectId?: string; beneficiaryId?: string; open?: boolean },
    ) {
      authorize(actor, notificationsPolicy, "read");
      if (!filter.open && !filter.subjectId && !filter.beneficiaryId)
        throw new AppError("validation_failed", "a subject, a beneficiary or open=true is required", {
          fieldErrors: [
            {
              path: "subjectId",
              code: "required",
              message: {
                ar: "حدد الطلب أو الشكوى أو المستفيد.",
                en: "Name a request, complaint or beneficiary.",
              },
            },
          ],
        });
      return db.tenant(actor.associationId, async (tx) => {
        const rows = await repo.list(tx, filter);
        const reach = new Map<string, NotificationChannel[]>();
        return Promise.all(
          rows.map(async (row) => {
            const key = row.notice.beneficiaryId ?? row.notice.recipient;
            if (!reach.has(key)) reach.set(key, channelsFor(await reachableOf(tx, row.notice)));
            return {
              ...row,
              switchTo: reach.get(key)!.filter((c) => c !== row.notice.channel),
              canRetry: retryable(row.notice),
            };
          }),
        );
      });
    },

    /** A failed notice tried again, when a machine can now carry it (a gateway configured since). */
    async retry(actor: Actor, id: string) {
      authorize(actor, notificationsPolicy, "act");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        if (row.status !== "failed")
          throw refusal(
            "notice_not_failed",
            "لا يُعاد إلا الإشعار الذي تعذّر إرساله.",
            "Only a failed notice is retried.",
          );
        if (!retryable(row))
          throw refusal(
            "notice_cannot_retry",
            "لا يمكن إعادة الإرسال بهذه الوسيلة؛ اختر وسيلة أخرى.",
            "This channel cannot carry it; choose another channel.",
          );
        await repo.update(tx, row.id, { status: "queued", failureReason: null, attempts: 0 });
        await enqueueSend(tx, row, clock.now().getTime());
        await audit.record(tx, actor, {
          type: "notification.retried",
          payload: { channel: row.channel, notificationId: row.id },
          subject: subjectOf(row),
        });
        return row.id;
      });
    },

    /** The same text on another channel the person can be reached on; the first notice is superseded. */
    async switchChannel(actor: Actor, id: string, channel: NotificationChannel) {
      authorize(actor, notificationsPolicy, "act");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        if (!["failed", "manual", "queued"].includes(row.status))
          throw refusal(
            "notice_closed",
            "وصل هذا الإشعار أو حلّ محله غيره؛ لا يُحوَّل.",
            "This notice is already out of our hands or replaced.",
          );
        const reachable = await reachableOf(tx, row);
        if (channel === row.channel || !channelsFor(reachable).includes(channel))
          throw new AppError("validation_failed", `cannot switch to ${channel}`, {
            fieldErrors: [
              {
                path: "channel",
                code: "channel_unavailable",
                message: {
                  ar: "لا يمكن الوصول إلى المستفيد بهذه الوسيلة.",
                  en: "The person cannot be reached on this channel.",
                },
              },
            ],
          });
        await repo.update(tx, row.id, { status: "superseded" });
        const created = await place(tx, actor, {
          beneficiaryId: row.beneficiaryId,
          channel,
          recipient: recipientFor(reachable, channel),
          eventKey: `${row.eventKey}:via:${row.id}`,
          subject: row.subject ?? "",
          body: row.body,
          about: { subjectType: row.subjectType, subjectId: row.subjectId, purpose: row.purpose },
        });
        if (!created) throw notFound();
        await audit.record(tx, actor, {
          type: "notification.switched",
          payload: { from: row.channel, to: channel, notificationId: row.id, newNotificationId: created.id },
          subject: subjectOf(row),
        });
        return created.id;
      });
    },

    /** A phone call made or a letter sent: who and when are kept with it. */
    async markDone(actor: Actor, id: string) {
      authorize(actor, notificationsPolicy, "act");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await locked(tx, id);
        if (row.status !== "manual")
          throw refusal(
            "notice_not_manual",
            "ليس هذا الإشعار مهمة يدوية مفتوحة.",
            "This notice is not an open task for staff.",
          );
        await repo.update(tx, row.id, { status: "done", handledAt: clock.now(), handledBy: actor.userId });
        await audit.record(tx, actor, {
          type: "notification.done_by_hand",
          payload: { channel: row.channel, notificationId: row.id },
          subject: subjectOf(row),
        });
        return row.id;
      });
    },

    async listOne(actor: Actor, id: string) {
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.listOne(tx, id);
        if (!row) throw notFound();
        return {
          ...row,
          switchTo: channelsFor(await reachableOf(tx, row.notice)).filter((c) => c !== row.notice.channel),
          canRetry: retryable(row.notice),
        };
      });
    },

    /**
     * The gateway tells what became of a message (delivered, or failed on its side). It knows no
     * tenant and holds no session: it proves itself with the shared secret.
     */
    async deliveryReport(
      secret: string | undefined,
      report: {
        idempotencyKey?: string | undefined;
        id?: string | undefined;
        status: "delivered" | "failed";
        reason?: string | undefined;
      },
    ): Promise<boolean> {
      const expected = deps.deliveryReportSecret;
      const given = Buffer.from(secret ?? "");
      if (
        !expected ||
        given.length !== Buffer.byteLength(expected) ||
        !timingSafeEqual(given, Buffer.from(expected))
      )
        throw new AppError("unauthenticated", "delivery report without the shared secret");
      const found = await db.system((tx) =>
        repo.findForReport(tx, { key: report.idempotencyKey, providerId: report.id }),
      );
      if (!found || !["sent", "queued", "delivered"].includes(found.status)) return false;
      await db.tenant(found.associationId, async (tx) => {
        const now = clock.now();
        if (report.status === "delivered")
          await repo.update(tx, found.id, {
            status: "delivered",
            deliveredAt: now,
            sentAt: found.sentAt ?? now,
          });
        else
          await repo.update(tx, found.id, {
            status: "failed",
            failureReason: "gateway_reported",
            lastError: report.reason?.slice(0, 500) ?? null,
          });
        const payload = { channel: found.channel, notificationId: found.id };
        if (report.status === "delivered")
          await audit.record(tx, systemOf(found.associationId), {
            type: "notification.delivered",
            payload,
            subject: subjectOf(found),
          });
        else
          await audit.record(tx, systemOf(found.associationId), {
            type: "notification.failed",
            payload: { ...payload, reason: "gateway_reported" },
            subject: subjectOf(found),
          });
      });
      return true;
    },
  };
}
