import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { channelNames } from "../../../shared/contracts/channels.js";
import { DocxError, docxToText } from "../../modules/policy/import/docx-text.js";
import {
  type ImportedPolicy,
  type ImportedPolicySections,
  importPolicyText,
} from "../../modules/policy/import/policy-import.js";
import type { CliIo } from "../io.js";

const usage = `usage:
  silah policy import <FILE> [--json]   read an existing policy (.txt UTF-8 or .docx) into a draft`;

const toolNames: Record<ImportedPolicy["officerTools"][number], string> = {
  bylaws: "اللائحة الأساسية — bylaws",
  social_research_guide: "دليل خدمات البحث الاجتماعي — social research guide",
  support_policy_guide: "دليل سياسة الدعم للمستفيدين — support policy guide",
  support_request_form: "طلب دعم مستفيد — support request form",
  aid_disbursement_policy: "سياسة صرف المساعدات — aid disbursement policy",
  charity_work_policies: "سياسات العمل الخيري — charity work policies",
  official_regulations: "التعليمات والأنظمة من الجهات الرسمية — official regulations",
  partners_policy: "سياسة التعامل مع الشركاء المنفذين — implementing partners policy",
  volunteer_policy: "سياسة إدارة التطوع — volunteer management policy",
  service_request_form: "نموذج طلب خدمة — service request form",
};

const methodNames: Record<ImportedPolicy["satisfactionMethods"][number], string> = {
  periodic_survey: "استبانة قياس الرضا — periodic survey",
  field_survey: "المسح الميداني — field survey",
  supervisory_visits: "الزيارات الإشرافية — supervisory visits",
  interviews: "المقابلات — interviews",
  management_followup: "متابعة الإدارة العليا — senior management follow-up",
  liaison_supervision: "الإشراف على ضباط الاتصال — liaison officer supervision",
};

const sectionNames: Record<keyof ImportedPolicySections, string> = {
  compensation: "تعويض المستفيدين — compensation",
  complaints: "الشكاوى والخلافات — complaints and disputes",
  privacy: "الخصوصية وسرية البيانات — privacy",
  liaisonOfficer: "ضابط الاتصال — liaison officer",
  staffAcknowledgement: "اطلاع الموظفين وتوقيعهم — staff acknowledgement",
};

const unitNames = {
  days: ["يوم", "days"],
  working_days: ["يوم عمل", "working days"],
  weeks: ["أسبوع", "weeks"],
  months: ["شهر", "months"],
} as const;
const boundNames = {
  min: ["لا تقل عن", "at least"],
  max: ["لا تزيد عن", "at most"],
  target: ["في حدود", "about"],
} as const;
const startNames = {
  submission: ["من تقديم الطلب", "from submission"],
  completion: ["من اكتمال الطلب", "from completion"],
} as const;

function summary(policy: ImportedPolicy, io: CliIo): void {
  const none = "— (لم يُعثر عليه / not found)";
  io.out(`الجمعية / Association: ${policy.association.name ?? none}`);
  io.out(`رقم الترخيص / License: ${policy.association.licenseNumber ?? none}`);

  io.out(`قنوات التواصل / Channels (${policy.channels.length}):`);
  for (const code of policy.channels)
    io.out(`  - ${channelNames[code].ar} — ${channelNames[code].en} [${code}]`);

  io.out(`أدوات الموظف / Officer tools (${policy.officerTools.length}):`);
  for (const code of policy.officerTools) io.out(`  - ${toolNames[code]} [${code}]`);

  io.out(`خطوات التعامل / Handling steps (${policy.handlingSteps.length}):`);
  policy.handlingSteps.forEach((step, i) => {
    io.out(`  ${i + 1}. ${step}`);
  });
  io.out(`جهة الإحالة / Referral role: ${policy.referralRole ?? none}`);

  const period = policy.responsePeriod;
  io.out(
    period
      ? `مدة الرد / Response period: ${boundNames[period.bound][0]} ${period.value} ${unitNames[period.unit][0]} ${startNames[period.startsAt][0]} — ${boundNames[period.bound][1]} ${period.value} ${unitNames[period.unit][1]} ${startNames[period.startsAt][1]}`
      : `مدة الرد / Response period: ${none}`,
  );

  io.out(`طرق قياس الرضا / Satisfaction methods (${policy.satisfactionMethods.length}):`);
  for (const code of policy.satisfactionMethods) io.out(`  - ${methodNames[code]} [${code}]`);

  const approval = policy.boardApproval;
  if (approval) {
    io.out("اعتماد مجلس الإدارة / Board approval:");
    io.out(`  التاريخ الهجري / Hijri date: ${approval.hijriDate ?? none}`);
    io.out(`  الاجتماع / Meeting: ${approval.meeting ?? none}`);
    io.out(`  الدورة / Term: ${approval.term ?? none}`);
    io.out(`  الأعضاء / Members (${approval.members.length}):`);
    for (const member of approval.members) io.out(`    - ${member.name} — ${member.position}`);
  } else {
    io.out(`اعتماد مجلس الإدارة / Board approval: ${none}`);
  }

  const entries = Object.entries(policy.sections) as [keyof ImportedPolicySections, boolean][];
  const present = entries.filter(([, found]) => found).map(([key]) => sectionNames[key]);
  const absent = entries.filter(([, found]) => !found).map(([key]) => sectionNames[key]);
  io.out(`أقسام موجودة / Sections present: ${present.length > 0 ? present.join("، ") : "—"}`);
  io.out(`أقسام غير موجودة / Sections absent: ${absent.length > 0 ? absent.join("، ") : "—"}`);
}

async function readPolicyFile(path: string, io: CliIo): Promise<string | null> {
  const extension = extname(path).toLowerCase();
  if (extension === ".pdf") {
    io.err(
      "policy import: ملفات PDF غير مدعومة بعد؛ احفظ السياسة نصًّا (.txt) أو ملف Word (.docx). / PDF is not supported yet (no PDF text extractor is installed); save the policy as .txt or .docx.",
    );
    return null;
  }
  if (extension !== ".txt" && extension !== ".docx" && extension !== ".text") {
    io.err(
      `policy import: نوع الملف «${extension || "بلا امتداد"}» غير معروف؛ المقبول .txt أو .docx / unknown file type "${extension || "(none)"}": use .txt (UTF-8) or .docx`,
    );
    return null;
  }
  let content: Buffer;
  try {
    content = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(
      code === "ENOENT"
        ? `policy import: الملف غير موجود / file not found: ${path}`
        : `policy import: تعذّرت قراءة الملف / cannot read ${path} (${code ?? "error"})`,
    );
    return null;
  }
  if (extension === ".docx") {
    try {
      return await docxToText(content);
    } catch (error) {
      // A truncated archive surfaces as a RangeError from Buffer reads or a zlib error.
      const reason = error instanceof DocxError || error instanceof Error ? error.message : String(error);
      io.err(`policy import: ليس ملف Word صالحًا / not a valid .docx file: ${reason}`);
      return null;
    }
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(content);
  if (text.includes("\uFFFD")) {
    io.err("policy import: الملف ليس نصًّا بترميز UTF-8 / the file is not UTF-8 text");
    return null;
  }
  return text.replace(/^\uFEFF/, "");
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { json: { type: "boolean" } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    io.err(`policy import: ${(error as Error).message}`);
    io.err(usage);
    return 2;
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length > 0) {
    io.err("policy import: expected exactly one FILE");
    io.err(usage);
    return 2;
  }
  const text = await readPolicyFile(path, io);
  if (text === null) return 2;
  const policy = importPolicyText(text);
  if (parsed.values.json) io.out(JSON.stringify(policy, null, 2));
  else summary(policy, io);
  return 0;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "import") return importCommand(rest, io);
  io.err(sub ? `policy: unknown subcommand "${sub}"` : "policy: expected a subcommand");
  io.err(usage);
  return 2;
}
