import { mkdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const basket = "سلة غذائية";
const aid = "مساعدة مالية شهرية";
const people = [
  ["عبدالرحمن العجمي", "عبدالرحمن بن صالح بن علي العجمي", basket],
  ["فاطمة آل منصور", "فاطمة بنت علي بن حسن آل منصور", basket],
  ["سعد اليامي", "سعد بن ناصر بن فهد اليامي", aid],
] as const;

describe("a manager reads the response-compliance report, filters the support requests and takes them to Excel, and follows the complaints dashboard — all in Arabic", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let manager: Page;

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator adds two services and the officer opens three requests, on screen", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    for (const [name, code, needsIncome] of [
      [basket, "ramadan_basket", false],
      [aid, "monthly_aid", true],
    ] as const) {
      await nav(admin, "الخدمات");
      await admin.getByRole("link", { name: "خدمة جديدة" }).click();
      await admin.getByLabel("اسم الخدمة").fill(name);
      await admin.getByLabel("رمز الخدمة").fill(code);
      if (needsIncome) {
        await admin.getByRole("button", { name: "إضافة متطلب" }).click();
        await admin.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
        await admin.getByLabel("اسم المتطلب 1").fill("الدخل الشهري");
        await admin.getByLabel("رمز المتطلب 1").fill("monthly_income");
        await admin.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
      }
      await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
      await admin.waitForURL("**/services");
      await admin.getByRole("row", { name: new RegExp(name) }).waitFor();
    }
    await admin.context().close();

    const officer = await signIn("officer@demo.silah.sa");
    for (const [search, fullName, service] of people) {
      await nav(officer, "المستفيدون");
      await officer.getByLabel("البحث عن مستفيد").fill(search);
      await officer.getByRole("list", { name: "نتائج البحث" }).getByRole("link", { name: fullName }).click();
      await officer.getByRole("heading", { level: 1, name: fullName }).waitFor();
      await officer.getByRole("link", { name: "فتح طلب" }).click();
      await officer.waitForURL(/\/requests\/new\?beneficiaryId=/);
      await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: service });
      await officer.getByLabel("قناة الطلب").selectOption({ label: "الاتصال الهاتفي" });
      await officer.getByRole("button", { name: "فتح الطلب" }).click();
      await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
      await officer
        .getByTestId("request-state")
        .getByText(service === basket ? "مكتمل" : "غير مكتمل", { exact: true })
        .waitFor();
    }
    await officer.context().close();
  });

  it("the manager opens the response-compliance report, is told in Arabic when a date is mistyped, and reads the period's figures", async () => {
    manager = await signIn("manager@demo.silah.sa");
    await nav(manager, "الالتزام بمهلة الرد");
    await manager.waitForURL("**/reports/response-compliance");
    await manager.getByRole("heading", { level: 1, name: "تقرير الالتزام بمهلة الرد" }).waitFor();
    const table = manager.getByRole("table", { name: "تقرير الالتزام بمهلة الرد" });
    await table.waitFor();
    await expectArabicInterface(manager, "compliance report");

    await manager.getByLabel("من تاريخ").fill("2026/13/45");
    await manager.getByRole("button", { name: "عرض التقرير" }).click();
    await manager.getByText("من تاريخ: لا يوجد شهر رقمه ١٣", { exact: false }).first().waitFor();
    await expectArabicInterface(manager, "compliance report with a field error");

    // This year: the two complete requests are due within it and not yet answered; the demo's
    // medical aid for Haila was decided by the committee in time.
    const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh", year: "numeric" }).format(
      new Date(),
    );
    await manager.getByLabel("من تاريخ").fill(`${Number(year) - 1}-01-01`);
    await manager.getByLabel("إلى تاريخ").fill(`${Number(year) + 1}-12-31`);
    await manager.getByRole("button", { name: "عرض التقرير" }).click();
    await manager.getByText(`الفترة من ${Number(year) - 1}-01-01 إلى ${Number(year) + 1}-12-31.`).waitFor();
    const pending = table.locator("tr[data-figure='pending'] td");
    await expect.poll(() => pending.textContent()).toBe("2");
    expect(await table.locator("tr[data-figure='answeredInTime'] td").textContent()).toBe("1");
    expect(await table.locator("tr[data-figure='shareInTime'] td").textContent()).not.toBe(
      "لا طلبات حلّ موعدها في الفترة",
    );
    await expectArabicInterface(manager, "compliance report for a period");
    await manager.screenshot({ path: ".tmp/compliance-report.png", fullPage: true });

    // The report leaves as a file too.
    const [download] = await Promise.all([
      manager.waitForEvent("download"),
      manager.getByRole("button", { name: "ملف إكسل" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("تقرير الالتزام بمهلة الرد.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "البند", "القيمة"]);
    expect(sheet.getRow(7).values).toEqual([undefined, "لم يحن موعدها", 2]);
  });

  it("filters the support requests to the complete ones and downloads exactly those rows in Excel, with Arabic headers", async () => {
    await nav(manager, "طلبات الدعم");
    await manager.getByRole("heading", { level: 1, name: "طلبات الدعم" }).waitFor();
    const rows = manager.getByRole("table", { name: "طلبات الدعم" }).locator("tbody tr");
    // The three opened here and the demo's five (its portal family's requests in their states).
    await expect.poll(() => rows.count()).toBe(8);
    await manager.getByLabel("الحالة").selectOption({ label: "مكتمل" });
    await expect.poll(() => rows.count()).toBe(2);
    const onScreen = (await rows.locator("td:first-child bdi").allTextContents()).map((t) => t.trim()).sort();
    await expectArabicInterface(manager, "support requests, filtered");

    const [download] = await Promise.all([
      manager.waitForEvent("download"),
      manager.getByRole("button", { name: "ملف إكسل" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("طلبات الدعم.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual([
      "رقم الطلب",
      "المستفيد",
      "رقم الملف",
      "الخدمة",
      "قناة التواصل",
      "الحالة",
    ]);
    const lines: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) lines.push((row.values as unknown[]).slice(1));
    });
    expect(lines.map((line) => line[0]).sort()).toEqual(onScreen);
    expect(lines.map((line) => line[1]).sort()).toEqual([people[0][1], people[1][1]].sort());
    expect(lines.every((line) => line[3] === basket && line[5] === "مكتمل")).toBe(true);

    // CSV too, for whoever opens it elsewhere: the same rows, readable Arabic.
    const [csv] = await Promise.all([
      manager.waitForEvent("download"),
      manager.getByRole("button", { name: /ملف نصي/ }).click(),
    ]);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.startsWith("\uFEFFرقم الطلب,المستفيد")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(3);
  });

  it("follows the complaints dashboard, and finds her exports in the audit log", async () => {
    await nav(manager, "لوحة متابعة الشكاوى");
    await manager.getByRole("heading", { level: 1, name: "لوحة متابعة الشكاوى" }).waitFor();
    await manager.locator("[data-count='open']").waitFor();
    await expectArabicInterface(manager, "complaints dashboard");

    await nav(manager, "الشكاوى");
    await manager.getByRole("heading", { level: 1, name: "الشكاوى" }).waitFor();
    await manager.getByRole("button", { name: "ملف إكسل" }).waitFor();
    await expectArabicInterface(manager, "complaints list");

    await nav(manager, "سجل التدقيق");
    await manager.getByLabel("نوع الحدث").selectOption({ label: "تصدير قائمة إلى ملف" });
    const exported = manager.getByRole("table").locator("tr[data-event-type='list.exported']");
    await expect.poll(() => exported.count()).toBe(3);
    await expectArabicInterface(manager, "audit log");
  });
});
