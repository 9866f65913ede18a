import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type Mailbox, openMailbox } from "./support/mailbox.js";
import { type RunningSilah, startSilah } from "./support/server.js";

// The demo's mother who may try the portal (README): her e-mail is on file, her son has his own.
const nationalId = "1060000005";
const email = "haila@example.org";

describe("a beneficiary signs in to the portal on her phone with a code from her e-mail, follows her request and her son's, reads the committee's decision, and signs out", () => {
  let silah: RunningSilah;
  let mailbox: Mailbox;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const scripts: string[] = [];

  beforeAll(async () => {
    mailbox = await openMailbox();
    silah = await startSilah({ env: { SILAH_SMTP_URL: mailbox.url } });
    browser = await launchBrowser();
    context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "ar-SA",
    });
    page = await context.newPage();
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
    await mailbox?.close();
  });

  it("asks for a code with her ID and signs in with the code the e-mail carries", async () => {
    await page.goto("/p/demo/");
    await page.getByRole("heading", { level: 1, name: "الدخول إلى بوابة المستفيد" }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    // A wrong check digit is refused on the page, in Arabic, without a native bubble.
    await page.getByLabel("رقم الهوية الوطنية أو الإقامة").fill("1060000006");
    await page.getByRole("button", { name: "أرسل رمز الدخول" }).click();
    await expect.poll(() => page.locator(".portal-field-error").textContent()).toMatch(/[ء-ي]/);

    await page.getByLabel("رقم الهوية الوطنية أو الإقامة").fill(nationalId);
    await page.getByRole("button", { name: "أرسل رمز الدخول" }).click();
    await page.getByText("إن كان هذا الرقم مسجلًا لدى الجمعية").waitFor();
    const mail = await mailbox.waitFor(email, (m) => m.subject === "رمز الدخول إلى بوابة المستفيد");
    const code = mail.text?.match(/\b(\d{6})\b/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await page.getByLabel("رمز الدخول").fill(code!);
    await page.getByRole("button", { name: "دخول", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "طلباتي" }).waitFor();
  });

  it("sees her requests and her son's, each with its state in Arabic and what is awaited from her", async () => {
    await page.getByText("سلطان بن فهد بن محمد العنزي").first().waitFor();
    await page.getByText("قُبل طلبك").waitFor();
    await page.getByText("ينتظر منك بيانات أو مستندات").first().waitFor();
    // The staff app's code never reached her phone.
    expect(scripts.some((path) => /\/assets\/staff-/.test(path))).toBe(false);
  });

  it("opens the decided request: the committee's decision with its reasons, in both calendars", async () => {
    await page
      .getByRole("link", { name: /تفاصيل الطلب/ })
      .filter({ hasText: "المساعدة العلاجية" })
      .click();
    await page.getByRole("heading", { level: 1, name: /الطلب/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "قرار اللجنة" }).waitFor();
    await page.getByText("التقرير الطبي حديث ويثبت الحاجة").waitFor();
    // The decision's date: Hijri (هـ) with the Gregorian beside it.
    const decided = await page
      .locator("dt", { hasText: "تاريخ القرار" })
      .locator("xpath=../dd")
      .textContent();
    expect(decided).toMatch(/هـ \(\d{1,2} [^\d]+ \d{4}\)/);
    await page.getByRole("link", { name: "العودة إلى طلباتي" }).click();
    await page.getByRole("heading", { level: 1, name: "طلباتي" }).waitFor();
  });

  it("reads her notices, then signs out", async () => {
    await page
      .getByRole("navigation", { name: "أقسام البوابة" })
      .getByRole("link", { name: "إشعاراتي" })
      .click();
    await page.getByRole("heading", { level: 1, name: "إشعاراتي" }).waitFor();
    // Her sign-in code is not among her notices.
    expect(await page.locator("main").textContent()).not.toMatch(/رمز دخولك/);
    await page.getByRole("button", { name: "تسجيل الخروج" }).click();
    await page.getByRole("heading", { level: 1, name: "الدخول إلى بوابة المستفيد" }).waitFor();
    await page.getByText("سُجّل خروجك").waitFor();
    const me = await page.request.get("/api/portal/me");
    expect(me.status()).toBe(401);
  });
});
