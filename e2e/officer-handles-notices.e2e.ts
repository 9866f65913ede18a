import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

// The demo's beneficiary who agreed to be told by SMS; the demo runs without an SMS gateway.
const beneficiaryName = "فاطمة بنت علي بن حسن آل منصور";
const serviceName = "مساعدة طارئة";

describe("an officer sees that an SMS could not reach the beneficiary (no gateway), sends it as a phone call instead, reads the whole text in the manual notices, and marks the call done", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let officer: Page;
  let requestPath = "";

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
  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();
  const notices = (page: Page) => page.getByTestId("notices");

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator adds a service whose only requirement is the monthly income", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin, "الخدمات");
    await admin.getByRole("link", { name: "خدمة جديدة" }).click();
    await admin.getByLabel("اسم الخدمة").fill(serviceName);
    await admin.getByLabel("رمز الخدمة").fill("emergency_aid");
    await admin.getByLabel("معايير الاستحقاق").fill("الأسر التي تمر بظرف طارئ موثق.");
    await admin.getByRole("button", { name: "إضافة متطلب" }).click();
    await admin.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
    await admin.getByLabel("اسم المتطلب 1").fill("الدخل الشهري");
    await admin.getByLabel("رمز المتطلب 1").fill("monthly_income");
    await admin.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
    await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.waitForURL("**/services");
  });

  it("the request completes; the SMS telling her so fails at once with its reason, and the screen says so", async () => {
    officer = await signIn("officer@demo.silah.sa");
    await nav(officer, "المستفيدون");
    await officer.getByLabel("البحث عن مستفيد").fill("فاطمة آل منصور");
    await officer
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: beneficiaryName })
      .click();
    await officer.getByRole("heading", { level: 1, name: beneficiaryName }).waitFor();
    await officer.getByRole("link", { name: "فتح طلب" }).click();
    await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: serviceName });
    await officer.getByLabel("قناة الطلب").selectOption({ label: "المقابلة الشخصية" });
    await officer.getByRole("button", { name: "فتح الطلب" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestPath = new URL(officer.url()).pathname;
    await officer.getByLabel("الدخل الشهري").fill("900");
    await officer.getByRole("button", { name: "حفظ البيانات" }).click();
    await expect.poll(() => officer.getByTestId("request-state").textContent()).toBe("مكتمل");

    const failed = notices(officer).getByTestId("notice").filter({ hasText: "تعذّر الإرسال" });
    await failed.waitFor();
    await failed.getByText("لا توجد بوابة رسائل نصية مهيأة.").waitFor();
    expect(await failed.getByText("رسالة نصية", { exact: true }).count()).toBe(1);
    await expectArabicInterface(officer, "request page with a failed SMS");
  });

  it("the officer sends it as a phone call instead: a manual task with the whole text", async () => {
    const failed = notices(officer).getByTestId("notice").filter({ hasText: "تعذّر الإرسال" });
    // Choosing nothing is refused in Arabic, by the page itself.
    await failed.getByRole("button", { name: "إرسال بوسيلة أخرى" }).click();
    await failed.getByText("اختر الوسيلة التي يُرسل بها الإشعار.").waitFor();
    await failed.getByLabel("وسيلة أخرى").selectOption({ label: "الاتصال الهاتفي" });
    await failed.getByRole("button", { name: "إرسال بوسيلة أخرى" }).click();
    const task = notices(officer).getByTestId("notice").filter({ hasText: "ينتظر التنفيذ يدويًا" });
    await task.waitFor();
    await notices(officer).getByText("حلّ محله إشعار أحدث").waitFor();
    expect(await task.getByTestId("notice-body").textContent()).toMatch(/^اكتمل طلبكم رقم REQ-/);
    await expectArabicInterface(officer, "request page with a manual task");
  });

  it("on the home page the manual notices hold the whole text; «تم» records who made the call and when", async () => {
    await officer.goto("/");
    const manual = officer.getByTestId("manual-notices");
    const task = manual.getByTestId("notice").filter({ hasText: beneficiaryName });
    await task.waitFor();
    const text = (await task.getByTestId("notice-body").textContent()) ?? "";
    expect(text).toContain(`اكتمل طلبكم رقم`);
    expect(text).toContain(`«${serviceName}»`);
    expect(text).toContain("سيُدرس الطلب ويُرد عليكم");
    await expectArabicInterface(officer, "home page with manual notices");
    await task.getByRole("button", { name: "تم", exact: true }).click();
    await manual.getByText("لا توجد إشعارات يدوية تنتظر التنفيذ.").waitFor();

    await officer.goto(requestPath);
    const done = notices(officer).getByTestId("notice").filter({ hasText: "نُفّذ يدويًا" });
    await done.waitFor();
    await done.getByText("نفّذه").waitFor();
    await expectArabicInterface(officer, "request page after the call");
  });

  it("the beneficiary's file shows the same notices with their states", async () => {
    await officer.getByRole("link", { name: beneficiaryName }).first().click();
    await officer.getByRole("heading", { level: 1, name: beneficiaryName }).waitFor();
    await notices(officer).getByText("نُفّذ يدويًا").waitFor();
    await expectArabicInterface(officer, "beneficiary file with notices");
  });
});
