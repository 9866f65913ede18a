import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportRowLimit } from "../shared/contracts/exports.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "./test/harness.js";

/** Every list a manager works from leaves as CSV or Excel with Arabic headers (issue 11). */
let h: Harness;
let associationId: string;
let admin: Client;
let officer: Client;
let manager: Client;
let committee: Client;
let board: Client;
let hr: Client;
let otherManager: Client;
let otherAssociationId: string;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function sheetOf(response: { statusCode: number; rawPayload: Buffer; body: string }) {
  expect(response.statusCode, response.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, header: rows[0] as string[], rows: rows.slice(1) };
}

function csvOf(response: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  expect(response.statusCode, response.body).toBe(200);
  expect(String(response.headers["content-type"])).toContain("text/csv");
  expect(response.body.startsWith("\uFEFF")).toBe(true);
  return response.body.slice(1).split("\r\n").filter(Boolean);
}

async function exportEvents(forAssociation: string) {
  const rows = await h.db.system((tx) =>
    tx.query.auditEvents.findMany({
      where: (t, { and, eq }) => and(eq(t.associationId, forAssociation), eq(t.type, "list.exported")),
      orderBy: (t, { asc }) => asc(t.id),
    }),
  );
  return rows.map((r) => ({ actor: r.actorUserId, ...(r.payload as { list: string; filters: unknown }) }));
}

async function openRequest(client: Client, serviceId: string, beneficiaryId: string) {
  return ok(
    await client.request("POST", "/api/requests", { beneficiaryId, serviceId, channel: "phone" }),
    201,
  );
}

beforeAll(async () => {
  h = await createHarness();
  associationId = (await createAssociation(h, "exports")).id;
  admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  officer = await signIn(h, (await createUser(h, associationId, ["officer"], "موظف الاستقبال")).email);
  manager = await signIn(h, (await createUser(h, associationId, ["manager"], "المدير")).email);
  committee = await signIn(
    h,
    (await createUser(h, associationId, ["followup_committee_member"], "عضو المتابعة")).email,
  );
  board = await signIn(h, (await createUser(h, associationId, ["board_member"], "عضو المجلس")).email);
  hr = await signIn(h, (await createUser(h, associationId, ["hr"], "الموارد البشرية")).email);
  otherAssociationId = (await createAssociation(h, "others")).id;
  otherManager = await signIn(h, (await createUser(h, otherAssociationId, ["manager"])).email);

  const quick = await ok(
    await admin.request("POST", "/api/services", {
      code: "food_basket",
      nameAr: "سلة غذائية",
      kind: "in_kind",
      requirements: [],
    }),
    201,
  );
  const needsIncome = await ok(
    await admin.request("POST", "/api/services", {
      code: "monthly_aid",
      nameAr: "مساعدة مالية شهرية",
      kind: "financial",
      requirements: [{ kind: "field", code: "monthly_income", labelAr: "الدخل الشهري", fieldType: "number" }],
    }),
    201,
  );
  // A name a spreadsheet would run as a formula if it were written as it was typed.
  const hostile = await ok(
    await officer.request("POST", "/api/beneficiaries", {
      lawfulBasis: "service_request",
      fullName: "=HYPERLINK(1) سعد",
      gender: "male",
      confirmNotDuplicate: true,
    }),
    201,
  );
  const hind = await ok(
    await officer.request("POST", "/api/beneficiaries", {
      lawfulBasis: "service_request",
      fullName: "هند عبدالله الشمري",
      gender: "female",
    }),
    201,
  );
  await openRequest(officer, quick.id, hostile.id);
  await openRequest(officer, quick.id, hind.id);
  await openRequest(officer, needsIncome.id, hind.id);

  await ok(
    await officer.request("POST", "/api/complaints", {
      channel: "phone",
      category: "delay",
      subject: "تأخر الرد على طلبي",
      details: "تقدمت بطلب منذ شهر ولم يصلني رد حتى الآن.",
      name: "سلمى الحربي",
      phone: "0501234567",
    }),
    201,
  );
  await ok(
    await officer.request("POST", "/api/interactions", {
      kind: "inquiry",
      channel: "phone",
      direction: "inbound",
      subject: "@SUM(1+1) استفسار عن موعد الصرف",
    }),
    201,
  );

  // The other association's rows, which no export of ours may carry.
  const otherAdmin = await signIn(h, (await createUser(h, otherAssociationId, ["administrator"])).email);
  const otherOfficer = await signIn(h, (await createUser(h, otherAssociationId, ["officer"])).email);
  const otherService = await ok(
    await otherAdmin.request("POST", "/api/services", {
      code: "food_basket",
      nameAr: "سلة غذائية",
      kind: "in_kind",
      requirements: [],
    }),
    201,
  );
  const stranger = await ok(
    await otherOfficer.request("POST", "/api/beneficiaries", {
      lawfulBasis: "service_request",
      fullName: "هند من جمعية أخرى",
      gender: "female",
    }),
    201,
  );
  await openRequest(otherOfficer, otherService.id, stranger.id);
});
afterAll(async () => {
  await h?.close();
});

describe("the support-request list as a file", () => {
  it("holds, in Excel, exactly the rows the filter selects, with Arabic headers, read right to left", async () => {
    const onScreen = (await ok(await manager.request("GET", "/api/requests?state=complete"))).items;
    expect(onScreen).toHaveLength(2);
    const response = await manager.request("GET", "/api/requests/export?state=complete&format=xlsx");
    expect(String(response.headers["content-disposition"])).toContain(
      `filename*=UTF-8''${encodeURIComponent("طلبات الدعم.xlsx")}`,
    );
    expect(String(response.headers["content-disposition"])).toContain('filename="support-requests.xlsx"');
    const { sheet, header, rows } = await sheetOf(response);
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(header).toEqual([
      "رقم الطلب",
      "المستفيد",
      "رقم الملف",
      "الخدمة",
      "قناة التواصل",
      "الحالة",
      "تاريخ الفتح",
      "تاريخ الفتح (هجري)",
      "فتحه",
      "تاريخ الاكتمال",
      "تاريخ الاكتمال (هجري)",
      "تاريخ القرار",
      "تاريخ القرار (هجري)",
      "موعد الرد",
      "موعد الرد (هجري)",
      "حال الموعد",
    ]);
    expect(rows.map((r) => r[0]).sort()).toEqual(
      onScreen.map((r: { referenceNumber: string }) => r.referenceNumber).sort(),
    );
    expect(rows.every((r) => r[5] === "مكتمل" && r[4] === "الاتصال الهاتفي")).toBe(true);
    // A real date cell, at Riyadh's wall clock, and the Hijri date beside it.
    expect(rows[0]?.[6]).toBeInstanceOf(Date);
    expect(String(rows[0]?.[7])).toMatch(/^\d\d\/\d\d\/14\d\dهـ$/);
    // The formula someone typed as a name stays text.
    const hostile = rows.find((r) => String(r[1]).includes("HYPERLINK"));
    expect(hostile?.[1]).toBe("'=HYPERLINK(1) سعد");
  });

  it("holds the same rows as CSV, and the other association's request is in neither", async () => {
    const lines = csvOf(await manager.request("GET", "/api/requests/export?format=csv"));
    expect(lines[0]).toContain("رقم الطلب,المستفيد,رقم الملف,الخدمة");
    expect(lines).toHaveLength(1 + 3);
    expect(lines.some((l) => l.includes("'=HYPERLINK"))).toBe(true);
    expect(lines.some((l) => l.includes("جمعية أخرى"))).toBe(false);
    expect(lines.filter((l) => l.includes(",غير مكتمل,"))).toHaveLength(1);
    const theirs = csvOf(await otherManager.request("GET", "/api/requests/export?format=csv"));
    expect(theirs).toHaveLength(2);
    expect(theirs[1]).toContain("هند من جمعية أخرى");
  });

  it("is recorded: who exported which list, with which filters, how many rows", async () => {
    const events = await exportEvents(associationId);
    expect(events).toContainEqual({
      actor: manager.session.user.id,
      list: "requests",
      format: "xlsx",
      rows: 2,
      filters: { state: "complete" },
    });
    expect(await exportEvents(otherAssociationId)).toHaveLength(1);
  });

  it("is refused, like the list, to a role that does not read requests, and a bad format in Arabic", async () => {
    expect((await hr.request("GET", "/api/requests/export?format=csv")).statusCode).toBe(403);
    const bad = await manager.request("GET", "/api/requests/export?format=pdf");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("validation_failed");
  });
});

describe("complaints as a file", () => {
  it("carries what the complainant wrote to the follow-up committee", async () => {
    const { header, rows } = await sheetOf(
      await committee.request("GET", "/api/complaints/export?format=xlsx"),
    );
    expect(header).toContain("تفاصيل الشكوى");
    expect(header).toContain("اسم المشتكي");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("سلمى الحربي");
    expect(rows[0]).toContain("التأخر في الرد");
  });

  it("leaves the complainant and the details out of a board member's file", async () => {
    const lines = csvOf(await board.request("GET", "/api/complaints/export?format=csv"));
    expect(lines[0]).not.toContain("تفاصيل الشكوى");
    expect(lines[0]).not.toContain("اسم المشتكي");
    expect(lines[0]).not.toContain("جوال المشتكي");
    expect(lines.join("\n")).not.toContain("سلمى الحربي");
    expect(lines.join("\n")).not.toContain("0501234567");
    expect(lines).toHaveLength(2);
  });

  it("follows the on-screen choice of closed complaints", async () => {
    expect(
      csvOf(await manager.request("GET", "/api/complaints/export?format=csv&status=closed")),
    ).toHaveLength(1);
  });

  it("exports compensation claims to those who handle them, and refuses the rest", async () => {
    const lines = csvOf(await manager.request("GET", "/api/compensation-claims/export?format=csv"));
    expect(lines[0]).toContain("صاحب المطالبة");
    expect((await board.request("GET", "/api/compensation-claims/export?format=csv")).statusCode).toBe(403);
  });
});

describe("the other lists as files", () => {
  it("contacts: Arabic headers and a formula typed as a subject kept as text", async () => {
    const lines = csvOf(
      await manager.request("GET", "/api/interactions/export?format=csv&openInquiries=true"),
    );
    expect(lines[0]).toBe(
      "الوقت,الوقت (هجري),النوع,قناة التواصل,الاتجاه,الموضوع,الملخص,الموظف,المحال إليه,الرد,وقت الرد,وقت الرد (هجري)",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",استفسار,الاتصال الهاتفي,وارد من المستفيد,'@SUM(1+1) استفسار عن موعد الصرف,");
  });

  it("beneficiaries a search finds, without what was typed in the log", async () => {
    const { header, rows } = await sheetOf(
      await manager.request("GET", `/api/beneficiaries/export?format=xlsx&q=${encodeURIComponent("هند")}`),
    );
    expect(header.slice(0, 3)).toEqual(["رقم الملف", "الاسم", "رقم الهوية"]);
    expect(rows.map((r) => r[1])).toEqual(["هند عبدالله الشمري"]);
    const event = (await exportEvents(associationId)).find((e) => e.list === "beneficiaries");
    expect(event?.filters).toEqual({ q: "…" });
  });

  it("the audit log, filtered by event type, in Arabic", async () => {
    const { header, rows } = await sheetOf(
      await manager.request("GET", "/api/audit-events/export?format=xlsx&type=support_request.opened"),
    );
    expect(header.slice(0, 4)).toEqual(["رقم الحدث", "الوقت", "الوقت (هجري)", "الحدث"]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r[3] === "فتح طلب دعم")).toBe(true);
  });

  it("policy acknowledgements as HR sees them: who has not signed", async () => {
    const lines = csvOf(
      await hr.request("GET", "/api/policy/acknowledgements/export?format=csv&show=pending"),
    );
    expect(lines[0]).toBe("الموظف,الأدوار,الحالة,تاريخ التوقيع,تاريخ التوقيع (هجري)");
    expect(lines.slice(1).every((l) => l.includes(",لم يوقّع,"))).toBe(true);
    expect(lines.some((l) => l.includes("الإدارة العليا"))).toBe(true);
    expect(
      csvOf(await hr.request("GET", "/api/policy/acknowledgements/export?format=csv&show=signed")),
    ).toHaveLength(1);
    expect((await officer.request("GET", "/api/policy/acknowledgements/export?format=csv")).statusCode).toBe(
      403,
    );
  });

  it("the response-compliance report for a period", async () => {
    const { header, rows } = await sheetOf(
      await manager.request(
        "GET",
        "/api/reports/response-compliance/export?format=xlsx&from=2026-03-01&to=2026-12-31",
      ),
    );
    expect(header).toEqual(["البند", "القيمة"]);
    expect(rows[0]).toEqual(["من تاريخ", "2026-03-01"]);
  });
});

describe("a list longer than one file holds", () => {
  it("is refused with an Arabic message, and nothing is recorded", async () => {
    // More sign-ins than one file holds, straight into the log (the API would take hours to make them).
    await h.db.system((tx) =>
      tx.execute(sql`
        insert into audit_events (association_id, type, occurred_at, payload)
        select ${associationId}, 'auth.signed_in', now(), '{}'::jsonb from generate_series(1, ${exportRowLimit})`),
    );
    const before = (await exportEvents(associationId)).length;
    const refused = await manager.request("GET", "/api/audit-events/export?format=xlsx");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("export_too_large");
    expect(refused.json().message.ar).toContain("ضيّق التصفية");
    expect((await exportEvents(associationId)).length).toBe(before);
    // Narrowed to one kind of event, the same log exports.
    const narrowed = await manager.request("GET", "/api/audit-events/export?format=csv&type=list.exported");
    expect(narrowed.statusCode).toBe(200);
  });
});
