import {
  type BoardMember,
  type LibraryDocumentView,
  type PolicyContent,
  type PolicyVersionView,
  policyContentSchema,
} from "../../../shared/contracts/policy.js";
import type {
  LibraryDocumentWithVersions,
  PolicyAcknowledgementRow,
  PolicyVersionWithApproval,
} from "./policy.repository.js";

/** Content as stored; read through the schema so a version written before a field existed still presents. */
export function contentOf(row: { content: unknown }): PolicyContent {
  return policyContentSchema.parse(row.content);
}

export function presentVersion(row: PolicyVersionWithApproval): PolicyVersionView {
  return {
    id: row.id,
    status: row.status as PolicyVersionView["status"],
    versionNumber: row.versionNumber,
    source: row.source as PolicyVersionView["source"],
    content: contentOf(row),
    approval: row.approval
      ? {
          meetingNumber: row.approval.meetingNumber,
          term: row.approval.term,
          hijriDate: row.approval.hijriDate,
          approvedOn: row.approval.approvedOn,
          chair: row.approval.chair,
          members: row.approval.members as BoardMember[],
          resolution: row.approval.resolution,
          recordedAt: row.approval.recordedAt.toISOString(),
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}

export function presentVersionSummary(row: PolicyVersionWithApproval) {
  const { content: _content, approval: _approval, ...rest } = presentVersion(row);
  return {
    ...rest,
    approvedOn: row.approval?.approvedOn ?? null,
    hijriDate: row.approval?.hijriDate ?? null,
  };
}

export function presentAcknowledgement(
  row: PolicyAcknowledgementRow,
  version: { versionNumber: number | null },
) {
  return {
    versionId: row.versionId,
    versionNumber: version.versionNumber,
    signedAt: row.signedAt.toISOString(),
    typedName: row.typedName,
  };
}

export function presentLibraryDocument(row: LibraryDocumentWithVersions): LibraryDocumentView {
  return {
    id: row.id,
    kind: row.kind as LibraryDocumentView["kind"],
    titleAr: row.titleAr,
    stepIndexes: row.stepIndexes,
    versions: row.versions.map((v) => ({
      id: v.id,
      fileId: v.fileId,
      fileName: v.fileName,
      versionLabel: v.versionLabel,
      uploadedAt: v.uploadedAt.toISOString(),
    })),
    updatedAt: row.updatedAt.toISOString(),
  };
}
