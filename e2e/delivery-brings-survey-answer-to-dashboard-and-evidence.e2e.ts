import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type Mailbox, openMailbox } from "./support/mailbox.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

/** The demo's mother who hears by e-mail; the committee accepted her request for medical aid. */
const haila = { name: "هيلة بنت محمد بن سعد العنزي", email: "haila@example.org" };
const remark = "انتظرت طويلًا في الاستقبال قبل أن يخدمني أحد";

describe("a delivery brings a survey by e-mail, the person answers on her phone, the manager sees it in the dashboard's figures and in the month's evidence pack", () => {
  let silah: RunningSilah;
  let mailbox: Mailbox;
  let browser: Browser;
  let surveyLink = "";
  let answersBefore = 0;
  const violations: string[] = [];

  async function open(options: { email?: string; phone?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    if (options.email) {
      await signInOnPage(page, options.email);
      await page.waitForURL((url) => url.pathname === "/");
    }
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();

  /** «الإجابات» of the satisfaction figures for the period on screen (this month by default). */
  async function answersOnDashboard(page: Page): Promise<number> {
    const card = page.locator("[data-section=satisfaction] article").filter({ hasText: "الإجابات" });
    const text = (await card.locator(".dashboard-count__value").textContent()) ?? "";
    return Number(text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[^\d]/g, ""));
  }

  beforeAll(async () => {
    mailbox = await openMailbox();
    silah = await startSilah({ env: { SILAH_SMTP_URL: mailbox.url } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
    await mailbox?.close();
  });

  it("the manager reads this month's satisfaction before", async () => {
    const manager = await open({ email: "manager@demo.silah.sa" });
    await nav(manager, "لوحة المؤشرات");
    await manager.locator("[data-section=satisfaction]").waitFor();
    answersBefore = await answersOnDashboard(manager);
    await manager.context().close();
  });

  it("the officer records the delivery of Haila's medical aid", async () => {
    const officer = await open({ email: "officer@demo.silah.sa" });
    await nav(officer, "المستفيدون");
    await officer.getByLabel("البحث عن مستفيد").fill("هيلة العنزي");
    await officer.getByRole("list", { name: "نتائج البحث" }).getByRole("link", { name: haila.name }).click();
    await officer.getByRole("link", { name: "المساعدة العلاجية" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await officer.getByLabel("المبلغ بالريال").fill("800");
    await officer.getByRole("button", { name: "تسجيل التسليم" }).click();
    await officer.getByText("قيد التسليم", { exact: true }).first().waitFor();
    await officer.context().close();
  });

  it("an e-mail invites her to the survey with her own link", async () => {
    const mail = await mailbox.waitFor(haila.email, (m) => m.subject === "رأيك يهمنا");
    const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
    expect(link, mail.text).toBeDefined();
    expect(link?.startsWith(silah.baseUrl)).toBe(true);
    surveyLink = link!;
  });

  it("she answers on her phone without signing in, and allows the association to contact her", async () => {
    const phone = await open({ phone: true });
    const response = await phone.goto(surveyLink);
    expect(response?.status()).toBe(200);
    await phone.getByRole("heading", { level: 1 }).waitFor();
    await expectArabicInterface(phone);
    const question = (text: RegExp) => phone.getByRole("group", { name: text });
    await question(/ما مدى رضاك عن الخدمة التي تلقيتها/)
      .getByLabel("2", { exact: true })
      .check();
    // A low score opens the question about what went wrong (shown only then).
    const wrong = question(/ما الذي لم يكن كما ينبغي/);
    await wrong.waitFor();
    await wrong.getByRole("textbox").fill(remark);
    await question(/ما مدى احتمال أن توصي/)
      .getByLabel("6", { exact: true })
      .check();
    await phone.getByLabel("نعم، يمكنكم التواصل معي").check();
    mkdirSync(".tmp", { recursive: true });
    await phone.screenshot({ path: ".tmp/survey-on-phone.png", fullPage: true });
    await phone.getByRole("button", { name: "إرسال" }).click();
    await phone.getByRole("heading", { name: "شكرًا لك" }).waitFor();

    // The link lets one answer in: opened again, it says so.
    await phone.goto(surveyLink);
    await phone.getByText("أُرسلت الإجابة عن هذه الاستبانة من قبل", { exact: false }).waitFor();
    await phone.context().close();
  });

  it("the manager sees one answer more this month, and the follow-up she allowed", async () => {
    const manager = await open({ email: "manager@demo.silah.sa" });
    await nav(manager, "لوحة المؤشرات");
    await manager.locator("[data-section=satisfaction]").waitFor();
    await expect.poll(() => answersOnDashboard(manager)).toBe(answersBefore + 1);
    const csat = manager.locator("[data-section=satisfaction_by_month]").first();
    await csat.locator("svg").first().waitFor();
    await expectArabicInterface(manager);

    await nav(manager, "متابعة الاستبانات");
    await manager.getByText(remark).waitFor();
    await manager.getByText(haila.name).first().waitFor();
    await expectArabicInterface(manager);
    await manager.context().close();
  });

  it("the month's evidence pack is made in the background and its workbook holds the answer", async () => {
    const manager = await open({ email: "manager@demo.silah.sa" });
    await nav(manager, "حزمة الأدلة");
    await manager.getByRole("heading", { level: 1, name: "حزمة الأدلة" }).waitFor();
    await expectArabicInterface(manager);
    await manager.getByRole("button", { name: "إنشاء الحزمة" }).click();
    const workbookLink = manager.getByRole("link", { name: /تنزيل ملف إكسل/ }).first();
    await workbookLink.waitFor({ timeout: 120_000 });

    const [workbookDownload] = await Promise.all([manager.waitForEvent("download"), workbookLink.click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await workbookDownload.path())!) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("رضا المستفيدين");
    expect(sheet, book.worksheets.map((w) => w.name).join(", ")).toBeDefined();
    const rows: Record<string, unknown> = {};
    sheet!.eachRow((row) => {
      rows[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(Number(rows["عدد الإجابات"])).toBe(answersBefore + 1);

    const [pdfDownload] = await Promise.all([
      manager.waitForEvent("download"),
      manager
        .getByRole("link", { name: /تنزيل الملف المطبوع/ })
        .first()
        .click(),
    ]);
    expect(
      readFileSync((await pdfDownload.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    copyFileSync((await pdfDownload.path())!, ".tmp/evidence-pack.pdf");
    // Listed with who made it.
    await manager.getByRole("cell", { name: "عبدالعزيز بن إبراهيم الحربي" }).first().waitFor();

    expect(violations).toEqual([]);
    await manager.context().close();
  });
});
