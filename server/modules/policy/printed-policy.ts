import { IntlMessageFormat } from "intl-messageformat";
import { channelNames } from "../../../shared/contracts/channels.js";
import {
  type BoardMember,
  boardSignatureNames,
  officerToolNames,
  type PolicyContent,
  satisfactionMethodNames,
} from "../../../shared/contracts/policy.js";
import {
  formatGregorianLong,
  formatHijri,
  parseIsoDate,
  type ResponsePeriodRule,
  splitIsoDate,
  toArabicIndicDigits,
} from "../../../shared/domain/index.js";
import { printFontFaces } from "../../lib/print-fonts.js";

/**
 * The approved policy as the association's official Arabic document (SPEC P4): one self-contained
 * HTML page (no external resources, logical CSS properties only) that prints from the browser and
 * renders to PDF in headless Chromium.
 */

export type PrintedPolicyInput = {
  association: { nameAr: string; licenseNumber: string | null; supervisingAuthority: string | null };
  status: "draft" | "approved" | "superseded";
  versionNumber: number | null;
  content: PolicyContent;
  approval: {
    meetingNumber: string;
    term: string;
    hijriDate: string;
    approvedOn: string;
    chair: string;
    members: BoardMember[];
    resolution: string;
  } | null;
};

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

// ICU plurals (intl-messageformat): Arabic agrees the noun with 0, 1, 2, 3–10, 11–99 and 100+.
const unitMessages: Record<ResponsePeriodRule["unit"], IntlMessageFormat> = Object.fromEntries(
  Object.entries({
    days: "{n, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}",
    working_days:
      "{n, plural, zero {# يوم عمل} one {يوم عمل واحد} two {يومي عمل} few {# أيام عمل} many {# يوم عمل} other {# يوم عمل}}",
    weeks:
      "{n, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعين} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}}",
    months: "{n, plural, zero {# شهر} one {شهر واحد} two {شهرين} few {# أشهر} many {# شهرًا} other {# شهر}}",
  }).map(([unit, message]) => [unit, new IntlMessageFormat(message, "ar-SA")]),
) as Record<ResponsePeriodRule["unit"], IntlMessageFormat>;

/** «مدة لا تقل عن أسبوعين من تاريخ تقديم الطلب» — the rule in the words the policies use. */
export function responsePeriodText(rule: ResponsePeriodRule): string {
  const amount = String(unitMessages[rule.unit].format({ n: rule.value }));
  const bound = { min: "لا تقل عن", max: "أقصاها", target: "في حدود" }[rule.bound];
  const start = { submission: "من تاريخ تقديم الطلب", completion: "من تاريخ اكتمال الطلب" }[rule.startsAt];
  return `مدة ${bound} ${amount} ${start}`;
}

/** `1441-03-02` → «٢ ربيع الأول ١٤٤١هـ». */
export function hijriText(iso: string): string {
  const parts = splitIsoDate(iso);
  return parts ? formatHijri(parts, { style: "long", digits: "arab" }) : iso;
}

function gregorianText(iso: string): string {
  return `${toArabicIndicDigits(formatGregorianLong(parseIsoDate(iso), "ar"))}م`;
}

type Section = { id: string; title: string; body: string };

const paragraphs = (text: string) =>
  text
    .split(/\n{1,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("\n");

const bullets = (items: readonly string[], ordered = false) =>
  items.length === 0
    ? ""
    : `<${ordered ? "ol" : "ul"}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${ordered ? "ol" : "ul"}>`;

function sectionsOf(content: PolicyContent): Section[] {
  const handling = [
    bullets(content.handlingSteps, true),
    content.referralRole
      ? `<p>عند عدم وضوح الإجراء للمستفيد يُحال إلى: <strong>${escapeHtml(content.referralRole)}</strong>.</p>`
      : "",
    content.responsePeriod
      ? `<p>يُبلَّغ المستفيد بالقبول أو الرفض خلال ${escapeHtml(responsePeriodText(content.responsePeriod))}.</p>`
      : "",
  ].join("\n");
  const all: Section[] = [
    { id: "preamble", title: "المقدمة", body: paragraphs(content.preamble) },
    { id: "general-goal", title: "الهدف العام", body: paragraphs(content.generalGoal) },
    { id: "detailed-goals", title: "الأهداف التفصيلية", body: bullets(content.detailedGoals, true) },
    {
      id: "channels",
      title: "قنوات التواصل مع المستفيدين",
      body: bullets(
        content.channels.map((c) => channelNames[c].ar),
        true,
      ),
    },
    {
      id: "officer-tools",
      title: "الأدوات المتاحة لموظف علاقات المستفيدين",
      body: bullets(content.officerTools.map((t) => officerToolNames[t].ar)),
    },
    { id: "handling", title: "التعامل مع المستفيد لإنهاء معاملته", body: handling.trim() },
    { id: "committees", title: "اللجان", body: paragraphs(content.committees) },
    { id: "compensation", title: "تعويض المستفيدين", body: paragraphs(content.compensation ?? "") },
    {
      id: "complaints",
      title: "استقبال الشكاوى والخلافات وتسويتها",
      body: paragraphs(content.complaints ?? ""),
    },
    { id: "privacy", title: "الخصوصية وسرية بيانات المستفيدين", body: paragraphs(content.privacy ?? "") },
    { id: "liaison", title: "ضباط الاتصال", body: paragraphs(content.liaisonOfficers) },
    {
      id: "satisfaction",
      title: "قياس رضا المستفيدين",
      body: bullets(content.satisfactionMethods.map((m) => satisfactionMethodNames[m].ar)),
    },
    { id: "responsibilities", title: "المسؤوليات", body: paragraphs(content.responsibilities) },
  ];
  return all.filter((s) => s.body !== "");
}

function approvalBlock(approval: NonNullable<PrintedPolicyInput["approval"]>): string {
  const rows = approval.members
    .map(
      (m, i) =>
        `<tr><td>${toArabicIndicDigits(String(i + 1))}</td><td>${escapeHtml(m.name)}</td><td>${escapeHtml(m.position)}</td><td>${escapeHtml(boardSignatureNames[m.signature.kind].ar)}</td></tr>`,
    )
    .join("\n");
  return `
<p>اعتمد مجلس إدارة الجمعية هذه السياسة في اجتماعه رقم (${escapeHtml(approval.meetingNumber)}) من الدورة (${escapeHtml(approval.term)})
المنعقد بتاريخ <span class="date">${escapeHtml(hijriText(approval.hijriDate))}</span>
الموافق <span class="date">${escapeHtml(gregorianText(approval.approvedOn))}</span>.</p>
<p class="resolution"><strong>نص القرار:</strong> ${escapeHtml(approval.resolution)}</p>
<p><strong>رئيس مجلس الإدارة:</strong> ${escapeHtml(approval.chair)}</p>
<table class="members">
<caption>أعضاء مجلس الإدارة الحاضرون</caption>
<thead><tr><th>م</th><th>الاسم</th><th>المنصب</th><th>التوقيع</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

const styles = `
@page { size: A4; margin-block: 18mm; margin-inline: 16mm; }
* { box-sizing: border-box; }
html { font-family: "IBM Plex Sans Arabic", "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Traditional Arabic", Tahoma, sans-serif; font-size: 12pt; line-height: 1.8; color: #1a1a1a; }
body { margin: 0; padding-block: 1rem; padding-inline: 1.25rem; }
header.letterhead { display: flex; justify-content: space-between; align-items: flex-start; border-block-end: 3px double #2f5d50; padding-block-end: 0.75rem; margin-block-end: 1.5rem; }
header.letterhead .name { font-size: 1.4rem; font-weight: 700; color: #2f5d50; margin: 0; }
header.letterhead .meta { margin: 0; font-size: 0.95rem; }
header.letterhead .version { text-align: end; font-size: 0.95rem; }
h1 { text-align: center; font-size: 1.6rem; margin-block: 1rem 0.25rem; color: #2f5d50; }
.subtitle { text-align: center; margin-block-start: 0; color: #555; }
.draft { border: 2px dashed #b3261e; color: #b3261e; text-align: center; padding: 0.5rem; font-weight: 700; }
nav.toc { border: 1px solid #c9d6d1; padding-block: 0.5rem; padding-inline: 1rem; margin-block: 1rem 2rem; break-after: page; }
nav.toc h2 { margin-block: 0 0.5rem; border: 0; }
nav.toc ol { margin: 0; padding-inline-start: 1.5rem; }
nav.toc a { color: inherit; text-decoration: none; }
section { margin-block-end: 1.25rem; }
h2 { font-size: 1.2rem; color: #2f5d50; border-block-end: 1px solid #c9d6d1; padding-block-end: 0.2rem; break-after: avoid; }
ol, ul { padding-inline-start: 1.75rem; }
ol { list-style-type: arabic-indic; }
li { margin-block-end: 0.25rem; }
section.approval { break-inside: avoid; border: 1px solid #2f5d50; padding-block: 0.5rem 1rem; padding-inline: 1rem; }
table.members { inline-size: 100%; border-collapse: collapse; margin-block-start: 0.75rem; }
table.members caption { text-align: start; font-weight: 700; margin-block-end: 0.25rem; }
table.members th, table.members td { border: 1px solid #7a8f88; padding-block: 0.35rem; padding-inline: 0.5rem; text-align: start; }
table.members th { background: #eef3f1; }
table.members td:first-child, table.members th:first-child { inline-size: 2.5rem; text-align: center; }
.date { white-space: nowrap; }
@media print { body { padding: 0; } a { color: inherit; } }
`;

export function renderPrintedPolicy(input: PrintedPolicyInput): string {
  const { association, content, approval } = input;
  const sections = sectionsOf(content);
  if (approval) {
    sections.push({ id: "board-approval", title: "اعتماد مجلس الإدارة", body: approvalBlock(approval) });
  }
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("\n");
  const body = sections
    .map(
      (s) =>
        `<section id="${s.id}"${s.id === "board-approval" ? ' class="approval"' : ""}>\n<h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`,
    )
    .join("\n");
  const meta = [
    association.licenseNumber ? `مسجلة برقم ترخيص (${escapeHtml(association.licenseNumber)})` : "",
    association.supervisingAuthority ? `الجهة المشرفة: ${escapeHtml(association.supervisingAuthority)}` : "",
  ]
    .filter(Boolean)
    .map((m) => `<p class="meta">${m}</p>`)
    .join("\n");
  const version =
    input.versionNumber === null ? "مسودة" : `الإصدار ${toArabicIndicDigits(String(input.versionNumber))}`;
  const title = "سياسة تنظيم العلاقة مع المستفيدين وتقديم الخدمات لهم";
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — ${escapeHtml(association.nameAr)}</title>
<style>${printFontFaces()}
${styles}</style>
</head>
<body>
<header class="letterhead">
<div>
<p class="name">${escapeHtml(association.nameAr)}</p>
${meta}
</div>
<div class="version">${escapeHtml(version)}${input.status === "superseded" ? "<br>(إصدار سابق)" : ""}</div>
</header>
${input.status === "draft" ? '<p class="draft">مسودة غير معتمدة من مجلس الإدارة</p>' : ""}
<h1>${escapeHtml(title)}</h1>
<p class="subtitle">${escapeHtml(association.nameAr)}</p>
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
