import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docx as wordFile } from "../../test/zip.js";
import { run } from "./policy.js";

const dir = mkdtempSync(join(tmpdir(), "silah-policy-import-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function call(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const policyText = [
  "جمعية البر الخيرية بالعلا - ترخيص رقم (345)",
  "القنوات المستخدمة للتواصل مع المستفيدين:",
  "1- المقابلة",
  "2- الاتصالات الهاتفية",
  "3- الفاكس",
  "ويتم التعامل مع المستفيد لإنهاء معاملته بالشكل التالي:",
  "- استقبال المستفيد بلباقة.",
  "- في حالة عدم وضوح الإجراءات فعلى الموظف إحالته للباحث الاجتماعي للإجابة على تساؤلاته.",
  "- الرد على الطلب خلال مدة لا تقل عن شهر.",
  "اعتمد مجلس الإدارة هذه السياسة في الاجتماع (الثالث) في دورته (الخامسة) بتاريخ 1445/07/10هـ",
].join("\n");

const expected = {
  association: { name: "جمعية البر الخيرية بالعلا", licenseNumber: "345" },
  channels: ["interview", "phone", "fax"],
  officerTools: [],
  handlingSteps: [
    "استقبال المستفيد بلباقة.",
    "في حالة عدم وضوح الإجراءات فعلى الموظف إحالته للباحث الاجتماعي للإجابة على تساؤلاته.",
    "الرد على الطلب خلال مدة لا تقل عن شهر.",
  ],
  referralRole: "الباحث الاجتماعي",
  responsePeriod: { value: 1, unit: "months", bound: "min", startsAt: "submission" },
  sections: {
    compensation: false,
    complaints: false,
    privacy: false,
    liaisonOfficer: false,
    staffAcknowledgement: false,
  },
  satisfactionMethods: [],
  boardApproval: { hijriDate: "1445-07-10", meeting: "3", term: "5", members: [] },
};

// ---------------------------------------------------------------------------------------------
// A minimal .docx: a zip holding word/document.xml, deflated (server/test/zip.ts).

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const paragraph = (text: string, list = false) =>
  `<w:p>${list ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ""}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
const tableRow = (...cells: string[]) =>
  `<w:tr>${cells.map((c) => `<w:tc>${paragraph(c)}</w:tc>`).join("")}</w:tr>`;

function docx(): Buffer {
  const body = [
    paragraph("جمعية البر الخيرية بالعلا - ترخيص رقم (345)"),
    paragraph("القنوات المستخدمة للتواصل مع المستفيدين:"),
    paragraph("المقابلة", true),
    paragraph("الاتصالات الهاتفية", true),
    paragraph("الفاكس", true),
    paragraph("ويتم التعامل مع المستفيد لإنهاء معاملته بالشكل التالي:"),
    paragraph("استقبال المستفيد بلباقة.", true),
    paragraph("في حالة عدم وضوح الإجراءات فعلى الموظف إحالته للباحث الاجتماعي للإجابة على تساؤلاته.", true),
    paragraph("الرد على الطلب خلال مدة لا تقل عن شهر.", true),
    paragraph("اعتمد مجلس الإدارة هذه السياسة في الاجتماع (الثالث) في دورته (الخامسة) بتاريخ 1445/07/10هـ"),
    `<w:tbl>${tableRow("م", "الاسم", "المنصب")}${tableRow("1", "سالم بن علي العمري", "رئيس المجلس")}</w:tbl>`,
  ].join("");
  return wordFile(body);
}

describe("silah policy import", () => {
  it("prints exactly the imported JSON with --json", async () => {
    const file = join(dir, "policy.txt");
    writeFileSync(file, policyText, "utf8");
    const result = await call("import", file, "--json");
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toHaveLength(1);
    expect(JSON.parse(result.out[0]!)).toEqual(expected);
    expect(result.out[0]).toBe(JSON.stringify(expected, null, 2));
  });

  it("prints a readable summary, naming channels in Arabic and the absent sections", async () => {
    const file = join(dir, "summary.txt");
    writeFileSync(file, policyText, "utf8");
    const result = await call("import", file);
    expect(result.code).toBe(0);
    const text = result.out.join("\n");
    expect(text).toContain("جمعية البر الخيرية بالعلا");
    expect(text).toContain("المقابلة الشخصية — In-person interview [interview]");
    expect(text).toContain("الفاكس — Fax [fax]");
    expect(text).toContain("3. الرد على الطلب خلال مدة لا تقل عن شهر.");
    expect(text).toContain("لا تقل عن 1 شهر من تقديم الطلب — at least 1 months from submission");
    expect(text).toContain("1445-07-10");
    expect(text).toMatch(/Sections absent: .*تعويض المستفيدين — compensation/);
  });

  it("reads a Word (.docx) file: list paragraphs as items, tables as rows", async () => {
    const file = join(dir, "policy.docx");
    writeFileSync(file, docx());
    const result = await call("import", file, "--json");
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0]!)).toEqual({
      ...expected,
      boardApproval: {
        ...expected.boardApproval,
        members: [{ name: "سالم بن علي العمري", position: "رئيس المجلس" }],
      },
    });
  });

  it("refuses a PDF with a clear message, since no PDF text extractor is installed", async () => {
    const file = join(dir, "policy.pdf");
    writeFileSync(file, "%PDF-1.4");
    const result = await call("import", file, "--json");
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err.join("\n")).toContain("PDF is not supported");
  });

  it("refuses unknown file types, missing files, damaged .docx and missing arguments", async () => {
    const odt = join(dir, "policy.odt");
    writeFileSync(odt, "x");
    expect((await call("import", odt)).err.join("\n")).toContain("unknown file type");
    expect((await call("import", odt)).code).toBe(2);

    const missing = await call("import", join(dir, "nowhere.txt"));
    expect(missing.code).toBe(2);
    expect(missing.err.join("\n")).toContain("file not found");

    const broken = join(dir, "broken.docx");
    writeFileSync(broken, "not a zip at all, just some text long enough to search");
    const damaged = await call("import", broken);
    expect(damaged.code).toBe(2);
    expect(damaged.err.join("\n")).toContain("not a valid .docx");

    expect((await call("import")).code).toBe(2);
    expect((await call()).code).toBe(2);
    expect((await call("export", "x.txt")).code).toBe(2);
  });
});
