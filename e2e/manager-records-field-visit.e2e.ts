import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

// A PNG signature and header chunk: what the files module recognises as an image from its bytes.
const photo = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000d49484452000000010000000108060000001f15c489", "hex"),
]);
const officerName = "نورة بنت عبدالله القحطاني";
const todayInRiyadh = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());

describe("the manager defines a checklist and records a supervisory visit with a follow-up action (S2)", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("opens «الرقابة الميدانية» from the menu and defines a checklist", async () => {
    await signInOnPage(page, "manager@demo.silah.sa");
    await page.waitForURL((url) => url.pathname === "/");
    await page
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "الرقابة الميدانية" })
      .click();
    await page.getByRole("heading", { level: 1, name: "الرقابة الميدانية" }).waitFor();
    await expectArabicInterface(page);

    await page.getByRole("link", { name: "قوائم التحقق" }).click();
    await page.getByRole("heading", { level: 1, name: "قوائم التحقق للزيارات" }).waitFor();
    await expectArabicInterface(page);
    await page.getByRole("button", { name: "حفظ القائمة" }).click();
    await page.getByText("«اسم القائمة» مطلوب.").waitFor();
    await page.getByLabel("اسم القائمة").fill("زيارة مكتب فرعي");
    await page.getByLabel("البنود (بند في كل سطر)").fill("لوحة الجمعية ظاهرة\nسجل الزوار محدّث");
    await page.getByRole("button", { name: "حفظ القائمة" }).click();
    await page.getByRole("status").getByText("حُفظت القائمة.").waitFor();
    await page
      .locator(".field-checklist-item", { hasText: "زيارة مكتب فرعي" })
      .getByText("الإصدار 1")
      .waitFor();
  });

  it("records a supervisory visit with the checklist, a photo and an action the officer owns in 2 working days", async () => {
    await page.getByRole("link", { name: "العودة إلى الزيارات" }).click();
    await page.getByRole("link", { name: "تسجيل زيارة" }).click();
    await page.getByRole("heading", { level: 1, name: "تسجيل زيارة أو مسح أو مقابلة" }).waitFor();
    await expectArabicInterface(page);

    // Nothing filled in: the form says in Arabic what is missing, beside each field.
    await page.getByRole("button", { name: "حفظ الزيارة" }).click();
    await page.getByText("«المكان» مطلوب.").waitFor();

    await page.getByLabel("نوع الزيارة").selectOption({ label: "زيارة إشرافية" });
    await page.getByLabel("تاريخ الزيارة", { exact: true }).fill(todayInRiyadh());
    await page.getByLabel("المكان", { exact: true }).fill("مكتب حي النسيم");
    await page.getByLabel("قائمة التحقق").selectOption({ label: "زيارة مكتب فرعي" });
    await page
      .getByRole("group", { name: "لوحة الجمعية ظاهرة" })
      .getByLabel("متحقق", { exact: true })
      .check();
    await page
      .getByRole("group", { name: "سجل الزوار محدّث" })
      .getByLabel("غير متحقق", { exact: true })
      .check();
    await page.getByLabel("الملاحظات والنتائج").fill("سجل الزوار غير محدّث منذ شهرين.");
    await page.getByLabel("الصور").setInputFiles({ name: "مكتب.png", mimeType: "image/png", buffer: photo });
    await page.getByRole("button", { name: "إضافة إجراء" }).click();
    await page.getByLabel("الإجراء المطلوب").fill("تحديث سجل الزوار");
    await page.getByLabel("المسؤول عن التنفيذ").selectOption({ label: officerName });
    await page.getByLabel("عدد أيام العمل من تاريخ الزيارة").fill("2");
    await expectArabicInterface(page);
    await page.getByRole("button", { name: "حفظ الزيارة" }).click();

    await page.waitForURL(/\/field\/visits\/[0-9a-f-]+$/);
    await page.getByRole("heading", { level: 1, name: /زيارة إشرافية/ }).waitFor();
    const actions = page.getByRole("table").filter({ hasText: "تحديث سجل الزوار" });
    await actions.getByText(officerName).waitFor();
    await actions.getByText("مفتوح").waitFor();
    await page.getByText("سجل الزوار غير محدّث منذ شهرين.").waitFor();
    await page.getByRole("img", { name: /صورة الزيارة/ }).waitFor();
    await expectArabicInterface(page);

    // The due date is two working days after the visit on the association's calendar.
    const visitId = page.url().split("/").pop();
    const visit = await page.evaluate(async (id) => (await fetch(`/api/field/visits/${id}`)).json(), visitId);
    const due = new Date(`${visit.actions[0].dueDate}T12:00:00Z`);
    expect(visit.actions[0].dueDate > todayInRiyadh()).toBe(true);
    expect([5, 6]).not.toContain(due.getUTCDay());

    await page.getByRole("link", { name: "العودة إلى الزيارات" }).click();
    // The demo's own visits are listed too: this visit's row is read by its place.
    const row = page.getByRole("table").getByRole("row").filter({ hasText: "مكتب حي النسيم" });
    await row.getByText("إجراء مفتوح واحد").waitFor();
    await expectArabicInterface(page);
  });
});
