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
import type { AuditSubjectLabels } from "../module.js";
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

/**
 * A row of the audit page: the event and the record it is about as a reader knows it — the support
 * request its payload names («طلب REQ-…»), else its subject — when the owning module names it.
 */
export type AuditEventListRow = AuditEventRow & { about: { type: string; label: string } | null };

/** What an event is about, for the page: a request named in the payload is more telling than its file. */
function aboutOf(row: AuditEventRow): { type: string; id: string } | null {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  if (row.type.startsWith("support_request.") && typeof payload.requestId === "string") {
    return { type: "support_request", id: payload.requestId };
  }
  return row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null;
}

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
  const subjectLabels: AuditSubjectLabels = {};

  /** Each subject's label by the module that owns it, in the reader's transaction (one query per type). */
  async function labelled(tx: Tx, rows: AuditEventRow[]): Promise<AuditEventListRow[]> {
    const idsByType = new Map<string, Set<string>>();
    for (const row of rows) {
      const about = aboutOf(row);
      if (!about || !subjectLabels[about.type]) continue;
      const ids = idsByType.get(about.type) ?? new Set<string>();
      ids.add(about.id);
      idsByType.set(about.type, ids);
    }
    const labels = new Map<string, Map<string, string>>();
    for (const [type, ids] of idsByType) {
      labels.set(type, await (subjectLabels[type] as NonNullable<AuditSubjectLabels[string]>)(tx, [...ids]));
    }
    return rows.map((row) => {
      const about = aboutOf(row);
      const label = about ? labels.get(about.type)?.get(about.id) : undefined;
      return { ...row, about: about && label ? { type: about.type, label } : null };
    });
  }

  return {
    /** Modules say how their subjects are named; createModules registers each once all exist. */
    registerSubjects(module: string, labels: AuditSubjectLabels | undefined) {
      for (const [type, label] of Object.entries(labels ?? {})) {
        if (subjectLabels[type]) throw new Error(`${module} names audit subject ${type} twice`);
        subjectLabels[type] = label;
      }
    },

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
    ): Promise<{ items: AuditEventListRow[]; nextBefore: string | null }> {
      authorize(actor, auditPolicy, "read");
      const rows = await db.tenant(actor.associationId, async (tx) =>
        labelled(
          tx,
          await repo.list(tx, {
            associationId: actor.associationId,
            ...(query.type ? { type: query.type } : {}),
            ...(query.before ? { beforeId: BigInt(query.before) } : {}),
            limit: query.limit + 1,
          }),
        ),
      );
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return { items, nextBefore: rows.length > query.limit && last ? String(last.id) : null };
    },
  };
}
