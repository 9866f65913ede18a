import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPdfRenderer, type PdfRenderer, PdfUnavailableError, systemChromium } from "../../lib/pdf.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { evidenceSheetNames } from "./evidence.workbook.js";

/**
 * The evidence pack for the governance assessment (G7, P2, P3; issue 12): for a month with an
 * approved policy, signatures, a settled complaint, a paid compensation with its ruling, and a
 * field visit with its follow-up action, one PDF and one workbook that hold each of them.
 *
 * Chromium is the one third party here: the suite hands the app a renderer that keeps the HTML it
 * is given and answers a PDF header, and one test renders through the real system Chromium.
 */

const rendered: string[] = [];
let failRendering = false;
const recordingRenderer: PdfRenderer = {
  async render(html) {
    rendered.push(html);
    if (failRendering) throw new PdfUnavailableError("no browser in this test");
    return Buffer.from(`%PDF-1.7\n% evidence pack of ${html.length} characters\n%%EOF\n`);
  },
  async close() {},
};

let h: Harness;
let associationId: string;
let manager: Client;
let managerName: string;
let officer: Client;
let officerName: string;
let boardMember: Client;
let other: Client;
const period = { from: "2026-04-01", to: "2026-04-30" };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function sign(client: Client, fullName: string) {
  const current = await ok(await client.request("GET", "/api/policy/current"));
  await ok(
    await client.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: fullName,
    }),
  );
}

/** Requests a pack, runs the queue as the worker would, and returns the pack as the page polls it. */
async function makePack(client: Client, body: unknown = period) {
  const queued = await ok(await client.request("POST", "/api/evidence-packs", body), 202);
  expect(queued.status).toBe("queued");
  const started = performance.now();
  await h.queue.drain();
  const ms = performance.now() - started;
  return { pack: await ok(await client.request("GET", `/api/evidence-packs/${queued.id}`)), ms };
}

async function download(client: Client, fileId: string) {
  const response = await client.request("GET", `/api/files/${fileId}`);
  return response;
}

beforeAll(async () => {
  h = await createHarness({}, { pdf: recordingRenderer });
  // Thursday 16 April 2026, 09:00 in Riyadh.
  h.clock.set("2026-04-16T06:00:00.000Z");
  const a = await createAssociation(h, "evidence-a");
  associationId = a.id;
  const managerUser = await createUser(h, a.id, ["manager"], "مديرة الجمعية");
  managerName = managerUser.fullName;
  const officerUser = await createUser(h, a.id, ["officer"], "موظف الاستقبال");
  officerName = officerUser.fullName;
  const adminUser = await createUser(h, a.id, ["administrator"], "مسؤول النظام");
  const boardUser = await createUser(h, a.id, ["board_member"], "عضو المجلس");
  await createUser(h, a.id, ["hr"], "موظفة لم توقّع");
  const admin = await signIn(h, adminUser.email);
  manager = await signIn(h, managerUser.email);
  officer = await signIn(h, officerUser.email);
  boardMember = await signIn(h, boardUser.email);

  // The policy, approved by the board on 1 Shawwal 1447 (20 March 2026), and signed in April.
  h.clock.set("2026-04-02T06:00:00.000Z");
  const draft = await ok(
    await admin.request("POST", "/api/policy/drafts", {
      preamble: "مقدمة السياسة",
      channels: ["phone", "interview"],
      handlingSteps: ["استقبال المستفيد"],
      responsePeriod: { value: 10, unit: "working_days", bound: "max", startsAt: "completion" },
    }),
    201,
  );
  await ok(
    await admin.request("POST", `/api/policy/drafts/${draft.id}/approve`, {
      meetingNumber: "12",
      term: "الرابعة",
      hijriDate: "1447-10-01",
      chair: "رئيس المجلس عبدالله",
      members: [{ name: "عضو المجلس سارة", position: "أمينة الصندوق", signature: { kind: "recorded" } }],
      resolution: "اعتماد سياسة تنظيم العلاقة مع المستفيدين",
    }),
  );
  h.clock.set("2026-04-05T06:00:00.000Z");
  await sign(admin, adminUser.fullName);
  await sign(manager, managerName);
  await sign(officer, officerName);
  await sign(boardMember, boardUser.fullName);

  // A complaint settled amicably in April.
  h.clock.set("2026-04-06T06:00:00.000Z");
  await ok(
    await manager.request("POST", "/api/complaints", {
      channel: "phone",
      category: "delay",
      subject: "تأخر صرف المساعدة",
      details: "تفاصيل لا تُطبع في الحزمة",
      name: "مشتكٍ لا يظهر اسمه",
    }),
    201,
  );
  const complaint = (await ok(await manager.request("GET", "/api/complaints?status=all"))).items[0];
  await ok(
    await manager.request("POST", `/api/complaints/${complaint.id}/close`, {
      outcome: "amicable_settlement",
      note: "اتفق الطرفان",
      settlementTerms: "صرف المساعدة خلال أسبوع مع الاعتذار",
      complainantAccepted: true,
    }),
  );

  // A compensation claim proven by a ruling (its file named in the pack), approved and paid.
  const ruling = await ok(
    await manager.request(
      "POST",
      `/api/files?name=${encodeURIComponent("حكم المحكمة.pdf")}`,
      Buffer.from("%PDF-1.4 ruling"),
      {
        contentType: "application/pdf",
      },
    ),
    201,
  );
  const claim = await ok(
    await manager.request("POST", "/api/compensation-claims", {
      claimantName: "مطالب بالتعويض",
      description: "ضرر لا يُطبع في الحزمة",
      complaintId: complaint.id,
    }),
    201,
  );
  await ok(
    await manager.request("POST", `/api/compensation-claims/${claim.id}/proof`, {
      kind: "judicial_ruling",
      number: "4471",
      date: "2026-04-01",
      authority: "المحكمة العامة بالرياض",
      fileId: ruling.id,
    }),
  );
  await ok(await manager.request("POST", `/api/compensation-claims/${claim.id}/approve`, { amount: 150000 }));
  await ok(
    await manager.request("POST", `/api/compensation-claims/${claim.id}/payments`, {
      amount: 150000,
      reference: "TRF-7781",
    }),
  );

  // A supervisory visit with a follow-up action.
  await ok(
    await manager.request("POST", "/api/field/visits", {
      kind: "supervisory_visit",
      visitedOn: "2026-04-06",
      place: "مكتب حي النسيم",
      observations: "لوحة القنوات غير معلقة",
      actions: [{ text: "تعليق لوحة قنوات التواصل", ownerId: officerUser.id, dueInWorkingDays: 3 }],
    }),
    201,
  );

  h.clock.set("2026-04-16T06:00:00.000Z");
  const b = await createAssociation(h, "evidence-b");
  other = await signIn(h, (await createUser(h, b.id, ["manager"], "مدير جمعية أخرى")).email);
});
afterAll(() => h?.close());

describe("the evidence pack for a month (G7)", () => {
  let pack: Awaited<ReturnType<typeof makePack>>["pack"];

  it("is made in the background to 100% and lists who asked and when", async () => {
    const made = await makePack(manager);
    pack = made.pack;
    console.info(
      `one evidence pack (April 2026, demo-like data, recording renderer): ${Math.round(made.ms)} ms`,
    );
    expect(pack.status).toBe("done");
    expect(pack.progress.percent).toBe(100);
    expect(pack.failure).toBeNull();
    expect(pack.requestedBy.fullName).toBe(managerName);
    expect(pack.from).toBe(period.from);
    expect(pack.pdf.name).toMatch(/\.pdf$/);
    expect(pack.workbook.name).toMatch(/\.xlsx$/);
    const list = await ok(await manager.request("GET", "/api/evidence-packs"));
    expect(list.items.map((p: { id: string }) => p.id)).toContain(pack.id);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["evidence_pack.requested", "evidence_pack.generated"]),
    );
  });

  it("prints one Arabic document with every section, the period in both calendars and repeated table headers", async () => {
    const html = rendered.at(-1)!;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("size: A4");
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain("المحتويات");
    for (const title of [
      "السياسة المعتمدة واعتماد مجلس الإدارة",
      "اطلاع الموظفين على السياسة وتوقيعهم",
      "الالتزام بمهلة الرد",
      "سجل الشكاوى ونتائجها والتسويات الودية",
      "قرارات التعويض وإثباتاتها",
      "قياس رضا المستفيدين",
      "الزيارات الميدانية وإجراءات المتابعة",
    ])
      expect(html).toContain(title);
    // 1 and 30 April 2026 are 13 Shawwal and 13 Dhu al-Qa'dah 1447.
    expect(html).toContain("١٣ شوال ١٤٤٧هـ");
    expect(html).toContain("رئيس المجلس عبدالله");
    expect(html).toContain(officerName);
    expect(html).toContain("صرف المساعدة خلال أسبوع مع الاعتذار");
    expect(html).toContain("حكم المحكمة.pdf");
    expect(html).toContain("تعليق لوحة قنوات التواصل");
    // No survey module is wired in: the section says so and shows no figure.
    expect(html).toContain("لا توجد إجابات على استبيانات رضا المستفيدين في هذه المدة.");
    // The complainant and the harm stay out of the pack.
    expect(html).not.toContain("مشتكٍ لا يظهر اسمه");
    expect(html).not.toContain("ضرر لا يُطبع في الحزمة");
    expect(html).not.toContain("تفاصيل لا تُطبع في الحزمة");
  });

  it("keeps a PDF and a workbook with one right-to-left sheet per section, downloaded and logged like any file", async () => {
    const pdf = await download(manager, pack.pdf.id);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const xlsx = await download(manager, pack.workbook.id);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(evidenceSheetNames));
    const rows = (name: string) => {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.views[0]?.rightToLeft).toBe(true);
      const values: string[][] = [];
      sheet.eachRow((row) => {
        values.push(
          (row.values as unknown[])
            .slice(1)
            .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ""))),
        );
      });
      return values;
    };
    const complaints = rows(evidenceSheetNames.complaints);
    expect(complaints[0]).toContain("المرجع");
    expect(complaints[0]).toContain("تاريخ الاستلام (هجري)");
    expect(complaints[1]?.[0]).toMatch(/\S+/);
    expect(complaints[1]).toContain("تسوية ودية");
    const signatures = rows(evidenceSheetNames.acknowledgements);
    expect(signatures.some((r) => r[0] === officerName && r.includes("نعم"))).toBe(true);
    expect(signatures.some((r) => r[0]?.startsWith("موظفة لم توقّع") && r.includes("لا"))).toBe(true);
    const field = rows(evidenceSheetNames.fieldwork);
    expect(field.some((r) => r.includes("تعليق لوحة قنوات التواصل") && r.includes("مكتب حي النسيم"))).toBe(
      true,
    );
    const compensation = rows(evidenceSheetNames.compensation);
    expect(
      compensation.some(
        (r) => r.includes("حكم المحكمة.pdf") && r.includes("1,500.00") && r.includes("TRF-7781"),
      ),
    ).toBe(true);
    const policy = rows(evidenceSheetNames.policy);
    expect(policy[1]).toContain("رئيس المجلس عبدالله");
    expect(rows(evidenceSheetNames.satisfaction)[1]?.[1]).toContain("لا توجد إجابات");
    expect(await auditTypes(h, associationId)).toContain("file.downloaded");
  });

  it("refuses anyone but senior management, and another association sees nothing", async () => {
    for (const client of [officer, boardMember]) {
      expect((await client.request("POST", "/api/evidence-packs", period)).statusCode).toBe(403);
      expect((await client.request("GET", "/api/evidence-packs")).statusCode).toBe(403);
      expect((await client.request("GET", `/api/evidence-packs/${pack.id}`)).statusCode).toBe(403);
      expect((await download(client, pack.pdf.id)).statusCode).toBe(403);
    }
    expect((await ok(await other.request("GET", "/api/evidence-packs"))).items).toEqual([]);
    expect((await other.request("GET", `/api/evidence-packs/${pack.id}`)).statusCode).toBe(404);
    expect((await download(other, pack.pdf.id)).statusCode).toBe(404);
    expect((await download(other, pack.workbook.id)).statusCode).toBe(404);
  });

  it("refuses a reversed, a future or an overlong period and changes nothing", async () => {
    const before = (await ok(await manager.request("GET", "/api/evidence-packs"))).items.length;
    const reversed = await manager.request("POST", "/api/evidence-packs", {
      from: "2026-04-30",
      to: "2026-04-01",
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].code).toBe("range_reversed");
    const future = await manager.request("POST", "/api/evidence-packs", {
      from: "2027-01-01",
      to: "2027-01-31",
    });
    expect(future.json().errors[0].code).toBe("period_in_future");
    const long = await manager.request("POST", "/api/evidence-packs", {
      from: "2010-01-01",
      to: "2026-01-01",
    });
    expect(long.json().errors[0].code).toBe("period_too_long");
    expect((await ok(await manager.request("GET", "/api/evidence-packs"))).items).toHaveLength(before);
  });

  it("fails with a code the page words when the PDF cannot be made, and lists no file", async () => {
    failRendering = true;
    try {
      const { pack: failed } = await makePack(manager, { from: "1/10/1447", to: "29/10/1447" });
      expect(failed.status).toBe("failed");
      expect(failed.failure).toBe("pdf_unavailable");
      expect(failed.from).toBe("2026-03-20");
      expect(failed.pdf).toBeNull();
      expect(failed.workbook).toBeNull();
      expect(failed.progress.percent).toBeLessThan(100);
      expect(await auditTypes(h, associationId)).toContain("evidence_pack.failed");
    } finally {
      failRendering = false;
    }
    // A new pack may be asked for once none is in progress.
    const { pack: again } = await makePack(manager);
    expect(again.status).toBe("done");
  });

  it("asks for one pack at a time", async () => {
    await ok(await manager.request("POST", "/api/evidence-packs", period), 202);
    const second = await manager.request("POST", "/api/evidence-packs", period);
    expect(second.statusCode).toBe(409);
    expect(second.json().errors[0].code).toBe("evidence_pack_in_progress");
    await h.queue.drain();
  });
});

describe.skipIf(!existsSync(systemChromium))("the evidence pack through the real Chromium", () => {
  it("renders the document to a PDF with its pages numbered", { timeout: 120_000 }, async () => {
    const renderer = createPdfRenderer({});
    try {
      const html = rendered.find((r) => r.includes("حكم المحكمة.pdf"))!;
      const { evidenceFooter } = await import("./evidence.document.js");
      const started = performance.now();
      const pdf = await renderer.render(html, { footer: evidenceFooter });
      console.info(
        `the same document through system Chromium: ${Math.round(performance.now() - started)} ms, ${pdf.length} bytes`,
      );
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
    } finally {
      await renderer.close();
    }
  });
});

if (!existsSync(systemChromium))
  console.info(`no browser at ${systemChromium}: the real-Chromium test is skipped`);
