import { randomBytes, randomUUID } from "node:crypto";
import type { PortalCodeAnswer } from "../../../shared/contracts/portal.js";
import { icuText } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import type { AssociationRow, AssociationsService } from "../associations/index.js";
import type { AuditSource } from "../audit/audit.service.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { RequestsService } from "../requests/index.js";
import type { PortalGate, PortalLimits } from "./portal.limits.js";
import { type PortalScope, portalPolicy, scopeOf } from "./portal.policy.js";
import type { PortalRepository, PortalSessionRow } from "./portal.repository.js";
import type { PortalSecrets } from "./portal.secrets.js";

export const codeMinutes = 10;
export const sendCodeJob = "portal.send_code";
export const codeTries = 5;
/** A portal session lasts a working morning at most, and ends after half an hour without use. */
export const sessionHours = 8;
export const idleMinutes = 30;

/** Who is acting in the portal, as the hook resolves it from the portal cookie. */
export type PortalActor = {
  sessionId: string;
  associationId: string;
  beneficiaryId: string;
  csrfToken: string;
  expiresAt: Date;
  requestId: string;
};

export type ResolvedPortalSession =
  | { status: "open"; session: PortalSessionRow }
  | { status: "expired" }
  | { status: "none" };

type Failure = "wrong_code" | "expired" | "too_many_tries" | "used" | "no_code";

/** The one answer to every code request (ADR 0029): the same words, status and shape for any ID. */
export const codeAnswer: PortalCodeAnswer = {
  message: {
    ar: "إن كان هذا الرقم مسجلًا لدى الجمعية فقد أرسلنا رمز الدخول إلى وسيلة التواصل المسجلة في ملفه. الرمز صالح لمدة ١٠ دقائق ولمرة واحدة.",
    en: "If this number is registered with the association, a sign-in code was sent to the contact on its file. The code works once, for 10 minutes.",
  },
  expiresInMinutes: codeMinutes,
};

const failureMessages = (reason: Failure, left: number): { ar: string; en: string } => {
  switch (reason) {
    case "wrong_code":
      return left > 0
        ? icuText(
            {
              ar: "الرمز غير صحيح. {left, plural, zero {لم تبقَ محاولات} one {بقيت محاولة واحدة} two {بقيت محاولتان} few {بقيت # محاولات} many {بقيت # محاولة} other {بقيت # محاولة}}.",
              en: "The code is not correct. {left, plural, one {# try} other {# tries}} left.",
            },
            { left },
          )
        : {
            ar: "الرمز غير صحيح، واستُنفدت المحاولات. اطلب رمزًا جديدًا.",
            en: "The code is not correct and no tries are left. Ask for a new code.",
          };
    case "expired":
      return { ar: "انتهت صلاحية الرمز. اطلب رمزًا جديدًا.", en: "The code has expired. Ask for a new one." };
    case "too_many_tries":
      return {
        ar: "استُنفدت محاولات هذا الرمز. اطلب رمزًا جديدًا.",
        en: "No tries are left for this code. Ask for a new one.",
      };
    case "used":
    case "no_code":
      return {
        ar: "لا يوجد رمز صالح لهذا الرقم. اطلب رمزًا جديدًا.",
        en: "There is no valid code for this number. Ask for a new one.",
      };
  }
};

function refuseWhenLimited(gate: PortalGate): void {
  if (!gate.allowed) {
    throw new AppError("too_many_attempts", "portal limit", { retryAfterSeconds: gate.retryAfterSeconds });
  }
}

export type PortalService = ReturnType<typeof createPortalService>;

/**
 * The beneficiary portal's sign-in and reading (ADR 0029). Codes and sessions are this module's;
 * the person, their household, requests and notices are read through their modules' services.
 */
export function createPortalService(deps: {
  db: Database;
  repo: PortalRepository;
  associations: AssociationsService;
  beneficiaries: BeneficiariesService;
  requests: RequestsService;
  notifications: NotificationsService;
  audit: AuditService;
  clock: Clock;
  queue: JobQueue;
  limits: PortalLimits;
  secrets: PortalSecrets;
}) {
  const {
    db,
    repo,
    associations,
    beneficiaries,
    requests,
    notifications,
    audit,
    clock,
    queue,
    limits,
    secrets,
  } = deps;

  /** The association of the address: unknown is 404, suspended is refused as on its complaint page. */
  async function associationOf(slug: string): Promise<AssociationRow> {
    const association = await associations.findBySlug(slug);
    if (!association || association.kind === "platform") throw new AppError("not_found", "association");
    if (association.suspendedAt) throw new AppError("association_suspended", "association suspended");
    return association;
  }

  const systemSource = (associationId: string, requestId: string): AuditSource => ({
    system: true,
    associationId,
    requestId,
  });

  /** The files this person acts for, read in the caller's tenant transaction. */
  async function scopeIn(tx: Tx, actor: PortalActor): Promise<PortalScope> {
    const person = await beneficiaries.lookup(tx, actor.beneficiaryId);
    // The file was merged away since the session opened (the reaction ends it; this is the backstop).
    if (!person) throw new AppError("session_expired", "portal file no longer live");
    return scopeOf(person, await beneficiaries.householdOf(tx, person.id));
  }

  /** Sends a code in the background: to the file's e-mail, else its mobile; a decoy or a spent code sends nothing. */
  const sendCode: JobHandler = async (job) => {
    const { codeId, sealed } = job.payload as { codeId: string; sealed: string };
    const associationId = job.associationId!;
    const association = await associations.current({ associationId });
    await db.tenant(associationId, async (tx) => {
      const row = await repo.findCode(tx, codeId);
      if (!row?.beneficiaryId || row.usedAt || row.voidedAt || row.expiresAt <= clock.now()) return;
      const code = secrets.openCode(codeId, sealed);
      const sent = await notifications.sendSecret(
        tx,
        { system: true, associationId },
        {
          beneficiaryId: row.beneficiaryId,
          eventKey: `portal_code:${codeId}:sign_in_code`,
          subject: "رمز الدخول إلى بوابة المستفيد",
          body: `رمز دخولك إلى بوابة المستفيد في ${association.nameAr} هو ${code}. صالح لمدة ١٠ دقائق ولمرة واحدة. لا تشاركه مع أحد؛ موظفو الجمعية لا يطلبونه منك.`,
        },
      );
      if (sent) await repo.updateCode(tx, codeId, { channel: sent.channel });
    });
  };

  return {
    jobs: { [sendCodeJob]: sendCode } as Record<string, JobHandler>,

    /**
     * Asks for a code (ADR 0029). Whatever the ID, the same work is done — the ID hashed, the file
     * looked up, a code drawn and hashed, a row written (a decoy when no file has the ID), a job
     * queued, an audit event — and the same answer returned. The job sends the code to a file with
     * an e-mail or a mobile on it.
     */
    async requestCode(input: {
      slug: string;
      nationalId: string;
      source: string;
      requestId: string;
    }): Promise<PortalCodeAnswer> {
      const association = await associationOf(input.slug);
      const idKey = secrets.idKey(association.id, input.nationalId);
      refuseWhenLimited(await limits.beginCode(idKey, input.source));
      const now = clock.now();
      const code = secrets.newCode();
      const codeId = randomUUID();
      await db.tenant(association.id, async (tx) => {
        const person = await beneficiaries.byNationalId(tx, input.nationalId);
        await repo.pruneCodes(tx, idKey, new Date(now.getTime() - 24 * 3_600_000));
        await repo.voidOpenCodes(tx, idKey, now);
        await repo.insertCode(tx, {
          id: codeId,
          associationId: association.id,
          beneficiaryId: person?.id ?? null,
          idKey,
          codeHash: secrets.hashCode(codeId, code),
          createdAt: now,
          expiresAt: new Date(now.getTime() + codeMinutes * 60_000),
        });
        // Sent by a job, for a decoy too (which sends nothing): the answer waits for no mail work.
        await queue.enqueue(
          sendCodeJob,
          { codeId, sealed: secrets.sealCode(codeId, code) },
          { associationId: association.id, dedupeKey: `portal-code:${codeId}`, maxAttempts: 3 },
          tx,
        );
        await audit.record(tx, systemSource(association.id, input.requestId), {
          type: "portal.code_requested",
          payload: {
            outcome: !person
              ? "not_registered"
              : person.email || person.phones.length
                ? "queued"
                : "no_contact",
          },
          subject: person ? { type: "beneficiary", id: person.id } : { type: "portal_code", id: codeId },
        });
      });
      return codeAnswer;
    },

    /**
     * Checks a code and opens a session. A wrong try is counted on the code (five void it) and on
     * the limits, and committed before the refusal; a code works once, for ten minutes; only the
     * latest code of an ID works. Decoys and codes sent nowhere never open anything.
     */
    async verify(input: {
      slug: string;
      nationalId: string;
      code: string;
      source: string;
      requestId: string;
    }): Promise<{ token: string; session: PortalSessionRow }> {
      const association = await associationOf(input.slug);
      const idKey = secrets.idKey(association.id, input.nationalId);
      refuseWhenLimited(await limits.beginTry(idKey, input.source));
      const now = clock.now();
      const source = systemSource(association.id, input.requestId);
      const outcome = await db.tenant(association.id, async (tx) => {
        const row = await repo.latestCode(tx, idKey);
        // The comparison runs whether or not there is a row, so a missing one costs the same.
        const matches = secrets.sameHash(
          secrets.hashCode(row?.id ?? codeIdForNothing, input.code),
          row?.codeHash ?? hashForNothing,
        );
        const fail = async (reason: Failure, attempts?: number) => {
          if (row && attempts !== undefined) {
            await repo.updateCode(tx, row.id, {
              attempts,
              ...(attempts >= codeTries ? { voidedAt: now } : {}),
            });
          }
          await audit.record(tx, source, {
            type: "portal.sign_in_failed",
            payload: {
              reason: reason === "wrong_code" && (attempts ?? 0) >= codeTries ? "too_many_tries" : reason,
            },
            ...(row
              ? {
                  subject: row.beneficiaryId
                    ? { type: "beneficiary", id: row.beneficiaryId }
                    : { type: "portal_code", id: row.id },
                }
              : {}),
          });
          return { ok: false as const, reason, left: Math.max(0, codeTries - (attempts ?? codeTries)) };
        };
        if (!row) return fail("no_code");
        if (row.usedAt) return fail("used");
        if (row.voidedAt) return fail(row.attempts >= codeTries ? "too_many_tries" : "no_code");
        if (row.expiresAt.getTime() <= now.getTime()) return fail("expired");
        if (!matches || !row.beneficiaryId || !row.channel) return fail("wrong_code", row.attempts + 1);
        const person = await beneficiaries.lookup(tx, row.beneficiaryId);
        if (!person) return fail("no_code");
        await repo.updateCode(tx, row.id, { usedAt: now, attempts: row.attempts + 1 });
        const token = randomBytes(32).toString("base64url");
        const session = await repo.insertSession(tx, {
          associationId: association.id,
          beneficiaryId: person.id,
          tokenHash: secrets.hashToken(token),
          csrfToken: randomBytes(24).toString("base64url"),
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + sessionHours * 3_600_000),
        });
        await audit.record(tx, source, {
          type: "portal.signed_in",
          payload: { sessionId: session.id },
          subject: { type: "beneficiary", id: person.id },
        });
        return { ok: true as const, token, session };
      });
      if (!outcome.ok) {
        throw new AppError("validation_failed", `portal code ${outcome.reason}`, {
          fieldErrors: [
            {
              path: "code",
              code: `code_${outcome.reason}`,
              message: failureMessages(outcome.reason, outcome.left),
            },
          ],
        });
      }
      await limits.trySucceeded(idKey, input.source);
      return { token: outcome.token, session: outcome.session };
    },

    /** The portal cookie's session: absolute and idle expiry, a suspended association, a merged file end it. */
    async resolve(token: string): Promise<ResolvedPortalSession> {
      const now = clock.now();
      return db.system(async (tx) => {
        const found = await repo.findOpenSession(tx, secrets.hashToken(token));
        if (!found) return { status: "none" };
        const { session } = found;
        const idle = session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now.getTime();
        if (found.suspendedAt || found.mergedIntoId || session.expiresAt <= now || idle) {
          await repo.endSession(tx, session.id, now);
          return { status: "expired" };
        }
        if (now.getTime() - session.lastSeenAt.getTime() > 60_000)
          await repo.touchSession(tx, session.id, now);
        return { status: "open", session };
      });
    },

    async signOut(actor: PortalActor): Promise<void> {
      await db.tenant(actor.associationId, async (tx) => {
        await repo.endSession(tx, actor.sessionId, clock.now());
        await audit.record(tx, systemSource(actor.associationId, actor.requestId), {
          type: "portal.signed_out",
          payload: { sessionId: actor.sessionId },
          subject: { type: "beneficiary", id: actor.beneficiaryId },
        });
      });
    },

    /** The person, the association, and the household the association recorded on their file. */
    async me(actor: PortalActor) {
      const association = await associations.current({ associationId: actor.associationId });
      return db.tenant(actor.associationId, async (tx) => {
        const person = await beneficiaries.lookup(tx, actor.beneficiaryId);
        if (!person) throw new AppError("session_expired", "portal file no longer live");
        const household = await beneficiaries.householdOf(tx, person.id);
        return { association, person, household };
      });
    },

    /** Their requests and those of the household members they act for, newest first. */
    async requests(actor: PortalActor) {
      return db.tenant(actor.associationId, async (tx) => {
        const scope = await scopeIn(tx, actor);
        return { scope, items: await requests.ofBeneficiaries(tx, portalPolicy.readableFiles(scope)) };
      });
    },

    /** One request of theirs; anyone else's is not found, exactly like one that does not exist. */
    async request(actor: PortalActor, id: string) {
      return db.tenant(actor.associationId, async (tx) => {
        const scope = await scopeIn(tx, actor);
        const detail = await requests.detailOf(tx, id, portalPolicy.readableFiles(scope));
        if (!portalPolicy.mayRead(scope, detail.row.beneficiaryId)) {
          throw new AppError("not_found", "support request not found");
        }
        return { scope, detail };
      });
    },

    /** The notices they were sent (never a sign-in code). */
    async notices(actor: PortalActor) {
      return db.tenant(actor.associationId, (tx) => notifications.sentTo(tx, actor.beneficiaryId));
    },

    /** For the merge reaction: the merged-away file's sessions end and its rows follow the kept file. */
    moveBeneficiary(tx: Tx, fromId: string, toId: string) {
      return repo.moveBeneficiary(tx, fromId, toId, clock.now());
    },
  };
}

// What a missing row is compared against: the same hashing, a result that never matches.
const codeIdForNothing = "00000000-0000-0000-0000-000000000000";
const hashForNothing = "x".repeat(43);
