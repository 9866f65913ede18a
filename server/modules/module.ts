import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Tx } from "../db/client.js";
import type { Actor } from "../http/actor.js";
import type { JobHandler } from "../jobs/queue.js";

/**
 * The changes one module announces for others to follow, with what each carries. A module that
 * owns rows affected by such a change declares a reaction; the announcing service runs every
 * reaction in its own transaction (CONVENTIONS §16, ADR 0015).
 */
export type ModuleEvents = {
  /** `mergedId` was folded into `keptId`: rows about the person now belong to the kept file. */
  "beneficiary.merged": { associationId: string; keptId: string; mergedId: string; actor: Actor };
  /**
   * How the person is reached changed (phones, e-mail, the agreed channel): they are told on the
   * channel now agreed, with what changed (SPEC I3, G1; ADR 0020).
   */
  "beneficiary.contact_changed": {
    associationId: string;
    beneficiaryId: string;
    actor: Actor;
    changes: readonly Change[];
  };
  /**
   * A service's name, eligibility or requirements changed: the people with an open request for it
   * are told (SPEC I3), with what changed.
   */
  "service.changed": { associationId: string; serviceId: string; actor: Actor; changes: readonly Change[] };
  /** A delivery was recorded against a support request: the person may be asked how it went (S1). */
  "request.delivered": ServiceGiven;
  /** A support request reached its closed state. */
  "request.closed": ServiceGiven;
  /** A complaint was closed with its outcome. */
  "complaint.closed": ServiceGiven;
};
/**
 * A service given to a person: the request or complaint (`subjectId`), the person when the record
 * names one, and the employee who served them (whose rating, if asked, is counted per month only).
 */
export type ServiceGiven = {
  associationId: string;
  subjectId: string;
  beneficiaryId: string | null;
  staffId: string | null;
  actor: Actor;
};
/** One changed item, in words a beneficiary reads: what it is, and its value before and after. */
export type Change = { field: string; label: string; before: string | null; after: string | null };
export type ModuleEventName = keyof ModuleEvents;

/** Rows a reaction changed, by table: the announcer puts them in its audit event. */
export type ReactionReport = Record<string, number>;

export type Reaction<E extends ModuleEventName> = {
  /**
   * The tables whose rows this reaction keeps right: a test checks that every table referring to
   * a beneficiary is named by some module's `beneficiary.merged` reaction.
   */
  tables: readonly string[];
  run(tx: Tx, event: ModuleEvents[E]): Promise<ReactionReport>;
};
export type Reactions = { [E in ModuleEventName]?: Reaction<E> };

/**
 * How the audit page names a subject this module owns (`complaint` → its reference): a label by id,
 * read in the reader's tenant transaction. The audit log stores only the type and id.
 */
export type AuditSubjectLabels = Record<
  string,
  (tx: Tx, ids: readonly string[]) => Promise<Map<string, string>>
>;

/** What every domain module hands to the app: its routes, and optionally hooks on the whole server. */
export type SilahModule = {
  name: string;
  routes: FastifyPluginAsyncZod;
  hooks?: (app: FastifyInstance) => void;
  /** Background work this module does, by job kind; registered on the shared queue. */
  jobs?: Record<string, JobHandler>;
  /** How this module follows other modules' changes, inside the announcer's transaction. */
  reactions?: Reactions;
  /** The words the audit page shows for the subjects this module records events about. */
  auditSubjects?: AuditSubjectLabels;
};

export type Announcer = ReturnType<typeof createAnnouncer>;

/**
 * Collects the modules' reactions and runs them for an announcing service. Modules are created
 * before their reactions are known (the announcer is created first and handed to them), so
 * `createModules` registers every module's reactions once all exist.
 */
export function createAnnouncer() {
  const registered: { module: string; event: ModuleEventName; reaction: Reaction<ModuleEventName> }[] = [];
  return {
    register(module: string, reactions: Reactions | undefined) {
      for (const [event, reaction] of Object.entries(reactions ?? {}) as [
        ModuleEventName,
        Reaction<ModuleEventName>,
      ][]) {
        if (registered.some((r) => r.module === module && r.event === event)) {
          throw new Error(`${module} reacts to ${event} twice`);
        }
        registered.push({ module, event, reaction });
      }
    },

    /**
     * Runs every reaction to `event` with the caller's transaction, one after another (they share
     * one connection). A reaction that throws aborts the caller's transaction: nothing moves.
     * Returns the rows each table saw changed.
     */
    async announce<E extends ModuleEventName>(tx: Tx, event: E, payload: ModuleEvents[E]) {
      const report: ReactionReport = {};
      for (const r of registered) {
        if (r.event !== event) continue;
        const changed = await (r.reaction as Reaction<E>).run(tx, payload);
        for (const [table, count] of Object.entries(changed)) report[table] = (report[table] ?? 0) + count;
      }
      return report;
    },
  };
}
