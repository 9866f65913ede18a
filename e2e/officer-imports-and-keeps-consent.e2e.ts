import { mkdirSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalIdCheckDigit } from "../shared/domain/national-id.js";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

/**
 * Issue 11, the registry without dead ends, from the screen only: the manager imports an Excel
 * sheet whose «الفئة» column holds the categories' Arabic names as people write them; the officer
 * cannot register without a lawful basis, adds a household member with birth date and sex, finds
 * the person by the member's name, merges a duplicate, and the old address leads to the kept file.
 */
const id = (nine: string) => `${nine}${nationalIdCheckDigit(nine)}`;
const keptName = "مريم بنت سالم العتيبي";
const duplicateName = "مريم سالم العتيبى";
const memberName = "تركي بن سلطان الرويلي";
const personName = "عائشة بنت محمد البقمي";

async function sheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const rows = book.addWorksheet("المستفيدون");
  rows.addRow(["الاسم", "رقم الهوية", "الجنس", "الفئة"]);
  rows.addRow([keptName, id("108800001"), "أنثى", "الأرامل"]);
  rows.addRow([duplicateName, id("108800002"), "أنثى", "ارامل"]);
  rows.addRow(["هند بنت سالم العتيبي", id("108800003"), "أنثى", "الايتام"]);
  rows.addRow(["نوف بنت سالم العتيبي", id("108800005"), "أنثى", "أرملة"]);
  rows.addRow(["خالد بن سالم العتيبي", id("108800004"), "ذكر", "المطلقات"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("the manager imports an Excel sheet with Arabic category names; the officer keeps consent, the household and merged records straight", () => {
  let silah: RunningSilah;
  let browser: Browser;

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }
  const nav = (page: Page) => page.getByRole("navigation", { name: "التنقل الرئيسي" });
  let officer: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator gives «الأرامل» its singular «أرملة» as another name", async () => {
    const page = await signIn("admin@demo.silah.sa");
    await nav(page).getByRole("link", { name: "فئات المستفيدين" }).click();
    await page.waitForURL("**/admin/categories");
    await page.getByRole("button", { name: "الأسماء الأخرى لفئة الأرامل" }).click();
    await page.getByLabel("الأسماء الأخرى لفئة الأرامل").fill("أرملة");
    await page.getByRole("button", { name: "حفظ الأسماء" }).click();
    await page
      .getByRole("row", { name: /الأرامل/ })
      .getByText("أرملة")
      .waitFor();
    await expectArabicInterface(page, "categories");
    await page.context().close();
  });

  it("the manager imports the sheet, follows it, and reads the summary with the refused row's reason", async () => {
    const page = await signIn("manager@demo.silah.sa");
    await nav(page).getByRole("link", { name: "استيراد المستفيدين" }).click();
    await page.waitForURL("**/beneficiaries/import");
    await page.getByRole("heading", { level: 1, name: "استيراد المستفيدين" }).waitFor();
    await expectArabicInterface(page);

    await page.getByLabel("ملف الجدول").setInputFiles({
      name: "mustafidin.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await sheet(),
    });
    await page.getByText("mustafidin.xlsx").waitFor();
    await page.getByRole("button", { name: "استيراد", exact: true }).click();

    const report = page.locator(".import-report");
    await report.getByRole("heading", { name: "تقرير الاستيراد" }).waitFor();
    expect(await report.locator("[data-count='total']").textContent()).toBe("5");
    expect(await report.locator("[data-count='imported']").textContent()).toBe("4");
    expect(await report.locator("[data-count='duplicates']").textContent()).toBe("0");
    expect(await report.locator("[data-count='rejected']").textContent()).toBe("1");
    const refused = report.locator("tr[data-row='6']");
    await refused.getByText("الفئة «المطلقات» غير معرّفة في الجمعية", { exact: false }).waitFor();
    await refused.getByText("«الأرامل»", { exact: false }).waitFor();
    await report.getByRole("link", { name: "تنزيل الصفوف غير المستوردة مع أسبابها" }).waitFor();
    await expectArabicInterface(page, "import report");
    await page.screenshot({ path: ".tmp/import-arabic-categories.png", fullPage: true });
    await page.context().close();
  });

  it("the officer cannot register without a lawful basis, and reads why in Arabic beside the choice", async () => {
    officer = await signIn("officer@demo.silah.sa");
    await nav(officer).getByRole("link", { name: "المستفيدون" }).click();
    await officer.getByRole("link", { name: "تسجيل مستفيد" }).click();
    await officer.waitForURL("**/beneficiaries/new");
    await expectArabicInterface(officer);

    await officer.getByLabel("الاسم الرباعي").fill(personName);
    await officer.getByLabel("أنثى", { exact: true }).check();
    await officer.getByRole("button", { name: "حفظ المستفيد" }).click();
    await officer.getByText("سجّل موافقة المستفيد على معالجة بياناته", { exact: false }).waitFor();
    expect(new URL(officer.url()).pathname).toBe("/beneficiaries/new");
    await expectArabicInterface(officer, "registration refused without a lawful basis");
  });

  it("she records the consent and a son with his birth date and sex, and the file shows his age", async () => {
    await officer.getByLabel("وافق المستفيد على معالجة بياناته لتقديم الخدمات").check();
    await officer.getByRole("button", { name: "إضافة فرد من الأسرة" }).click();
    const member = officer.locator(".household-row").first();
    await member.getByLabel("صلة القرابة").selectOption({ label: "ابن" });
    await member.getByLabel("الاسم", { exact: true }).fill(memberName);
    await member.getByLabel("تاريخ الميلاد", { exact: false }).fill("2015-03-02");
    await member.getByLabel("الجنس", { exact: false }).selectOption({ label: "ذكر" });
    await officer.getByRole("button", { name: "حفظ المستفيد" }).click();

    await officer.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    await officer.getByRole("heading", { level: 1, name: personName }).waitFor();
    const household = officer.locator(".household-list__item", { hasText: memberName });
    await household.getByText("ذكر").waitFor();
    const age = await household.locator(".household-list__age").getAttribute("data-age");
    expect(Number(age)).toBeGreaterThanOrEqual(11);
    await household.getByText("العمر:", { exact: false }).waitFor();
    await officer.getByText("وافق المستفيد على معالجة بياناته لتقديم الخدمات").waitFor();
    await expectArabicInterface(officer, "file with household");
  });

  it("she records that the mother withdrew her consent: the page no longer offers «فتح طلب» and says why", async () => {
    await officer.getByRole("link", { name: "فتح طلب" }).waitFor();
    await officer.getByRole("button", { name: "سحب الموافقة" }).click();
    await officer.getByText("هل سحبت المستفيدة موافقتها على", { exact: false }).waitFor();
    await officer.getByRole("button", { name: "نعم، سُحبت الموافقة" }).click();
    await officer.getByText("سحب المستفيد كل موافقاته، فلا يُفتح له طلب جديد", { exact: false }).waitFor();
    expect(await officer.getByRole("link", { name: "فتح طلب" }).count()).toBe(0);
    await expectArabicInterface(officer, "file after every consent is withdrawn");
    // A new consent opens the way again.
    await officer.getByRole("button", { name: "تسجيل موافقة على معالجة البيانات" }).click();
    await officer.getByRole("link", { name: "فتح طلب" }).waitFor();
  });

  it("she finds the mother by the son's name in the search box, the son named", async () => {
    await nav(officer).getByRole("link", { name: "المستفيدون" }).click();
    await officer.waitForURL("**/beneficiaries");
    await officer.getByLabel("البحث عن مستفيد").fill("تركى سلطان الرويلى");
    const results = officer.getByRole("list", { name: "نتائج البحث" });
    const hit = results
      .getByRole("listitem")
      .filter({ has: officer.getByRole("link", { name: personName }) });
    await hit.getByText("بفرد من أسرته").waitFor();
    await hit.getByText(memberName).waitFor();
    await expectArabicInterface(officer, "search by a household member");
  });

  it("she merges the imported duplicate, and its old address leads to the kept file", async () => {
    const box = officer.getByLabel("البحث عن مستفيد");
    const results = officer.getByRole("list", { name: "نتائج البحث" });
    await box.fill(duplicateName);
    const oldLink = results.getByRole("link", { name: duplicateName });
    const oldAddress = (await oldLink.getAttribute("href")) ?? "";
    expect(oldAddress).toMatch(/^\/beneficiaries\/[0-9a-f-]{36}$/);
    await results.getByRole("link", { name: keptName }).click();
    await officer.getByRole("heading", { level: 1, name: keptName }).waitFor();
    const keptAddress = new URL(officer.url()).pathname;

    await officer.getByRole("button", { name: "دمج سجل مكرر" }).click();
    await officer.getByLabel("ابحث عن السجل المكرر").fill(duplicateName);
    await officer.getByRole("button", { name: `مقارنة مع ${duplicateName}` }).click();
    await officer.getByLabel("يبقى هذا الملف").check();
    await officer.getByRole("button", { name: "تأكيد الدمج" }).click();
    await officer.getByRole("button", { name: "دمج سجل مكرر" }).waitFor();

    await officer.goto(oldAddress);
    await officer.waitForURL(`**${keptAddress}`);
    await officer.getByRole("heading", { level: 1, name: keptName }).waitFor();
    await officer.getByText("السجل الذي فتحته دُمج في هذا الملف", { exact: false }).waitFor();
    await expectArabicInterface(officer, "old address of a merged record");
    await officer.screenshot({ path: ".tmp/merged-old-address.png", fullPage: true });
  });
});
