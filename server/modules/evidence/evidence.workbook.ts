import ExcelJS from "exceljs";
import { channelNames } from "../../../shared/contracts/channels.js";
import type { ComplaintCategory } from "../../../shared/contracts/complaints.js";
import {
  claimStatusNames,
  complaintCategoryNames,
  complaintOutcomeNames,
  complaintStatusNames,
  fieldVisitKindNames,
  roleNames,
} from "../../../shared/contracts/export-labels.js";
import type { StaffRole } from "../../../shared/contracts/roles.js";
import { addSheet } from "../../http/export.js";
import {
  actionStatus,
  actionStatusNames,
  type EvidenceData,
  policyVersionStatusNames,
  proofKindNames,
  riyals,
} from "./evidence.data.js";

/** The sheets of the workbook, one per section of the document, in its order. */
export const evidenceSheetNames = {
  policy: "السياسة المعتمدة",
  acknowledgements: "اطلاع الموظفين",
  compliance: "الالتزام بمهلة الرد",
  complaints: "سجل الشكاوى",
  compensation: "قرارات التعويض",
  satisfaction: "رضا المستفيدين",
  fieldwork: "الزيارات الميدانية",
} as const;

const roles = (list: readonly string[]) => list.map((r) => roleNames[r as StaffRole] ?? r).join("، ");
const share = (v: number | null) => (v === null ? "" : `${Math.round(v * 1000) / 10}%`);

/**
 * The pack's data as an Excel workbook (exceljs): one right-to-left sheet per section with the
 * document's rows, each date beside its Hijri date, text that a spreadsheet would run neutralised
 * (server/http/export.ts). Written for a manager, the one role that reads the pack.
 */
export async function buildEvidenceWorkbook(data: EvidenceData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "صلة";
  workbook.created = data.generatedAt;
  const reader = { roles: ["manager"] as const };

  const versions = data.policy.versions;
  addSheet(
    workbook,
    evidenceSheetNames.policy,
    [
      { header: "الإصدار", kind: "number", value: (v) => v.versionNumber },
      { header: "الحالة", value: (v) => policyVersionStatusNames[v.status] },
      { header: "سارٍ من", kind: "datetime", value: (v) => v.approvedAt },
      { header: "سارٍ حتى", kind: "datetime", value: (v) => v.supersededAt },
      { header: "رقم الاجتماع", value: (v) => v.approval?.meetingNumber },
      { header: "الدورة", value: (v) => v.approval?.term },
      { header: "تاريخ الاجتماع", kind: "date", value: (v) => v.approval?.approvedOn },
      { header: "رئيس مجلس الإدارة", value: (v) => v.approval?.chair },
      {
        header: "الأعضاء الحاضرون",
        value: (v) => v.approval?.members.map((m) => `${m.name} (${m.position})`).join("، "),
      },
      { header: "نص القرار", value: (v) => v.approval?.resolution, width: 60 },
    ],
    versions,
    reader,
  );

  const signed = data.policy.signatures.map((s) => ({ ...s, signed: true }));
  const unsigned = data.policy.unsigned.map((u) => ({
    versionNumber: versions.at(-1)?.versionNumber ?? null,
    userId: u.userId,
    signedName: u.fullName,
    roles: u.roles,
    signedAt: null,
    signed: false,
  }));
  addSheet(
    workbook,
    evidenceSheetNames.acknowledgements,
    [
      { header: "الموظف", value: (s) => s.signedName },
      { header: "الدور", value: (s) => roles(s.roles) },
      { header: "الإصدار", kind: "number", value: (s) => s.versionNumber },
      { header: "وقّع", value: (s) => s.signed },
      { header: "تاريخ التوقيع", kind: "datetime", value: (s) => s.signedAt },
    ],
    [...signed, ...unsigned],
    reader,
  );

  const c = data.compliance;
  const closed = data.complaints.filter((r) => r.closedInTime !== null);
  addSheet(
    workbook,
    evidenceSheetNames.compliance,
    [
      { header: "البند", value: (r) => r[0] },
      { header: "القيمة", value: (r) => r[1] },
    ],
    [
      ["من تاريخ", data.period.from],
      ["إلى تاريخ", data.period.to],
      ["طلبات رُدّ عليها في الموعد", c.answeredInTime],
      ["طلبات رُدّ عليها بعد الموعد", c.answeredLate],
      ["طلبات متأخرة لم يُرَدّ عليها", c.overdue],
      ["طلبات لم يحن موعدها", c.pending],
      ["نسبة الرد في الموعد", share(c.shareInTime)],
      ["شكاوى أُغلقت", closed.length],
      ["شكاوى أُغلقت في موعدها", closed.filter((r) => r.closedInTime).length],
    ] as [string, string | number][],
    reader,
  );

  addSheet(
    workbook,
    evidenceSheetNames.complaints,
    [
      { header: "المرجع", value: (r) => r.referenceNumber },
      { header: "تاريخ الاستلام", kind: "datetime", value: (r) => r.receivedAt },
      {
        header: "القناة",
        value: (r) => channelNames[r.channel as keyof typeof channelNames]?.ar ?? r.channel,
      },
      {
        header: "التصنيف",
        value: (r) => complaintCategoryNames[r.category as ComplaintCategory] ?? r.category,
      },
      {
        header: "الحالة",
        value: (r) => complaintStatusNames[r.status as keyof typeof complaintStatusNames] ?? r.status,
      },
      {
        header: "النتيجة",
        value: (r) =>
          r.outcome
            ? (complaintOutcomeNames[r.outcome as keyof typeof complaintOutcomeNames] ?? r.outcome)
            : "",
      },
      { header: "شروط التسوية الودية", value: (r) => r.settlementTerms, width: 40 },
      { header: "قبول المشتكي", kind: "datetime", value: (r) => r.complainantAcceptedAt },
      { header: "ملاحظة اللجنة", value: (r) => r.outcomeNote, width: 40 },
      { header: "موعد الرد", kind: "datetime", value: (r) => r.dueAt },
      { header: "تاريخ الإغلاق", kind: "datetime", value: (r) => r.closedAt },
      { header: "أُغلقت في الموعد", value: (r) => r.closedInTime },
      { header: "صُعّدت", kind: "datetime", value: (r) => r.escalatedAt },
    ],
    data.complaints,
    reader,
  );

  // One row per payment (a claim without payments has one row), so the proofs and the money read together.
  const compensationRows = data.compensation.flatMap((claim) =>
    claim.payments.length
      ? claim.payments.map((payment) => ({ claim, payment }))
      : [{ claim, payment: null as (typeof claim.payments)[number] | null }],
  );
  addSheet(
    workbook,
    evidenceSheetNames.compensation,
    [
      { header: "الشكوى", value: (r) => r.claim.complaintReference },
      {
        header: "الحالة",
        value: (r) => claimStatusNames[r.claim.status as keyof typeof claimStatusNames] ?? r.claim.status,
      },
      { header: "فُتح في", kind: "datetime", value: (r) => r.claim.createdAt },
      { header: "نوع الإثبات", value: (r) => (r.claim.proofKind ? proofKindNames[r.claim.proofKind] : "") },
      { header: "تاريخ المحضر", value: (r) => r.claim.minutesDate },
      { header: "معتمدو المحضر", value: (r) => r.claim.minutesApprovedBy.join("، ") },
      { header: "رقم الحكم أو القرار", value: (r) => r.claim.rulingNumber },
      { header: "تاريخ الحكم", value: (r) => r.claim.rulingDate },
      { header: "الجهة", value: (r) => r.claim.rulingAuthority },
      { header: "ملف الإثبات", value: (r) => r.claim.rulingFile?.name },
      { header: "المبلغ المعتمد (ريال)", value: (r) => riyals(r.claim.approvedAmount) },
      { header: "اعتمده", value: (r) => r.claim.approvedBy },
      { header: "تاريخ الاعتماد", kind: "datetime", value: (r) => r.claim.approvedAt },
      { header: "إجمالي المصروف (ريال)", value: (r) => riyals(r.claim.paidAmount) },
      { header: "تاريخ الدفعة", kind: "datetime", value: (r) => r.payment?.at },
      { header: "مبلغ الدفعة (ريال)", value: (r) => (r.payment ? riyals(r.payment.amount) : "") },
      { header: "مرجع الصرف", value: (r) => r.payment?.reference },
    ],
    compensationRows,
    reader,
  );

  const s = data.satisfaction;
  addSheet(
    workbook,
    evidenceSheetNames.satisfaction,
    [
      { header: "البند", value: (r) => r[0] },
      { header: "القيمة", value: (r) => r[1] },
    ],
    !s || s.answers === 0
      ? ([["النتيجة", "لا توجد إجابات على استبيانات رضا المستفيدين في هذه المدة."]] as [string, string][])
      : ([
          ["عدد الإجابات", s.answers],
          ["عدد المدعوين", s.invited],
          ["متوسط الرضا (CSAT) من 5", s.csat ?? ""],
          ["صافي نقاط الترويج (NPS)", s.nps ?? ""],
          ["متوسط تقييم الموظفين", s.staffCsat ?? ""],
          ...s.byMonth.map(
            (m) =>
              [
                `شهر ${m.month}`,
                `${m.answers} إجابة؛ الرضا ${m.csat ?? "—"}؛ صافي نقاط الترويج ${m.nps ?? "—"}`,
              ] as [string, string],
          ),
          ...s.themes.map((t) => [`موضوع: ${t.theme}`, t.count] as [string, number]),
        ] as [string, string | number][]),
    reader,
  );

  // One row per follow-up action (a visit without actions has one row).
  const visitRows = data.fieldwork.flatMap((visit) =>
    visit.actions.length
      ? visit.actions.map((action) => ({ visit, action }))
      : [{ visit, action: null as (typeof visit.actions)[number] | null }],
  );
  addSheet(
    workbook,
    evidenceSheetNames.fieldwork,
    [
      { header: "تاريخ الزيارة", kind: "date", value: (r) => r.visit.visitedOn },
      {
        header: "النوع",
        value: (r) => fieldVisitKindNames[r.visit.kind as keyof typeof fieldVisitKindNames] ?? r.visit.kind,
      },
      { header: "المكان", value: (r) => r.visit.place },
      { header: "سجّلها", value: (r) => r.visit.recordedByName },
      { header: "المشاركون", value: (r) => r.visit.participants.join("، ") },
      { header: "الملاحظات", value: (r) => r.visit.findings, width: 50 },
      { header: "إجراء المتابعة", value: (r) => r.action?.text, width: 40 },
      { header: "المسؤول", value: (r) => r.action?.ownerName },
      { header: "موعد الإنجاز", kind: "date", value: (r) => r.action?.dueDate },
      { header: "حالة الإجراء", value: (r) => (r.action ? actionStatusNames[actionStatus(r.action)] : "") },
      { header: "تاريخ الإنجاز", kind: "datetime", value: (r) => r.action?.doneAt },
    ],
    visitRows,
    reader,
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
