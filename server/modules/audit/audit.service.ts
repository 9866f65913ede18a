import {
  type AuditEventType,
  type AuditListQuery,
  type AuditPayload,
  auditEventPayloads,
} from "../../../shared/contracts/audit.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { authorize } from "../../http/policy.js";
import { auditPolicy } from "./audit.policy.js";
import type { AuditEventRow, AuditRepository } from "./audit.repository.js";

/** Who an event is attributed to: a signed-in actor, or the system acting for an association. */
export type AuditSource =
  | Pick<Actor, "userId" | "associationId" | "requestId">
  | { system: true; associationId: string; requestId?: string | null };

export type AuditEventInput<T extends AuditEventType> = {
  type: T;
  payload: AuditPayload<T>;
  subject?: { type: string; id: string };
};

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(deps: { db: Database; repo: AuditRepository; clock: Clock }) {
  const { db, repo, clock } = deps;
  async function record<T extends AuditEventType>(
    tx: Tx,
    source: AuditSource,
    event: AuditEventInput<T>,
  ): Promise<void> {
    const payload = auditEventPayloads[event.type].parse(event.payload);
    await repo.insert(tx, {
      associationId: source.associationId,
      type: event.type,
      occurredAt: clock.now(),
      actorUserId: "userId" in source ? source.userId : null,
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      payload,
      requestId: source.requestId ?? null,
    });
  }
  return {
    /**
     * An event that changes nothing else (a list saved as a file, after its rows were read): its own
     * transaction in the actor's association.
     */
    async recordAlone<T extends AuditEventType>(actor: Actor, event: AuditEventInput<T>): Promise<void> {
      await db.tenant(actor.associationId, (tx) => record(tx, actor, event));
    },

    /**
     * Writes one event inside the caller's transaction (CONVENTIONS §3): if the change rolls back,
     * so does its event. The payload is checked against the catalogue so nothing unplanned is stored.
     */
    record,

    /** A subject's history inside the caller's transaction, for timelines; not an audit-page read. */
    async forSubject(tx: Tx, subject: { type: string; id: string }): Promise<AuditEventRow[]> {
      return repo.forSubject(tx, subject.type, subject.id);
    },

    async list(
      actor: Actor,
      query: AuditListQuery,
    ): Promise<{ items: AuditEventRow[]; nextBefore: string | null }> {
      authorize(actor, auditPolicy, "read");
      const rows = await db.tenant(actor.associationId, (tx) =>
        repo.list(tx, {
          associationId: actor.associationId,
          ...(query.type ? { type: query.type } : {}),
          ...(query.before ? { beforeId: BigInt(query.before) } : {}),
          limit: query.limit + 1,
        }),
      );
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextBefore: rows.length > query.limit && last ? String(last.id) : null };
    },
  };
}
