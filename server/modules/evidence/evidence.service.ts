import {
  type CreateEvidencePackRequest,
  type EvidenceFailureCode,
  type EvidenceSection,
  type EvidenceStep,
  evidenceSections,
  evidenceSteps,
  maxEvidenceDays,
} from "../../../shared/contracts/evidence.js";
import type { SatisfactionSummary } from "../../../shared/contracts/surveys.js";
import { dayNumberFromIso, riyadhDayNumber } from "../../../shared/domain/index.js";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { JobHandler, JobQueue } from "../../jobs/queue.js";
import { GateBusyError } from "../../lib/gate.js";
import { type PdfRenderer, PdfUnavailableError } from "../../lib/pdf.js";
import type { AssociationsService } from "../associations/index.js";
import type { AuditService } from "../audit/index.js";
import type { CompensationService } from "../complaints/compensation.service.js";
import type { ComplaintsService } from "../complaints/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { FileRow, FilesService } from "../files/index.js";
import { xlsxMediaType } from "../files/media-type.js";
import type { PolicyService } from "../policy/index.js";
import type { RequestsService } from "../requests/index.js";
import type { EvidenceData } from "./evidence.data.js";
import { evidenceFooter, renderEvidenceDocument } from "./evidence.document.js";
import { evidencePolicy } from "./evidence.policy.js";
import type { EvidencePackWithName, EvidenceRepository } from "./evidence.repository.js";
import { buildEvidenceWorkbook } from "./evidence.workbook.js";

export const evidenceJob = "evidence.generate";

export type EvidenceService = ReturnType<typeof createEvidenceService>;
export type EvidencePackWithFiles = EvidencePackWithName & {
  pdf: FileRow | null;
  workbook: FileRow | null;
};
/** The surveys module's reading for a period (shared/contracts/surveys.ts), once it is wired in. */
export type SatisfactionReader = (
  tx: Tx,
  period: { from: string; to: string },
) => Promise<SatisfactionSummary>;

const periodError = (path: "from" | "to", code: string, ar: string, en: string) =>
  new AppError("validation_failed", `${path}: ${code}`, {
    fieldErrors: [{ path, code, message: { ar, en } }],
  });

/** How far along a pack is after a step: the seven sections, the document, the workbook, the files. */
const percentAfter = (step: EvidenceStep) =>
  Math.round(((evidenceSteps.indexOf(step) + 1) / evidenceSteps.length) * 100);

export function createEvidenceService(deps: {
  db: Database;
  repo: EvidenceRepository;
  associations: Pick<AssociationsService, "findById">;
  files: Pick<FilesService, "lookup" | "storeGenerated">;
  policy: Pick<PolicyService, "evidenceFor">;
  requests: Pick<RequestsService, "complianceIn">;
  complaints: Pick<ComplaintsService, "registerFor">;
  compensation: Pick<CompensationService, "decisionsFor">;
  fieldwork: Pick<FieldworkService, "visitsFor">;
  satisfaction?: SatisfactionReader | undefined;
  pdf: PdfRenderer;
  audit: AuditService;
  queue: JobQueue;
  clock: Clock;
}) {
  const { db, repo, files, audit, queue, clock } = deps;

  async function withFiles(tx: Tx, pack: EvidencePackWithName): Promise<EvidencePackWithFiles> {
    return {
      ...pack,
      pdf: pack.pdfFileId ? ((await files.lookup(tx, pack.pdfFileId)) ?? null) : null,
      workbook: pack.workbookFileId ? ((await files.lookup(tx, pack.workbookFileId)) ?? null) : null,
    };
  }

  /** Each section read in its own tenant transaction, through the module that owns it. */
  const readers: Record<
    EvidenceSection,
    (tx: Tx, associationId: string, period: { from: string; to: string }) => Promise<unknown>
  > = {
    policy: (tx, associationId, period) => deps.policy.evidenceFor(tx, associationId, period),
    // Signatures come with the policy's reading; the step stays so the page names what is in hand.
    acknowledgements: async () => null,
    compliance: (tx, _a, period) => deps.requests.complianceIn(tx, period),
    complaints: (tx, _a, period) => deps.complaints.registerFor(tx, period),
    compensation: (tx, _a, period) => deps.compensation.decisionsFor(tx, period),
    satisfaction: async (tx, _a, period) => (deps.satisfaction ? deps.satisfaction(tx, period) : null),
    fieldwork: (tx, _a, period) => deps.fieldwork.visitsFor(tx, period),
  };

  async function progress(associationId: string, id: string, step: EvidenceStep, percent: number) {
    await db.tenant(associationId, (tx) =>
      repo.update(tx, id, { status: "running", progressStep: step, progressPercent: percent }),
    );
  }

  const generate: JobHandler = async (job) => {
    const { packId } = job.payload as { packId: string };
    const associationId = job.associationId!;
    const pack = await db.tenant(associationId, (tx) => repo.get(tx, packId));
    // A pack already finished (a job taken up again after its process died) is left as it is.
    if (!pack || pack.status === "done" || pack.status === "failed") return;
    const period = { from: pack.periodFrom, to: pack.periodTo };
    const system = { system: true as const, associationId };
    const started = performance.now();
    let step: EvidenceStep = "policy";
    try {
      const read: Partial<Record<EvidenceSection, unknown>> = {};
      await progress(associationId, packId, step, 0);
      for (const section of evidenceSections) {
        step = section;
        read[section] = await db.tenant(associationId, (tx) => readers[section](tx, associationId, period));
        // After each section: how far along, and the step now in hand.
        const next = evidenceSteps[evidenceSteps.indexOf(section) + 1]!;
        await progress(associationId, packId, next, percentAfter(section));
      }
      const association = await db.system((tx) => deps.associations.findById(tx, associationId));
      const data: EvidenceData = {
        association: {
          nameAr: association?.nameAr ?? "",
          licenseNumber: association?.licenseNumber ?? null,
        },
        period,
        generatedAt: clock.now(),
        requestedBy: pack.requestedByName,
        policy: read.policy as EvidenceData["policy"],
        compliance: read.compliance as EvidenceData["compliance"],
        complaints: read.complaints as EvidenceData["complaints"],
        compensation: read.compensation as EvidenceData["compensation"],
        satisfaction: read.satisfaction as EvidenceData["satisfaction"],
        fieldwork: read.fieldwork as EvidenceData["fieldwork"],
      };

      step = "document";
      const pdf = await deps.pdf.render(renderEvidenceDocument(data), { footer: evidenceFooter });
      step = "workbook";
      await progress(associationId, packId, step, percentAfter("document"));
      const workbook = await buildEvidenceWorkbook(data);
      step = "storing";
      await progress(associationId, packId, step, percentAfter("workbook"));

      // Both files, the pack marked done and its event commit together: never a pack listed as
      // done with a file missing.
      const name = `حزمة الأدلة ${period.from} إلى ${period.to}`;
      await db.tenant(associationId, async (tx) => {
        const madeFor = pack.requestedBy;
        const pdfRow = await files.storeGenerated(tx, {
          associationId,
          name,
          mediaType: "application/pdf",
          bytes: pdf,
          madeFor,
        });
        const workbookRow = await files.storeGenerated(tx, {
          associationId,
          name,
          mediaType: xlsxMediaType,
          bytes: workbook,
          madeFor,
        });
        await repo.update(tx, packId, {
          status: "done",
          progressPercent: 100,
          progressStep: null,
          finishedAt: clock.now(),
          pdfFileId: pdfRow.id,
          workbookFileId: workbookRow.id,
          failureCode: null,
        });
        // The pack carries compensation proofs (compensation.harm): a read by the manager who asked.
        if (data.compensation.some((c) => c.proofKind)) {
          await audit.record(
            tx,
            { userId: pack.requestedBy, associationId, requestId: `evidence:${packId}` },
            { type: "sensitive.read", payload: { fields: ["compensation.harm"] } },
          );
        }
        await audit.record(tx, system, {
          type: "evidence_pack.generated",
          payload: {
            ...period,
            pdfFileId: pdfRow.id,
            workbookFileId: workbookRow.id,
            ms: Math.round(performance.now() - started),
          },
          subject: { type: "evidence_pack", id: packId },
        });
      });
    } catch (error) {
      const code: EvidenceFailureCode =
        error instanceof PdfUnavailableError
          ? "pdf_unavailable"
          : error instanceof GateBusyError
            ? "busy"
            : evidenceSteps.indexOf(step) < evidenceSteps.indexOf("document")
              ? "gathering_failed"
              : "internal";
      await db.tenant(associationId, async (tx) => {
        await repo.update(tx, packId, {
          status: "failed",
          failureCode: code,
          finishedAt: clock.now(),
          pdfFileId: null,
          workbookFileId: null,
        });
        await audit.record(tx, system, {
          type: "evidence_pack.failed",
          payload: { ...period, code, step },
          subject: { type: "evidence_pack", id: packId },
        });
      });
      // The failure is recorded on the pack for the page; the job itself is finished, not retried.
    }
  };

  return {
    jobs: { [evidenceJob]: generate } as Record<string, JobHandler>,

    /** Queues a pack for the period (G7); the job is enqueued in the same transaction as the row. */
    async request(actor: Actor, input: CreateEvidencePackRequest): Promise<EvidencePackWithFiles> {
      authorize(actor, evidencePolicy, "request");
      const fromDay = dayNumberFromIso(input.from);
      const toDay = dayNumberFromIso(input.to);
      if (fromDay > toDay)
        throw periodError(
          "to",
          "range_reversed",
          "نهاية المدة قبل بدايتها.",
          "The period ends before it starts.",
        );
      if (toDay - fromDay + 1 > maxEvidenceDays)
        throw periodError(
          "to",
          "period_too_long",
          "المدة أطول من خمس سنوات؛ اختر مدة أقصر.",
          "The period is longer than five years; choose a shorter one.",
        );
      if (fromDay > riyadhDayNumber(clock.now()))
        throw periodError(
          "from",
          "period_in_future",
          "المدة لم تبدأ بعد؛ لا أدلة لها.",
          "The period has not started yet; there is no evidence for it.",
        );
      return db.tenant(actor.associationId, async (tx) => {
        if (await repo.inProgress(tx)) {
          throw new AppError("conflict", "an evidence pack is being made", {
            fieldErrors: [
              {
                path: "from",
                code: "evidence_pack_in_progress",
                message: {
                  ar: "تُعَدّ حزمة أدلة الآن؛ انتظر حتى تكتمل ثم اطلب غيرها.",
                  en: "An evidence pack is being made; wait for it to finish, then ask for another.",
                },
              },
            ],
          });
        }
        const row = await repo.insert(tx, {
          associationId: actor.associationId,
          periodFrom: input.from,
          periodTo: input.to,
          status: "queued",
          requestedBy: actor.userId,
          requestedAt: clock.now(),
        });
        await queue.enqueue(
          evidenceJob,
          { packId: row.id },
          { associationId: actor.associationId, dedupeKey: `evidence:${row.id}`, maxAttempts: 3 },
          tx,
        );
        await audit.record(tx, actor, {
          type: "evidence_pack.requested",
          payload: { from: input.from, to: input.to },
          subject: { type: "evidence_pack", id: row.id },
        });
        return withFiles(tx, (await repo.get(tx, row.id))!);
      });
    },

    async list(actor: Actor): Promise<EvidencePackWithFiles[]> {
      authorize(actor, evidencePolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const rows = await repo.list(tx);
        const result: EvidencePackWithFiles[] = [];
        for (const row of rows) result.push(await withFiles(tx, row));
        return result;
      });
    },

    async get(actor: Actor, id: string): Promise<EvidencePackWithFiles> {
      authorize(actor, evidencePolicy, "read");
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.get(tx, id);
        if (!row) throw new AppError("not_found", "evidence pack not found");
        return withFiles(tx, row);
      });
    },

    holdsFile: (tx: Tx, fileId: string) => repo.holdsFile(tx, fileId),
    periodLabels: (tx: Tx, ids: readonly string[]) => repo.periodLabels(tx, ids),
  };
}
