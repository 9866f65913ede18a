import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalIdCheckDigit } from "../shared/domain/national-id.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const firstNine = "109876543";
const goodId = `${firstNine}${nationalIdCheckDigit(firstNine)}`;
const goodName = "فهد بن سالم بن علي القحطاني";
// One good row, and one whose name is a single word: the server refuses it with its Arabic reason.
const csv = [
  "الاسم,رقم الهوية,تاريخ الميلاد,الجنس,الجوال,المدينة,عمود لا نعرفه",
  `${goodName},${goodId},1985-03-02,ذكر,0559876543,الرياض,س`,
  "مها,,1990-01-01,أنثى,0551113333,الرياض,ص",
].join("\r\n");
const nameReason = "اكتب الاسم كاملًا: الاسم الأول واسم الأب على الأقل، والأفضل الرباعي.";

// A day that is never an official holiday, in the year the calendar opens on (today's, in Riyadh).
const riyadhYear = new Intl.DateTimeFormat("en", { timeZone: "Asia/Riyadh", year: "numeric" }).format(
  new Date(),
);
const closureDate = `${riyadhYear}-07-15`;

describe("a manager imports beneficiaries from a spreadsheet, the administrator marks a closure in the working calendar, and an officer registers an incoming fax with its scan", () => {
  let silah: RunningSilah;
  let browser: Browser;

  async function signIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }

  const nav = (page: Page) => page.getByRole("navigation", { name: "التنقل الرئيسي" });

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the manager picks a CSV, sees the columns recognised, imports it and reads 1 imported and the bad row's Arabic reason", async () => {
    const page = await signIn("manager@demo.silah.sa");
    await nav(page).getByRole("link", { name: "استيراد المستفيدين" }).click();
    await page.waitForURL("**/beneficiaries/import");
    await page.getByRole("heading", { level: 1, name: "استيراد المستفيدين" }).waitFor();

    const template = page.getByRole("link", { name: "تنزيل نموذج الجدول" });
    const href = (await template.getAttribute("href")) ?? "";
    expect(decodeURIComponent(href)).toContain(
      "الاسم,رقم الهوية,تاريخ الميلاد,الجنس,الجوال,المدينة,الحي,الفئة,البريد الإلكتروني",
    );

    await page.getByLabel("ملف الجدول").setInputFiles({
      name: "mustafidin.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${csv}`, "utf8"),
    });
    const columns = page.locator(".import-columns");
    await columns.getByText("الأعمدة التي تعرّفنا عليها · صفّا بيانات").waitFor();
    await columns
      .locator(".import-column", { hasText: "رقم الهوية" })
      .getByText("رقم الهوية/الإقامة")
      .waitFor();
    await columns.locator(".import-column--ignored", { hasText: "عمود لا نعرفه" }).waitFor();

    await page.getByRole("button", { name: "استيراد", exact: true }).click();
    const report = page.locator(".import-report");
    await report.getByRole("heading", { name: "تقرير الاستيراد" }).waitFor();
    expect(await report.locator("[data-count='imported']").textContent()).toBe("1");
    expect(await report.locator("[data-count='rejected']").textContent()).toBe("1");
    const badRow = report.locator("tr[data-row='3']");
    await badRow.getByText(nameReason).waitFor();
    await badRow.getByText("الاسم الرباعي").waitFor();
    await page.screenshot({ path: ".tmp/import-report.png", fullPage: true });

    // The good row is a beneficiary now, found by its ID.
    await page.goto(`/beneficiaries?q=${goodId}`);
    await page.getByRole("list", { name: "نتائج البحث" }).getByRole("link", { name: goodName }).waitFor();
    await page.context().close();
  });

  it("the administrator marks a day as a closure and sees it listed as edited, beside the generated holidays", async () => {
    const page = await signIn("admin@demo.silah.sa");
    await nav(page).getByRole("link", { name: "تقويم العمل" }).click();
    await page.waitForURL("**/admin/calendar");
    await page.getByRole("heading", { level: 1, name: "تقويم العمل" }).waitFor();
    await page.getByRole("heading", { name: `سنة ${riyadhYear}` }).waitFor();

    const table = page.getByRole("table");
    // The official holidays come generated, with their Hijri dates.
    await table.locator("tr[data-source='generated']").first().waitFor();
    await table.getByText("من التقويم الرسمي").first().waitFor();

    await page.getByLabel("التاريخ", { exact: true }).fill(closureDate);
    await page.getByLabel("نوع اليوم").selectOption({ label: "إغلاق" });
    await page.getByLabel("الوصف بالعربية").fill("جرد المستودع السنوي");
    await page.getByRole("button", { name: "حفظ اليوم" }).click();
    await page.getByText(`حُفظ يوم ${closureDate} في التقويم.`).waitFor();

    const row = table.locator(`tr[data-date='${closureDate}']`);
    await row.getByText("جرد المستودع السنوي").waitFor();
    await row.getByText("إغلاق", { exact: true }).waitFor();
    await row.getByText("معدَّل").waitFor();
    expect(await row.getAttribute("data-source")).toBe("edited");
    // Hijri as the association writes it, e.g. "29 محرم 1448هـ".
    expect(await row.locator("td").first().textContent()).toMatch(/^\d{1,2} .+ \d{4}هـ$/);
    await row.getByRole("button", { name: `إلغاء تعديل يوم ${closureDate}` }).waitFor();
    await page.screenshot({ path: ".tmp/working-calendar.png", fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".tmp/working-calendar-phone.png", fullPage: true });
    await page.context().close();
  });

  it("an officer registers an incoming fax with its PDF scan and reads the register's first reference", async () => {
    const page = await signIn("officer@demo.silah.sa");
    await nav(page).getByRole("link", { name: "سجل المراسلات" }).click();
    await page.waitForURL("**/correspondence");
    await page.getByRole("heading", { level: 1, name: "سجل المراسلات" }).waitFor();

    await page.getByLabel("وارد", { exact: true }).check();
    await page.getByLabel("الوسيلة").selectOption({ label: "فاكس" });
    await page.getByLabel("الجهة المرسِلة").fill("فرع وزارة الموارد البشرية بالرياض");
    await page.getByLabel("الموضوع").fill("طلب بيانات الأسر المستفيدة");
    await page.getByLabel("الصورة الممسوحة").setInputFiles({
      name: "fax-scan.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "قيد في السجل" }).click();

    const saved = page.locator(".success", { hasText: "قُيّدت المراسلة برقم" });
    await saved.waitFor();
    const reference = (await saved.locator(".reference-number").textContent()) ?? "";
    expect(reference).toMatch(/^IN-\d{4}-0001$/);

    const row = page.getByRole("table").locator(`tr[data-reference='${reference}']`);
    await row.getByText("وارد · فاكس").waitFor();
    await row.getByText("فرع وزارة الموارد البشرية بالرياض").waitFor();
    const scan = row.getByRole("link", { name: "fax-scan.pdf" });
    expect(await scan.getAttribute("href")).toMatch(/^\/api\/files\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: ".tmp/correspondence.png", fullPage: true });
    await page.context().close();
  });
});
