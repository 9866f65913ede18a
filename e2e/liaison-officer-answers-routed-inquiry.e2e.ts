import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

// The demo association (server/db/seed-demo.ts): its liaison officer answers every category by default.
const liaisonName = "عبدالرحمن بن فهد الدوسري";
const beneficiaryName = "فاطمة بنت علي بن حسن آل منصور";
const beneficiaryId = "1020000004";
const subject = "موعد صرف الإعانة الشهرية للأرامل";
const answerText = "تُصرف الإعانة في الأسبوع الأول من كل شهر هجري بعد اعتماد الكشف.";
const guideTitle = "دليل سياسة الدعم للمستفيدين";
const letterSubject = "تقرير طبي عن حالة المستفيدة";

describe("an officer routes a WhatsApp inquiry to the liaison officer, who answers it from the inbox citing the library, and senior management follows the load", () => {
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

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator puts the support policy guide in the library", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin).getByRole("link", { name: "المكتبة" }).click();
    await admin.getByRole("heading", { level: 1, name: "المكتبة" }).waitFor();
    await admin.getByText("إضافة مستند").click();
    await admin.getByLabel("نوع المستند").last().selectOption({ label: "دليل سياسة الدعم للمستفيدين" });
    await admin.getByLabel("عنوان المستند").fill(guideTitle);
    await admin.getByLabel("رقم الإصدار أو تاريخه").fill("1447هـ");
    await admin.getByLabel("الملف", { exact: true }).setInputFiles({
      name: "support-guide.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await admin.getByRole("button", { name: "إضافة إلى المكتبة" }).click();
    await admin.getByText(`أُضيف «${guideTitle}» إلى المكتبة.`).waitFor();
    await expectArabicInterface(admin, "library");
    await admin.context().close();
  });

  it("the officer records the beneficiary's WhatsApp inquiry on her file, and it goes to the liaison officer", async () => {
    const page = await signIn("officer@demo.silah.sa");
    await nav(page).getByRole("link", { name: "المستفيدون" }).click();
    await page.getByLabel("البحث عن مستفيد").fill(beneficiaryId);
    await page
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: beneficiaryName })
      .click();
    await page.getByRole("heading", { level: 1, name: beneficiaryName }).waitFor();

    await page.getByLabel("استفسار", { exact: true }).check();
    await page.getByLabel("قناة التواصل").selectOption({ label: "واتساب" });
    await page.getByLabel("الاتجاه").selectOption({ label: "وارد من المستفيد" });
    await page.getByLabel("الموضوع").fill(subject);
    await page.getByRole("button", { name: "تسجيل", exact: true }).click();
    await page.getByText(`أُحيل الاستفسار إلى ${liaisonName} للرد عليه.`).waitFor();

    // The timeline says which channel it came on, and that it came in.
    const entry = page
      .getByRole("list", { name: "سجل المستفيد" })
      .getByRole("listitem")
      .filter({ hasText: `استفسار: ${subject}` });
    await entry.getByText("واتساب · وارد من المستفيد").waitFor();
    await expectArabicInterface(page, "beneficiary file");

    // A letter about her, registered from her file: the timeline shows its subject and register number.
    const fileUrl = page.url();
    await page.getByRole("link", { name: "قيد مراسلة" }).click();
    await page.getByLabel("الجهة المرسِلة").fill("مستشفى الملك خالد بنجران");
    await page.getByLabel("الموضوع").fill(letterSubject);
    await page.getByRole("button", { name: "قيد في السجل" }).click();
    const number = (await page.locator(".success .reference-number").textContent()) ?? "";
    expect(number).toMatch(/^IN-\d{4}-\d{4}$/);
    await expectArabicInterface(page, "correspondence register");
    await page.goto(fileUrl);
    const letter = page
      .getByRole("list", { name: "سجل المستفيد" })
      .getByRole("listitem")
      .filter({ hasText: `مراسلة: ${letterSubject}` });
    await letter.getByText(number, { exact: true }).waitFor();
    await letter.getByText(/الخطابات والمراسلات · وارد$/).waitFor();
    await page.context().close();
  });

  it("the liaison officer finds it in «عملي» and in the inbox with its age, and answers it citing the guide", async () => {
    const page = await signIn("liaison-officer@demo.silah.sa");
    const work = page.getByRole("list", { name: "عملي" });
    await work.getByRole("link", { name: `الرد على استفسار: ${subject}` }).click();
    await page.waitForURL("**/inbox");
    await page.getByRole("heading", { level: 1, name: "الاستفسارات المحالة إليّ" }).waitFor();
    await expect.poll(() => nav(page).getByRole("link", { name: "الاستفسارات المحالة إليّ" }).count()).toBe(1);

    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });
    await item.getByRole("link", { name: beneficiaryName }).waitFor();
    await item.getByText("واتساب · وارد من المستفيد").waitFor();
    await item.getByTestId("inquiry-age").getByText("ورد اليوم").waitFor();
    expect(await item.getByText("متأخر", { exact: true }).count()).toBe(0);
    await expectArabicInterface(page, "inbox");

    // Sending nothing: our own Arabic message, no browser bubble.
    await item.getByRole("button", { name: "إرسال الرد" }).click();
    await item.getByText("اكتب الرد قبل إرساله.").waitFor();

    await item.getByLabel("الرد", { exact: true }).fill(answerText);
    await item.getByLabel("المرجع من المكتبة").selectOption({ label: `${guideTitle} (الإصدار 1447هـ)` });
    await item.getByRole("button", { name: "إرسال الرد" }).click();
    await page.getByText(`أُرسل الرد على «${subject}» إلى المستفيد.`).waitFor();
    await page.getByRole("heading", { name: subject }).waitFor({ state: "detached" });

    await page.getByLabel("تم الرد عليها").check();
    const answered = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: subject }) });
    await answered.getByText(answerText).waitFor();
    await answered.getByRole("link", { name: `${guideTitle} (الإصدار 1447هـ)` }).waitFor();
    await expectArabicInterface(page, "inbox, answered");
    await page.screenshot({ path: ".tmp/liaison-inbox.png", fullPage: true });

    await nav(page).getByRole("link", { name: "الرئيسية" }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole("list", { name: "عملي" }).getByText(`الرد على استفسار: ${subject}`).count())
      .toBe(0);
    await page.context().close();
  });

  it("senior management sees each liaison officer's open, overdue and answered inquiries", async () => {
    const page = await signIn("manager@demo.silah.sa");
    await nav(page).getByRole("link", { name: "متابعة ضباط الاتصال" }).click();
    await page.getByRole("heading", { level: 1, name: "متابعة ضباط الاتصال" }).waitFor();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: liaisonName }) });
    await row.waitFor();
    // The demo's unanswered orphans inquiry is still open; the one answered today counts, the same day.
    expect(await row.locator("[data-column='open']").textContent()).toBe("1");
    expect(await row.locator("[data-column='answered']").textContent()).toBe("1");
    expect(await row.locator("[data-column='average']").textContent()).toBe("في اليوم نفسه");
    await expectArabicInterface(page, "liaison officers' load");
    await page.screenshot({ path: ".tmp/liaison-load.png", fullPage: true });

    // The beneficiary's story shows the answer went out with its reference.
    await nav(page).getByRole("link", { name: "المستفيدون" }).click();
    await page.getByLabel("البحث عن مستفيد").fill(beneficiaryId);
    await page
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: beneficiaryName })
      .click();
    const entry = page
      .getByRole("list", { name: "سجل المستفيد" })
      .getByRole("listitem")
      .filter({ hasText: `استفسار: ${subject}` });
    await entry.getByText(answerText).waitFor();
    await entry.getByText(`${guideTitle} (الإصدار 1447هـ)`).waitFor();
    await expectArabicInterface(page, "beneficiary file, answered");
    await page.context().close();
  });
});
