import type { SatisfactionSummary } from "../../../shared/contracts/surveys.js";
import type { CompensationService } from "../complaints/compensation.service.js";
import type { ComplaintsService } from "../complaints/index.js";
import type { FieldworkService } from "../fieldwork/index.js";
import type { PolicyService } from "../policy/index.js";
import type { RequestsService } from "../requests/index.js";

/**
 * What one pack holds, as the owning modules answered for the period: the document and the
 * workbook are both written from this, so the PDF and the Excel file never disagree.
 */
export type EvidenceData = {
  association: { nameAr: string; licenseNumber: string | null };
  /** Riyadh days, inclusive. */
  period: { from: string; to: string };
  generatedAt: Date;
  requestedBy: string;
  policy: Awaited<ReturnType<PolicyService["evidenceFor"]>>;
  compliance: Awaited<ReturnType<RequestsService["complianceIn"]>>;
  complaints: Awaited<ReturnType<ComplaintsService["registerFor"]>>;
  compensation: Awaited<ReturnType<CompensationService["decisionsFor"]>>;
  /** Null while the association has no survey module to ask (or it has no answers). */
  satisfaction: SatisfactionSummary | null;
  fieldwork: Awaited<ReturnType<FieldworkService["visitsFor"]>>;
};

/** Halalas as riyals with two decimals: 150050 → «1,500.50». */
export function riyals(halalas: number | null): string {
  if (halalas === null) return "";
  return (halalas / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export const proofKindNames: Record<"investigation_minutes" | "judicial_ruling", string> = {
  investigation_minutes: "محضر لجنة التحقيق",
  judicial_ruling: "حكم قضائي أو قرار نهائي",
};

export const policyVersionStatusNames: Record<"approved" | "superseded", string> = {
  approved: "السارية حاليًا",
  superseded: "سابقة",
};

export const actionStatusNames = { open: "مفتوح", done: "منجز", overdue: "متأخر" } as const;

export function actionStatus(action: {
  doneAt: Date | null;
  overdue: boolean;
}): keyof typeof actionStatusNames {
  return action.doneAt ? "done" : action.overdue ? "overdue" : "open";
}
