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
import type { SatisfactionSummary } from "../../../shared/contracts/surveys.js";
import {
  dayNumberFromIso,
  formatDual,
  formatHijri,
  GREGORIAN_MONTHS,
  hijriFromDayNumber,
  riyadhDate,
  riyadhDayNumber,
  riyadhStartOfDay,
  supportedDayRange,
  toIsoDate,
} from "../../../shared/domain/index.js";
import { printFontFaces } from "../../lib/print-fonts.js";
import {
  actionStatus,
  actionStatusNames,
  type EvidenceData,
  policyVersionStatusNames,
  proofKindNames,
  riyals,
} from "./evidence.data.js";

/**
 * The evidence pack as one self-contained Arabic HTML page (no external resource, logical CSS only)
 * that headless Chromium prints to A4: a cover with the association and the period in both
 * calendars, a contents list, then each section with a heading and tables whose header row repeats
 * on every page a table runs onto. Page numbers are the renderer's footer (`evidenceFooter`).
 */

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A day (ISO) or an instant as «02/09/1447هـ · 2026-02-19»: Hijri first, as official letters write. */
export function shortDual(value: string | Date | null): string {
  if (value === null) return "";
  const n = typeof value === "string" ? dayNumberFromIso(value) : riyadhDayNumber(value);
  const iso = typeof value === "string" ? value : toIsoDate(riyadhDate(value));
  const range = supportedDayRange();
  if (n < range.first || n > range.last) return iso;
  return `${formatHijri(hijriFromDayNumber(n))} · ${iso}`;
}

/** «٢ رمضان ١٤٤٧هـ (19 فبراير 2026)». */
export function longDual(iso: string): string {
  return formatDual(riyadhStartOfDay(dayNumberFromIso(iso)), "ar");
}

const number = (n: number) => n.toLocaleString("en");
const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10}%`);
const cell = (text: string | number | null | undefined) =>
  `<td>${text === null || text === undefined || text === "" ? "—" : escapeHtml(String(text))}</td>`;
const roles = (list: readonly string[]) => list.map((r) => roleNames[r as StaffRole] ?? r).join("، ");

/** A table with a caption and a header row that repeats on each printed page; a sentence when empty. */
function table(caption: string, headers: readonly string[], rows: readonly string[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>
<tbody>
${rows.map((r) => `<tr>${r}</tr>`).join("\n")}
</tbody>
</table>`;
}

function figures(caption: string, rows: readonly [string, string][]): string {
  return table(
    caption,
    ["البند", "القيمة"],
    rows.map(([label, value]) => `<th scope="row">${escapeHtml(label)}</th>${cell(value)}`),
    "",
  );
}

export type EvidenceSectionHtml = { id: string; title: string; body: string };

function policySection(data: EvidenceData): EvidenceSectionHtml {
  const { versions } = data.policy;
  const body = versions.length
    ? versions
        .map((v) => {
          const a = v.approval;
          const heading = `<h3>الإصدار ${escapeHtml(String(v.versionNumber ?? "—"))} (${escapeHtml(policyVersionStatusNames[v.status])})</h3>`;
          const inForce = `<p>سارٍ من ${escapeHtml(shortDual(v.approvedAt))}${
            v.supersededAt ? ` حتى ${escapeHtml(shortDual(v.supersededAt))}` : " حتى تاريخه"
          }.</p>`;
          if (!a) return `${heading}${inForce}<p class="empty">لا يوجد قرار اعتماد مسجّل لهذا الإصدار.</p>`;
          return `${heading}${inForce}
${figures(`قرار اعتماد الإصدار ${v.versionNumber ?? ""} من مجلس الإدارة`, [
  ["رقم الاجتماع", a.meetingNumber],
  ["الدورة", a.term],
  ["تاريخ الاجتماع", shortDual(a.approvedOn)],
  ["رئيس مجلس الإدارة", a.chair],
  ["نص القرار", a.resolution],
])}
${table(
  "أعضاء المجلس الحاضرون",
  ["م", "الاسم", "المنصب"],
  a.members.map((m, i) => `${cell(i + 1)}${cell(m.name)}${cell(m.position)}`),
  "لم يُسجّل أعضاء.",
)}`;
        })
        .join("\n")
    : `<p class="empty">لم تكن هناك سياسة معتمدة من مجلس الإدارة سارية في هذه المدة.</p>`;
  return { id: "policy", title: "السياسة المعتمدة واعتماد مجلس الإدارة", body };
}

function acknowledgementsSection(data: EvidenceData): EvidenceSectionHtml {
  const { signatures, unsigned, versions } = data.policy;
  const last = versions.at(-1);
  const body = `${table(
    "توقيعات الموظفين بالاطلاع على السياسة",
    ["الموظف (كما وقّع)", "الدور", "الإصدار", "تاريخ التوقيع"],
    signatures.map(
      (s) =>
        `${cell(s.signedName)}${cell(roles(s.roles))}${cell(s.versionNumber)}${cell(shortDual(s.signedAt))}`,
    ),
    "لا توجد توقيعات على إصدارات السياسة السارية في هذه المدة.",
  )}
${
  last
    ? table(
        `موظفون على رأس العمل لم يوقّعوا الإصدار ${last.versionNumber ?? ""} حتى نهاية المدة`,
        ["الموظف", "الدور"],
        unsigned.map((u) => `${cell(u.fullName)}${cell(roles(u.roles))}`),
        "وقّع جميع الموظفين على رأس العمل الإصدار الساري في نهاية المدة.",
      )
    : ""
}`;
  return { id: "acknowledgements", title: "اطلاع الموظفين على السياسة وتوقيعهم", body };
}

function complianceSection(data: EvidenceData): EvidenceSectionHtml {
  const c = data.compliance;
  const closed = data.complaints.filter((r) => r.closedInTime !== null);
  const complaintsInTime = closed.filter((r) => r.closedInTime).length;
  return {
    id: "compliance",
    title: "الالتزام بمهلة الرد",
    body: `<p>طلبات الدعم التي حلّ موعد الرد عليها في المدة، بحسب المهلة التي تنص عليها السياسة المعتمدة.</p>
${figures("الالتزام بمهلة الرد على طلبات الدعم", [
  ["رُدّ عليها في الموعد", number(c.answeredInTime)],
  ["رُدّ عليها بعد الموعد", number(c.answeredLate)],
  ["متأخرة لم يُرَدّ عليها", number(c.overdue)],
  ["لم يحن موعدها", number(c.pending)],
  ["نسبة الرد في الموعد", percent(c.shareInTime)],
])}
${figures("الالتزام بمهلة إغلاق الشكاوى", [
  ["شكاوى أُغلقت في المدة أو قبلها", number(closed.length)],
  ["أُغلقت في موعدها", number(complaintsInTime)],
  ["نسبة الإغلاق في الموعد", percent(closed.length ? complaintsInTime / closed.length : null)],
])}`,
  };
}

function complaintsSection(data: EvidenceData): EvidenceSectionHtml {
  const rows = data.complaints;
  const settled = rows.filter((r) => r.outcome === "amicable_settlement");
  const body = `${table(
    "سجل الشكاوى المستلمة أو المغلقة في المدة",
    ["المرجع", "تاريخ الاستلام", "القناة", "التصنيف", "الحالة", "النتيجة", "تاريخ الإغلاق", "في الموعد"],
    rows.map(
      (r) =>
        `${cell(r.referenceNumber)}${cell(shortDual(r.receivedAt))}${cell(
          channelNames[r.channel as keyof typeof channelNames]?.ar ?? r.channel,
        )}${cell(complaintCategoryNames[r.category as ComplaintCategory] ?? r.category)}${cell(
          complaintStatusNames[r.status as keyof typeof complaintStatusNames] ?? r.status,
        )}${cell(r.outcome ? (complaintOutcomeNames[r.outcome as keyof typeof complaintOutcomeNames] ?? r.outcome) : "")}${cell(
          shortDual(r.closedAt),
        )}${cell(r.closedInTime === null ? "" : r.closedInTime ? "نعم" : "لا")}`,
    ),
    "لم تُستلم ولم تُغلق شكاوى في هذه المدة.",
  )}
<h3>التسويات الودية</h3>
${table(
  "الشكاوى التي انتهت بتسوية ودية",
  ["المرجع", "شروط التسوية", "قبول المشتكي", "ملاحظة اللجنة"],
  settled.map(
    (r) =>
      `${cell(r.referenceNumber)}${cell(r.settlementTerms)}${cell(shortDual(r.complainantAcceptedAt))}${cell(r.outcomeNote)}`,
  ),
  "لا توجد تسويات ودية في هذه المدة.",
)}`;
  return { id: "complaints", title: "سجل الشكاوى ونتائجها والتسويات الودية", body };
}

function compensationSection(data: EvidenceData): EvidenceSectionHtml {
  const rows = data.compensation;
  const proofOf = (c: EvidenceData["compensation"][number]) => {
    if (c.proofKind === "investigation_minutes")
      return `محضر بتاريخ ${c.minutesDate ?? "—"}؛ اعتمده: ${c.minutesApprovedBy.join("، ") || "—"}`;
    if (c.proofKind === "judicial_ruling")
      return `رقم ${c.rulingNumber ?? "—"} بتاريخ ${c.rulingDate ?? "—"} من ${c.rulingAuthority ?? "—"}`;
    return "";
  };
  const payments = rows.flatMap((c) =>
    c.payments.map(
      (p) =>
        `${cell(c.complaintReference)}${cell(shortDual(p.at))}${cell(riyals(p.amount))}${cell(p.reference)}`,
    ),
  );
  const body = `${table(
    "قرارات التعويض وإثباتاتها",
    [
      "الشكوى",
      "الحالة",
      "نوع الإثبات",
      "بيان الإثبات",
      "ملف الإثبات",
      "المبلغ المعتمد (ريال)",
      "اعتمده",
      "تاريخ الاعتماد",
      "المصروف (ريال)",
    ],
    rows.map(
      (c) =>
        `${cell(c.complaintReference)}${cell(claimStatusNames[c.status as keyof typeof claimStatusNames] ?? c.status)}${cell(
          c.proofKind ? proofKindNames[c.proofKind] : "لم يُسجّل",
        )}${cell(proofOf(c))}${cell(c.rulingFile?.name)}${cell(riyals(c.approvedAmount))}${cell(c.approvedBy)}${cell(
          shortDual(c.approvedAt),
        )}${cell(riyals(c.paidAmount))}`,
    ),
    "لا توجد طلبات تعويض فُتحت أو اعتُمدت أو صُرفت في هذه المدة.",
  )}
${rows.length ? table("دفعات التعويض", ["الشكوى", "التاريخ", "المبلغ (ريال)", "مرجع الصرف"], payments, "لم تُصرف دفعات.") : ""}`;
  return { id: "compensation", title: "قرارات التعويض وإثباتاتها", body };
}

function monthName(key: string): string {
  const [year, month] = key.split("-").map(Number);
  const name = GREGORIAN_MONTHS[(month ?? 1) - 1]?.ar;
  return name && year ? `${name} ${year}` : key;
}

/**
 * Satisfaction (G7) as the surveys module summarises it. With no summary — the association has no
 * survey module yet, or nobody answered in the period — the section says so and shows no figure.
 */
export function satisfactionSection(summary: SatisfactionSummary | null): EvidenceSectionHtml {
  const title = "قياس رضا المستفيدين";
  if (!summary || summary.answers === 0) {
    return {
      id: "satisfaction",
      title,
      body: `<p class="empty">لا توجد إجابات على استبيانات رضا المستفيدين في هذه المدة.</p>`,
    };
  }
  const csat = (v: number | null) => (v === null ? "—" : `${(Math.round(v * 100) / 100).toFixed(2)} من 5`);
  const nps = (v: number | null) => (v === null ? "—" : String(Math.round(v)));
  const body = `${figures("نتائج الرضا في المدة", [
    ["عدد الإجابات", number(summary.answers)],
    ["عدد المدعوين", number(summary.invited)],
    ["نسبة الاستجابة", percent(summary.invited ? summary.answers / summary.invited : null)],
    ["متوسط الرضا (CSAT)", csat(summary.csat)],
    ["صافي نقاط الترويج (NPS)", nps(summary.nps)],
    ["متوسط تقييم الموظفين", csat(summary.staffCsat)],
  ])}
${table(
  "الإجابات ونتائجها حسب الشهر",
  ["الشهر", "الإجابات", "متوسط الرضا", "صافي نقاط الترويج"],
  summary.byMonth.map(
    (m) => `${cell(monthName(m.month))}${cell(number(m.answers))}${cell(csat(m.csat))}${cell(nps(m.nps))}`,
  ),
  "لا توجد إجابات موزعة على الأشهر.",
)}
${table(
  "أبرز الموضوعات في الملاحظات المكتوبة",
  ["الموضوع", "عدد الإجابات"],
  summary.themes.map((t) => `${cell(t.theme)}${cell(number(t.count))}`),
  "لا توجد موضوعات مستخلصة من الملاحظات المكتوبة.",
)}`;
  return { id: "satisfaction", title, body };
}

function fieldworkSection(data: EvidenceData): EvidenceSectionHtml {
  const visits = data.fieldwork;
  const actions = visits.flatMap((v) =>
    v.actions.map(
      (a) =>
        `${cell(`${v.place} (${v.visitedOn})`)}${cell(a.text)}${cell(a.ownerName)}${cell(shortDual(a.dueDate))}${cell(
          actionStatusNames[actionStatus(a)],
        )}${cell(shortDual(a.doneAt))}`,
    ),
  );
  const body = `${table(
    "الزيارات الميدانية في المدة",
    ["التاريخ", "النوع", "المكان", "سجّلها", "المشاركون", "الملاحظات", "إجراءات المتابعة"],
    visits.map(
      (v) =>
        `${cell(shortDual(v.visitedOn))}${cell(fieldVisitKindNames[v.kind as keyof typeof fieldVisitKindNames] ?? v.kind)}${cell(
          v.place,
        )}${cell(v.recordedByName)}${cell(v.participants.join("، "))}${cell(v.findings)}${cell(number(v.actions.length))}`,
    ),
    "لم تُسجّل زيارات ميدانية في هذه المدة.",
  )}
${visits.length ? table("إجراءات المتابعة", ["الزيارة", "الإجراء", "المسؤول", "موعد الإنجاز", "الحالة", "تاريخ الإنجاز"], actions, "لم تُحدَّد إجراءات متابعة للزيارات.") : ""}`;
  return { id: "fieldwork", title: "الزيارات الميدانية وإجراءات المتابعة", body };
}

export function evidenceSectionsHtml(data: EvidenceData): EvidenceSectionHtml[] {
  return [
    policySection(data),
    acknowledgementsSection(data),
    complianceSection(data),
    complaintsSection(data),
    compensationSection(data),
    satisfactionSection(data.satisfaction),
    fieldworkSection(data),
  ];
}

const styles = `
@page { size: A4; margin-block: 16mm 20mm; margin-inline: 14mm; }
* { box-sizing: border-box; }
html { font-family: "IBM Plex Sans Arabic", "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Traditional Arabic", Tahoma, sans-serif; font-size: 10.5pt; line-height: 1.7; color: #1a1a1a; }
body { margin: 0; }
header.cover { border-block-end: 3px double #2f5d50; padding-block-end: 0.75rem; margin-block-end: 1.25rem; }
header.cover .name { font-size: 1.4rem; font-weight: 700; color: #2f5d50; margin: 0; }
header.cover .meta { margin: 0; }
h1 { text-align: center; font-size: 1.6rem; margin-block: 1rem 0.25rem; color: #2f5d50; }
.period { text-align: center; margin-block: 0.25rem; }
.generated { text-align: center; color: #555; font-size: 0.9rem; }
nav.toc { border: 1px solid #c9d6d1; padding-block: 0.5rem; padding-inline: 1rem; margin-block: 1rem; break-after: page; }
nav.toc h2 { margin-block: 0 0.5rem; border: 0; }
nav.toc ol { margin: 0; padding-inline-start: 1.5rem; list-style-type: arabic-indic; }
nav.toc a { color: inherit; text-decoration: none; }
section { margin-block-end: 1.25rem; }
section + section { break-before: page; }
h2 { font-size: 1.25rem; color: #2f5d50; border-block-end: 1px solid #c9d6d1; padding-block-end: 0.2rem; break-after: avoid; }
h3 { font-size: 1.05rem; color: #2f5d50; break-after: avoid; }
table { inline-size: 100%; border-collapse: collapse; margin-block: 0.5rem 1rem; font-size: 0.92rem; }
caption { text-align: start; font-weight: 700; margin-block-end: 0.25rem; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #7a8f88; padding-block: 0.25rem; padding-inline: 0.4rem; text-align: start; vertical-align: top; }
th { background: #eef3f1; }
.empty { color: #555; font-style: italic; }
`;

/** Chromium's footer on every page: «صفحة ٣ من ١٢». Its own styles: the page's do not reach it. */
export const evidenceFooter = `<div dir="rtl" style="inline-size:100%;text-align:center;font-size:9px;font-family:'Noto Naskh Arabic','Noto Sans Arabic',sans-serif;color:#555">صفحة <span class="pageNumber"></span> من <span class="totalPages"></span></div>`;

export function renderEvidenceDocument(data: EvidenceData): string {
  const sections = evidenceSectionsHtml(data);
  const title = "حزمة أدلة تقييم الحوكمة";
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("\n");
  const body = sections
    .map((s) => `<section id="${s.id}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — ${escapeHtml(data.association.nameAr)}</title>
<style>${printFontFaces()}
${styles}</style>
</head>
<body>
<header class="cover">
<p class="name">${escapeHtml(data.association.nameAr)}</p>
${data.association.licenseNumber ? `<p class="meta">مسجلة برقم ترخيص (${escapeHtml(data.association.licenseNumber)})</p>` : ""}
</header>
<h1>${escapeHtml(title)}</h1>
<p class="period">المدة من ${escapeHtml(longDual(data.period.from))} إلى ${escapeHtml(longDual(data.period.to))}</p>
<p class="generated">أُعدّت في ${escapeHtml(formatDual(data.generatedAt, "ar"))} بطلب من ${escapeHtml(data.requestedBy)}.</p>
<nav class="toc" aria-label="المحتويات">
<h2>المحتويات</h2>
<ol>
${toc}
</ol>
</nav>
<main>
${body}
</main>
</body>
</html>
`;
}
