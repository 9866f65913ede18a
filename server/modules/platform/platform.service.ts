import type { OpenAssociationRequest } from "../../../shared/contracts/platform.js";
import type { CreateUserRequest } from "../../../shared/contracts/users.js";
import { riyadhDate, riyadhDayNumber, riyadhStartOfDay } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AssociationRow, AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { UserRow, UsersService } from "../users/index.js";
import { platformPolicy } from "./platform.policy.js";
import type { PlatformRepository, UsageRow } from "./platform.repository.js";

export type PlatformService = ReturnType<typeof createPlatformService>;
export type AssociationWithUsage = { association: AssociationRow; usage: Omit<UsageRow, "associationId"> };

/** The platform's own association: created with the first operator, never listed, never suspended. */
const platformAssociation = { slug: "platform", nameAr: "منصة صلة", nameEn: "Silah platform" } as const;

const noUsage = { staff: 0, beneficiaries: 0, requestsThisMonth: 0, storageBytes: 0, lastActivityAt: null };

/**
 * The platform operator's work (ADR 0024): opening associations with their first administrator,
 * suspending and reactivating them, and their usage. Each act is recorded in the platform's own
 * audit log and in the association's.
 */
export function createPlatformService(deps: {
  db: Database;
  repo: PlatformRepository;
  associations: AssociationsService;
  users: UsersService;
  sessions: { endSessionsOfAssociation(tx: Tx, associationId: string): Promise<number> };
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, associations, users, sessions, audit, clock } = deps;

  /** The role is not enough: an operator is an account of the platform's own association. */
  async function assertOperator(actor: Actor, action: keyof typeof platformPolicy): Promise<void> {
    authorize(actor, platformPolicy, action);
    const own = await associations.current(actor);
    if (own.kind !== "platform") throw new AppError("forbidden", "platform_operator outside the platform");
  }

  function monthStart(): Date {
    const today = riyadhDate(clock.now());
    return riyadhStartOfDay(riyadhDayNumber(clock.now()) - (today.day - 1));
  }

  async function withUsage(tx: Tx, rows: AssociationRow[]): Promise<AssociationWithUsage[]> {
    const usage = new Map((await repo.usage(tx, monthStart())).map((u) => [u.associationId, u]));
    return rows.map((association) => {
      const { associationId: _, ...counts } = usage.get(association.id) ?? { associationId: "", ...noUsage };
      return { association, usage: counts };
    });
  }

  async function served(tx: Tx, id: string): Promise<AssociationRow> {
    const row = await associations.findById(tx, id);
    if (row?.kind !== "association") throw new AppError("not_found", "association not found");
    return row;
  }

  async function recordBoth(
    tx: Tx,
    actor: Actor,
    association: AssociationRow,
    event:
      | { type: "association.opened_by_operator"; payload: { slug: string } }
      | { type: "association.suspended"; payload: { slug: string; sessionsEnded: number } }
      | { type: "association.reactivated"; payload: { slug: string } },
  ) {
    const subject = { type: "association", id: association.id };
    await audit.record(tx, actor, { ...event, subject });
    await audit.record(
      tx,
      { system: true, associationId: association.id, requestId: actor.requestId },
      {
        ...event,
        subject,
      },
    );
  }

  return {
    /** For the command line and the demo: the platform association appears with its first operator. */
    async createOperatorBySystem(
      person: Omit<CreateUserRequest, "roles">,
      options: { acceptWeakPassword?: boolean } = {},
    ): Promise<UserRow> {
      const platform =
        (await db.system((tx) => associations.findPlatform(tx))) ??
        (await db.system((tx) => associations.insert(tx, { ...platformAssociation, kind: "platform" })));
      return users.createBySystem(platform.id, { ...person, roles: ["platform_operator"] }, options);
    },

    /** Whether the platform association exists (an operator was created). */
    async exists(): Promise<boolean> {
      return Boolean(await db.system((tx) => associations.findPlatform(tx)));
    },

    async list(actor: Actor): Promise<AssociationWithUsage[]> {
      await assertOperator(actor, "list");
      return db.system(async (tx) => withUsage(tx, await associations.listServed(tx)));
    },

    /** One transaction: the association, its first administrator and the audit events, or nothing. */
    async open(
      actor: Actor,
      input: OpenAssociationRequest,
    ): Promise<AssociationWithUsage & { administrator: UserRow; temporaryPassword: string }> {
      await assertOperator(actor, "open");
      return db.system(async (tx) => {
        const { administrator: person, ...fields } = input;
        const association = await associations.insert(tx, fields);
        const { user, temporaryPassword } = await users.insertFirstAdministrator(tx, association.id, person);
        await recordBoth(tx, actor, association, {
          type: "association.opened_by_operator",
          payload: { slug: association.slug },
        });
        const [listed] = await withUsage(tx, [association]);
        return { ...listed!, administrator: user, temporaryPassword };
      });
    },

    /** Its staff are signed out at once and refused at sign-in; its public pages say it is unavailable. */
    async suspend(actor: Actor, associationId: string): Promise<AssociationWithUsage> {
      await assertOperator(actor, "suspend");
      return db.system(async (tx) => {
        const current = await served(tx, associationId);
        if (current.suspendedAt) throw new AppError("conflict", "association already suspended");
        const association = (await associations.setSuspended(tx, associationId, clock.now()))!;
        const sessionsEnded = await sessions.endSessionsOfAssociation(tx, associationId);
        await recordBoth(tx, actor, association, {
          type: "association.suspended",
          payload: { slug: association.slug, sessionsEnded },
        });
        return (await withUsage(tx, [association]))[0]!;
      });
    },

    async reactivate(actor: Actor, associationId: string): Promise<AssociationWithUsage> {
      await assertOperator(actor, "suspend");
      return db.system(async (tx) => {
        const current = await served(tx, associationId);
        if (!current.suspendedAt) throw new AppError("conflict", "association is not suspended");
        const association = (await associations.setSuspended(tx, associationId, null))!;
        await recordBoth(tx, actor, association, {
          type: "association.reactivated",
          payload: { slug: association.slug },
        });
        return (await withUsage(tx, [association]))[0]!;
      });
    },
  };
}
