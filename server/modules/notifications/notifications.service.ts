import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { NotificationRow, NotificationsRepository } from "./notifications.repository.js";
import type { Transport } from "./transports.js";

export type Transports = Partial<Record<"email" | "sms" | "whatsapp", Transport>>;
export type NotificationsService = ReturnType<typeof createNotificationsService>;

export const sendJob = "notifications.send";

/**
 * Tells a beneficiary something on the channel they agreed to (SPEC C2). The message is written to
 * the outbox in the caller's transaction, with its job: if the change rolls back, nothing is sent;
 * once it commits, the message is delivered even if this process dies, and each event notifies a
 * channel once. Channels no machine can reach (a phone call, a letter) become tasks for staff.
 */
export function createNotificationsService(deps: {
  db: Database;
  repo: NotificationsRepository;
  beneficiaries: BeneficiariesService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  transports: Transports;
}) {
  const { db, repo, beneficiaries, audit, clock, queue, transports } = deps;

  async function notifyBeneficiary(
    tx: Tx,
    source: AuditSource,
    message: { beneficiaryId: string; eventKey: string; subject: string; body: string },
  ): Promise<NotificationRow | undefined> {
    const person = await beneficiaries.lookup(tx, message.beneficiaryId);
    if (!person) return undefined;
    const channel =
      person.preferredChannel ?? (person.email ? "email" : person.phones.length ? "sms" : "phone");
    const recipient =
      channel === "email"
        ? person.email
        : channel === "sms" || channel === "whatsapp"
          ? person.phones[0]
          : person.phones[0];
    const electronic = channel === "email" || channel === "sms" || channel === "whatsapp";
    const status = !recipient ? "undeliverable" : electronic ? "pending" : "manual";
    const row = await repo.insertOnce(tx, {
      associationId: source.associationId,
      beneficiaryId: person.id,
      channel,
      recipient: recipient ?? "",
      subject: message.subject,
      body: message.body,
      eventKey: message.eventKey,
      status,
      lastError: recipient ? null : "no contact for the agreed channel",
      createdAt: clock.now(),
    });
    if (!row) return undefined;
    if (status === "pending") {
      await queue.enqueue(
        sendJob,
        { notificationId: row.id },
        { associationId: source.associationId, dedupeKey: `notification:${row.id}`, maxAttempts: 8 },
        tx,
      );
    }
    await audit.record(tx, source, {
      type: "notification.queued",
      payload: { channel, status, eventKey: message.eventKey },
      subject: { type: "beneficiary", id: person.id },
    });
    return row;
  }

  const send: JobHandler = async (job) => {
    const { notificationId } = job.payload as { notificationId: string };
    const associationId = job.associationId!;
    const row = await db.tenant(associationId, (tx) => repo.findById(tx, notificationId));
    if (!row || row.status === "sent") return;
    const transport = transports[row.channel as keyof Transports];
    if (!transport) {
      await db.tenant(associationId, (tx) =>
        repo.update(tx, row.id, {
          status: "undeliverable",
          lastError: `no ${row.channel} transport configured`,
        }),
      );
      return;
    }
    await db.tenant(associationId, (tx) =>
      repo.update(tx, row.id, { status: "sending", attempts: row.attempts + 1 }),
    );
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
        });
        await audit.record(
          tx,
          { system: true, associationId },
          {
            type: "notification.sent",
            payload: { channel: row.channel },
            subject: { type: "beneficiary", id: row.beneficiaryId ?? row.id },
          },
        );
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.tenant(associationId, (tx) =>
        repo.update(tx, row.id, { status: "failed", lastError: reason.slice(0, 500) }),
      );
      throw error; // the queue retries with back-off
    }
  };

  /** Someone who is not (or not yet) a registered beneficiary, e.g. a public complainant. */
  async function notifyContact(
    tx: Tx,
    source: AuditSource,
    message: { channel: "sms" | "email"; recipient: string; eventKey: string; subject: string; body: string },
  ): Promise<NotificationRow | undefined> {
    const row = await repo.insertOnce(tx, {
      associationId: source.associationId,
      beneficiaryId: null,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      eventKey: message.eventKey,
      status: "pending",
      createdAt: clock.now(),
    });
    if (!row) return undefined;
    await queue.enqueue(
      sendJob,
      { notificationId: row.id },
      { associationId: source.associationId, dedupeKey: `notification:${row.id}`, maxAttempts: 8 },
      tx,
    );
    return row;
  }

  return {
    notifyBeneficiary,
    notifyContact,
    jobs: { [sendJob]: send } as Record<string, JobHandler>,
    async forBeneficiary(tx: Tx, beneficiaryId: string) {
      return repo.forBeneficiary(tx, beneficiaryId);
    },
    /** Messages no machine can carry (a phone call, a letter): tasks on the officers' work list. */
    async manualTasks(tx: Tx, limit = 100) {
      return repo.byStatus(tx, "manual", limit);
    },
  };
}
