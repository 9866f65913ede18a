import type {
  EvidenceFailureCode,
  EvidencePackView,
  EvidenceStep,
} from "../../../shared/contracts/evidence.js";
import type { FileRow } from "../files/index.js";
import type { EvidencePackWithFiles } from "./evidence.service.js";

const fileOf = (row: FileRow | null) => (row ? { id: row.id, name: row.originalName, size: row.size } : null);

export function presentEvidencePack(p: EvidencePackWithFiles): EvidencePackView {
  const done = p.status === "done";
  return {
    id: p.id,
    from: p.periodFrom,
    to: p.periodTo,
    status: p.status as EvidencePackView["status"],
    progress: { percent: p.progressPercent, step: (p.progressStep as EvidenceStep | null) ?? null },
    requestedBy: { id: p.requestedBy, fullName: p.requestedByName },
    requestedAt: p.requestedAt.toISOString(),
    finishedAt: p.finishedAt?.toISOString() ?? null,
    // Links only for a finished pack: nothing half-made is offered.
    pdf: done ? fileOf(p.pdf) : null,
    workbook: done ? fileOf(p.workbook) : null,
    failure: (p.failureCode as EvidenceFailureCode | null) ?? null,
  };
}
