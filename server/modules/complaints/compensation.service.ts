import type { z } from "zod";
import { mayReadField } from "../../../shared/contracts/access.js";
import type {
  negotiationRoundRequestSchema,
  openClaimRequestSchema,
  recordProofRequestSchema,
} from "../../../shared/contracts/complaints.js";
import { dayNumberFromIso, riyadhStartOfDay } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { assertHappened } from "../../http/dates.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import type { BeneficiariesService } from "../beneficiaries/index.js";
import type { FilesService } from "../files/index.js";
import type { UsersService } from "../users/index.js";
import type { ClaimRow, CompensationRepository } from "./compensation.repository.js";
import { complaintsPolicy } from "./complaints.policy.js";
import type { ComplaintsRepository } from "./complaints.repository.js";

export type CompensationService = ReturnType<typeof createCompensationService>;

const refuse = (
  code: "invalid_transition" | "validation_failed",
  message: string,
  path: string,
  ar: string,
  en: string,
) => new AppError(code, message, { fieldErrors: [{ path, code: message, message: { ar, en } }] });

/**
 * Compensation (K1, K2): a claim is approved only on one of the proofs the policy names; the
 * negotiation, the settlement and every payment are recorded; payments never exceed the approval.
 */
export function createCompensationService(deps: {
  db: Database;
  repo: CompensationRepository;
  complaints: ComplaintsRepository;
  beneficiaries: BeneficiariesService;
  users: UsersService;
  files: FilesService;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, complaints, beneficiaries, users, files, audit, clock } = deps;

  async function open(tx: Tx, id: string): Promise<ClaimRow> {
    const claim = await repo.lock(tx, id);
    if (!claim) throw new AppError("not_found", "claim not found");
    if (claim.status === "paid" || claim.status === "refused") {
      throw new AppError("invalid_transition", `claim is ${claim.status}`);
    }
    return claim;
  }

  const event = (
    actor: Actor,
    claimId: string,
    kind: string,
    fields: { amount?: number; response?: string; note?: string; reference?: string } = {},
  ) => ({
    associationId: actor.associationId,
    claimId,
    kind,
    at: clock.now(),
    amount: fields.amount ?? null,
    response: fields.response ?? null,
    note: fields.note ?? null,
    reference: fields.reference ?? null,
    recordedBy: actor.userId,
  });

  return {
    async open(actor: Actor, input: z.infer<typeof openClaimRequestSchema>) {
      authorize(actor, complaintsPolicy, "manageClaims");
      return db.tenant(actor.associationId, async (tx) => {
        if (input.complaintId && !(await complaints.get(tx, input.complaintId)))
          throw new AppError("not_found", "complaint not found");
        if (input.beneficiaryId && !(await beneficiaries.lookup(tx, input.beneficiaryId)))
          throw new AppError("not_found", "beneficiary not found");
        const claim = await repo.insert(tx, {
          associationId: actor.associationId,
          complaintId: input.complaintId ?? null,
          beneficiaryId: input.beneficiaryId ?? null,
          claimantName: input.claimantName,
          description: input.description,
          status: "open",
          createdBy: actor.userId,
          createdAt: clock.now(),
        });
        await repo.addEvent(tx, event(actor, claim.id, "opened"));
        await audit.record(tx, actor, {
          type: "compensation.opened",
          payload: { complaintId: claim.complaintId },
          subject: claim.beneficiaryId
            ? { type: "beneficiary", id: claim.beneficiaryId }
            : { type: "compensation_claim", id: claim.id },
        });
        return (await repo.get(tx, claim.id))!;
      });
    },

    async recordProof(actor: Actor, id: string, proof: z.infer<typeof recordProofRequestSchema>) {
      authorize(actor, complaintsPolicy, "manageClaims");
      // Proof is of what was found or ruled: minutes or a ruling dated after today prove nothing yet.
      assertHappened(clock.now(), [
        {
          path: "date",
          date: proof.date,
          label:
            proof.kind === "judicial_ruling"
              ? { ar: "تاريخ الحكم", en: "The ruling date" }
              : { ar: "تاريخ المحضر", en: "The minutes date" },
        },
      ]);
      return db.tenant(actor.associationId, async (tx) => {
        await open(tx, id);
        if (proof.kind === "investigation_minutes") {
          // Approved by members: each must be staff of this association.
          for (const [i, memberId] of proof.approvedBy.entries()) {
            if (!(await users.lookup(tx, memberId))) {
              throw refuse(
                "validation_failed",
                "member_unknown",
                `approvedBy.${i}`,
                "العضو غير موجود في الجمعية.",
                "Not a member of this association.",
              );
            }
          }
          await repo.update(tx, id, {
            proofKind: proof.kind,
            minutesDate: proof.date,
            minutesHarm: proof.harm,
            minutesHarmSize: proof.harmSize,
            minutesCauses: proof.causes,
            minutesApprovedBy: [...new Set(proof.approvedBy)],
          });
        } else {
          if (!(await files.lookup(tx, proof.fileId))) {
            throw refuse(
              "validation_failed",
              "file_unknown",
              "fileId",
              "الملف غير موجود.",
              "File not found.",
            );
          }
          await repo.update(tx, id, {
            proofKind: proof.kind,
            rulingNumber: proof.number,
            rulingDate: proof.date,
            rulingAuthority: proof.authority,
            rulingFileId: proof.fileId,
          });
        }
        await repo.addEvent(tx, event(actor, id, `proof:${proof.kind}`));
        await audit.record(tx, actor, {
          type: "compensation.proof_recorded",
          payload: { kind: proof.kind },
          subject: { type: "compensation_claim", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    async recordRound(actor: Actor, id: string, round: z.infer<typeof negotiationRoundRequestSchema>) {
      authorize(actor, complaintsPolicy, "manageClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const claim = await open(tx, id);
        if (claim.approvedAt) throw new AppError("invalid_transition", "claim already approved");
        await repo.update(tx, id, { status: "negotiating" });
        await repo.addEvent(
          tx,
          event(actor, id, "round", {
            amount: round.offerAmount,
            response: round.response,
            ...(round.note ? { note: round.note } : {}),
            ...(round.counterAmount !== undefined ? { reference: `counter:${round.counterAmount}` } : {}),
          }),
        );
        await audit.record(tx, actor, {
          type: "compensation.round_recorded",
          payload: { offerAmount: round.offerAmount, response: round.response },
          subject: { type: "compensation_claim", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    async settle(actor: Actor, id: string, input: { terms: string; amount: number }) {
      authorize(actor, complaintsPolicy, "manageClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const claim = await open(tx, id);
        if (claim.approvedAt) throw new AppError("invalid_transition", "claim already approved");
        await repo.update(tx, id, {
          status: "settled",
          settlementTerms: input.terms,
          settledAmount: input.amount,
        });
        await repo.addEvent(tx, event(actor, id, "settled", { amount: input.amount, note: input.terms }));
        await audit.record(tx, actor, {
          type: "compensation.settled",
          payload: { amount: input.amount },
          subject: { type: "compensation_claim", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    /** K1: no approval without proof; never above the settled amount. */
    async approve(actor: Actor, id: string, amount: number) {
      authorize(actor, complaintsPolicy, "approveClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const claim = await open(tx, id);
        if (claim.approvedAt) throw new AppError("invalid_transition", "claim already approved");
        const minutesComplete =
          claim.proofKind === "investigation_minutes" &&
          claim.minutesDate &&
          claim.minutesHarm &&
          claim.minutesHarmSize &&
          claim.minutesCauses &&
          claim.minutesApprovedBy.length > 0;
        const rulingComplete =
          claim.proofKind === "judicial_ruling" &&
          claim.rulingNumber &&
          claim.rulingDate &&
          claim.rulingFileId;
        if (!minutesComplete && !rulingComplete) {
          throw refuse(
            "invalid_transition",
            "proof_required",
            "proof",
            "لا يُعتمد التعويض إلا بإثبات: محضر لجنة التحقيق مؤرخ ومعتمد من أعضائها يبين الضرر وحجمه وأسبابه، أو حكم قضائي أو قرار نهائي من الجهة المختصة.",
            "Compensation is approved only on proof: dated investigation minutes approved by the members stating the harm, its size and causes, or a judicial ruling or final decision.",
          );
        }
        if (claim.settledAmount !== null && amount > claim.settledAmount) {
          throw refuse(
            "validation_failed",
            "above_settlement",
            "amount",
            "المبلغ المعتمد أكبر من مبلغ التسوية.",
            "The approved amount exceeds the settlement.",
          );
        }
        await repo.update(tx, id, {
          status: "approved",
          approvedAmount: amount,
          approvedBy: actor.userId,
          approvedAt: clock.now(),
        });
        await repo.addEvent(tx, event(actor, id, "approved", { amount }));
        await audit.record(tx, actor, {
          type: "compensation.approved",
          payload: { amount },
          subject: { type: "compensation_claim", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    /** Each payment against the approval, under a row lock: the total never exceeds it. */
    async pay(actor: Actor, id: string, input: { amount: number; reference: string }) {
      authorize(actor, complaintsPolicy, "approveClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const claim = await open(tx, id);
        if (!claim.approvedAt || claim.approvedAmount === null)
          throw new AppError("invalid_transition", "claim not approved");
        const paidTotal = claim.paidAmount + input.amount;
        if (paidTotal > claim.approvedAmount) {
          throw refuse(
            "validation_failed",
            "above_approved",
            "amount",
            `المبلغ يتجاوز المعتمد؛ المتبقي ${claim.approvedAmount - claim.paidAmount} هللة.`,
            `The amount exceeds the approval; ${claim.approvedAmount - claim.paidAmount} halalas remain.`,
          );
        }
        await repo.update(tx, id, {
          paidAmount: paidTotal,
          status: paidTotal === claim.approvedAmount ? "paid" : "approved",
        });
        await repo.addEvent(
          tx,
          event(actor, id, "payment", { amount: input.amount, reference: input.reference }),
        );
        await audit.record(tx, actor, {
          type: "compensation.paid",
          payload: { amount: input.amount, paidTotal },
          subject: { type: "compensation_claim", id },
        });
        return (await repo.get(tx, id))!;
      });
    },

    async list(actor: Actor) {
      authorize(actor, complaintsPolicy, "manageClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const rows = await repo.list(tx);
        if (rows.length > 0 && mayReadField(actor.roles, "compensation.harm")) {
          await audit.record(tx, actor, {
            type: "sensitive.read",
            payload: { fields: ["compensation.harm"] },
          });
        }
        return rows;
      });
    },

    /**
     * Compensation decisions for the evidence pack (G7, K1), inside the caller's tenant transaction:
     * claims opened, approved or paid in the period, each with the proof it rests on (the committee's
     * minutes or the ruling, and the ruling's file named), the approval and every payment. The harm's
     * description is left out; the proof is `compensation.harm`, which the caller logs as read.
     */
    async decisionsFor(tx: Tx, period: { from: string; to: string }) {
      const fromAt = riyadhStartOfDay(dayNumberFromIso(period.from));
      const toAt = riyadhStartOfDay(dayNumberFromIso(period.to) + 1);
      const claims = await repo.inPeriod(tx, fromAt, toAt);
      const names = await repo.names(tx, [
        ...claims.flatMap((c) => (c.approvedBy ? [c.approvedBy] : [])),
        ...claims.flatMap((c) => c.minutesApprovedBy),
      ]);
      const result = [];
      for (const c of claims) {
        const complaint = c.complaintId ? await complaints.get(tx, c.complaintId) : undefined;
        const ruling = c.rulingFileId ? await files.lookup(tx, c.rulingFileId) : undefined;
        result.push({
          id: c.id,
          complaintReference: complaint?.referenceNumber ?? null,
          status: c.status,
          createdAt: c.createdAt,
          proofKind: c.proofKind as "investigation_minutes" | "judicial_ruling" | null,
          minutesDate: c.minutesDate,
          minutesApprovedBy: c.minutesApprovedBy.map((id) => names.get(id) ?? ""),
          rulingNumber: c.rulingNumber,
          rulingDate: c.rulingDate,
          rulingAuthority: c.rulingAuthority,
          rulingFile: ruling ? { id: ruling.id, name: ruling.originalName } : null,
          settlementTerms: c.settlementTerms,
          settledAmount: c.settledAmount,
          approvedAmount: c.approvedAmount,
          approvedBy: c.approvedBy ? (names.get(c.approvedBy) ?? "") : null,
          approvedAt: c.approvedAt,
          paidAmount: c.paidAmount,
          payments: c.events
            .filter((e) => e.kind === "payment")
            .map((e) => ({ at: e.at, amount: e.amount ?? 0, reference: e.reference })),
        });
      }
      return result;
    },

    /** The harm described, in the answer, is a read of personal data and is logged as such. */
    async get(actor: Actor, id: string) {
      authorize(actor, complaintsPolicy, "manageClaims");
      return db.tenant(actor.associationId, async (tx) => {
        const claim = await repo.get(tx, id);
        if (!claim) throw new AppError("not_found", "claim not found");
        if (mayReadField(actor.roles, "compensation.harm")) {
          await audit.record(tx, actor, {
            type: "sensitive.read",
            payload: { fields: ["compensation.harm"] },
            subject: { type: "compensation_claim", id },
          });
        }
        return claim;
      });
    },
  };
}
