import type { z } from "zod";
import type { confirmPolicyWordingSchema, PolicyWordingMapping } from "../../../shared/contracts/requests.js";
import type { AssociationRole } from "../../../shared/contracts/roles.js";
import { committeeWordings, suggestCommittee, suggestRole } from "../../../shared/domain/policy-wording.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { PolicyService } from "../policy/index.js";
import { requestsPolicy } from "./requests.policy.js";
import type { RequestsRepository } from "./requests.repository.js";
import { fieldError } from "./requests.service.js";

export type PolicyWordingService = ReturnType<typeof createPolicyWordingService>;

/**
 * What the approved policy's words mean here (ADR 0024): its referral wording mapped to a staff
 * role, each body its committees text names to a committee. Suggested from the words (Arabic
 * normalisation), confirmed or corrected by the administrator; requests refer to the confirmed role.
 */
export function createPolicyWordingService(deps: {
  db: Database;
  repo: RequestsRepository;
  policy: Pick<PolicyService, "approvedRules">;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, policy, audit, clock } = deps;

  async function mapping(tx: Tx): Promise<PolicyWordingMapping> {
    const rules = await policy.approvedRules(tx);
    const available = (await repo.committees(tx)).map((c) => ({ id: c.id, nameAr: c.nameAr }));
    if (!rules) {
      return {
        policyVersion: null,
        referral: null,
        committees: [],
        committeesAvailable: available,
        confirmedAt: null,
      };
    }
    const stored = await repo.wordingMappings(tx, rules.versionId);
    const referralRow = stored.find((m) => m.kind === "referral_role" && m.wording === rules.referralRole);
    const referral = rules.referralRole
      ? {
          wording: rules.referralRole,
          suggestedRole: suggestRole(rules.referralRole),
          role: (referralRow?.staffRole as AssociationRole | undefined) ?? null,
          confirmed: Boolean(referralRow),
        }
      : null;
    const committees = committeeWordings(rules.committees).map((wording) => {
      const row = stored.find((m) => m.kind === "committee" && m.wording === wording);
      return {
        wording,
        suggestedCommitteeId: suggestCommittee(wording, available)?.id ?? null,
        committeeId: row?.committeeId ?? null,
        confirmed: Boolean(row),
      };
    });
    const confirmedAt = stored.reduce<Date | null>(
      (latest, m) => (!latest || m.confirmedAt > latest ? m.confirmedAt : latest),
      null,
    );
    return {
      policyVersion: { id: rules.versionId, versionNumber: rules.versionNumber },
      referral,
      committees,
      committeesAvailable: available,
      confirmedAt: confirmedAt?.toISOString() ?? null,
    };
  }

  return {
    async get(actor: Actor): Promise<PolicyWordingMapping> {
      authorize(actor, requestsPolicy, "settings");
      return db.tenant(actor.associationId, mapping);
    },

    /** The administrator's confirmation replaces the version's mappings; audited. */
    async confirm(
      actor: Actor,
      input: z.infer<typeof confirmPolicyWordingSchema>,
    ): Promise<PolicyWordingMapping> {
      authorize(actor, requestsPolicy, "settings");
      return db.tenant(actor.associationId, async (tx) => {
        const current = await mapping(tx);
        if (!current.policyVersion) {
          throw fieldError(
            "policy",
            "no_approved_policy",
            "لا توجد سياسة معتمدة بعد؛ تُربط عباراتها بعد اعتمادها من مجلس الإدارة.",
            "There is no approved policy yet; its wording is mapped once the board approves it.",
          );
        }
        if (current.referral && !input.referralRole) {
          throw fieldError(
            "referralRole",
            "required",
            "اختر الدور الذي تقصده السياسة بجهة الإحالة.",
            "Choose the role the policy means by its referral wording.",
          );
        }
        const known = new Set(current.committees.map((c) => c.wording));
        const committeeIds = new Set(current.committeesAvailable.map((c) => c.id));
        input.committees.forEach((entry, i) => {
          if (!known.has(entry.wording))
            throw fieldError(
              `committees.${i}.wording`,
              "unknown_wording",
              "هذه العبارة ليست في نص اللجان في السياسة المعتمدة.",
              "This wording is not in the approved policy's committees text.",
            );
          if (entry.committeeId && !committeeIds.has(entry.committeeId))
            throw fieldError(
              `committees.${i}.committeeId`,
              "unknown_committee",
              "اختر لجنة قائمة من لجان الجمعية.",
              "Choose one of the association's committees.",
            );
        });
        const now = clock.now();
        const versionId = current.policyVersion.id;
        const base = {
          associationId: actor.associationId,
          policyVersionId: versionId,
          confirmedBy: actor.userId,
          confirmedAt: now,
        };
        await repo.replaceWordingMappings(tx, versionId, [
          ...(current.referral && input.referralRole
            ? [
                {
                  ...base,
                  kind: "referral_role",
                  wording: current.referral.wording,
                  staffRole: input.referralRole,
                },
              ]
            : []),
          ...input.committees.map((entry) => ({
            ...base,
            kind: "committee",
            wording: entry.wording,
            committeeId: entry.committeeId,
          })),
        ]);
        await audit.record(tx, actor, {
          type: "policy_wording.confirmed",
          payload: { referralRole: input.referralRole ?? null, committees: input.committees.length },
          subject: { type: "policy_version", id: versionId },
        });
        return mapping(tx);
      });
    },
  };
}
