import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArabicPageFinding, findNonArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

/** Waits until the page has drawn its data: no request in flight and no «جارٍ التحميل…» left. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.getByText("جارٍ التحميل…").first().waitFor({ state: "hidden" });
  await page.locator("main, .sign-screen, form").first().waitFor();
}

/** Every page the sidebar offers this person, as the paths its links point to. */
async function menuPaths(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "التنقل الرئيسي" });
  await nav.getByRole("link").first().waitFor();
  const hrefs = await nav
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

describe("every page an administrator, a manager and an officer reach speaks Arabic", () => {
  let silah: RunningSilah;
  let browser: Browser;
  const findings = new Map<string, ArabicPageFinding[]>();

  async function scan(page: Page, name: string): Promise<void> {
    await settled(page);
    const found = await findNonArabicInterface(page);
    // Every page says what it is in its own words.
    if ((await page.locator("h1").count()) === 0) {
      found.push({
        kind: "no_heading",
        where: "main",
        text: (await page.locator("main").textContent()) ?? "",
      });
    }
    if (found.length > 0) findings.set(`${name} ${new URL(page.url()).pathname}`, found);
  }

  async function signedIn(email: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width, height: 800 } });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.locator(".shell").waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the scan itself catches English words, the browser's file control and its validation bubble", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<html lang="ar" dir="rtl"><head><title>صلة</title></head><body>
      <h1>المستفيدون</h1><p>Loading…</p><p>الجوال <bdi dir="ltr">+966544447777</bdi></p>
      <form><label>المبلغ <input required></label><input type="file"></form>
      <form novalidate><input required><input type="file" style="position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%)"></form>
      <select><option>Choose</option></select><button aria-label="Close">×</button>
      <input type="number"><button lang="en">English</button>
    </body></html>`);
    const kinds = (await findNonArabicInterface(page)).map((finding) => `${finding.kind}:${finding.text}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "english_text:Loading…",
        "english_text:Choose",
        "english_aria-label:Close",
        "native_file_input:Choose File",
        "native_validation:form without noValidate",
        "native_number_input:number",
      ]),
    );
    // A language's own name in that language («English» on the switch) is not an English leak.
    expect(kinds).not.toContain("english_text:English");
    // The browser's own message for the required field, in whatever language the browser speaks.
    expect(kinds.filter((kind) => kind.startsWith("native_validation:"))).toHaveLength(2);
    // The phone in its <bdi>, and the hidden input behind an Arabic button, are not findings.
    expect(
      kinds.filter((kind) => kind.includes("966") || kind === "native_file_input:Choose File"),
    ).toHaveLength(1);
    await context.close();
  });

  it("shows the sign-in page and the public complaint page in Arabic", async () => {
    const context = await browser.newContext({ baseURL: silah.baseUrl });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await scan(page, "anonymous");
    await context.close();
  });

  for (const [role, email] of [
    ["administrator", "admin@demo.silah.sa"],
    ["manager", "manager@demo.silah.sa"],
    ["officer", "officer@demo.silah.sa"],
  ] as const) {
    it(`walks every page of the ${role}'s menu`, async () => {
      const { context, page } = await signedIn(email);
      for (const path of await menuPaths(page)) {
        await page.goto(path);
        await scan(page, role);
        // A page's forms for something new («تسجيل مستفيد», «فتح طلب», …) are pages too.
        const forms = await page
          .locator("main a[href$='/new']")
          .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
        for (const form of new Set(forms)) {
          await page.goto(form);
          await scan(page, role);
        }
      }
      await page.goto("/account");
      await scan(page, role);
      await context.close();
    });
  }

  it("shows a beneficiary's file, its edit form and the audit log's subjects in Arabic, also on a phone", async () => {
    const { context, page } = await signedIn("officer@demo.silah.sa", 375);
    await page.goto("/beneficiaries");
    await settled(page);
    // A demo beneficiary, found the way an officer finds anyone: by the ID number in the one box.
    await page.getByLabel("البحث عن مستفيد").fill("2050000005");
    const result = page.getByRole("list", { name: "نتائج البحث" }).getByRole("link").first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    const href = new URL(page.url()).pathname;
    await scan(page, "officer (phone)");
    const references = await page.evaluate(() =>
      Array.from(document.querySelectorAll("bdi[dir=ltr]"))
        .filter((code) => code.getClientRects().length > 1)
        .map((code) => code.textContent),
    );
    expect(references, "codes that break across lines on a phone").toEqual([]);
    await page.goto(`${href}/edit`);
    await scan(page, "officer (phone)");
    await context.close();

    const manager = await signedIn("manager@demo.silah.sa", 375);
    await manager.page.goto("/audit");
    await scan(manager.page, "manager (phone)");
    // Subjects are named («المستخدم …», «ملف المستفيد رقم …»), not a type and a raw id.
    const subjects = await manager.page.locator("td[data-label='المعنيّ بالحدث']").allTextContents();
    expect(subjects.some((text) => text.startsWith("المستخدم "))).toBe(true);
    expect(subjects.filter((text) => /[a-z]+_[a-z]+/.test(text))).toEqual([]);
    await manager.context.close();
  });

  it("answers an empty form with Arabic messages beside the fields, never the browser's bubble", async () => {
    const { context, page } = await signedIn("officer@demo.silah.sa");
    await page.goto("/beneficiaries/new");
    await settled(page);
    const form = page.locator("main form").first();
    await form
      .getByRole("button", { name: /حفظ|تسجيل/ })
      .last()
      .click();
    // Our own messages, tied to their fields…
    await page.locator(".field__error").first().waitFor();
    const messages = await page.locator(".field__error").allTextContents();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/[\u0600-\u06FF]/);
    // …and no field the browser would stop the form for with its own words.
    const leftToTheBrowser = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll("form")).filter((f) => !f.noValidate && !f.checkValidity())
          .length,
    );
    expect(leftToTheBrowser).toBe(0);
    await scan(page, "officer, empty form");
    await context.close();
  });

  it("records a complaint on the screen: Arabic refusals, a landline refused as a mobile, the complaint's page in Arabic on a phone", async () => {
    const { context, page } = await signedIn("manager@demo.silah.sa", 375);
    await page.goto("/complaints/new");
    await settled(page);
    await scan(page, "manager, new complaint");
    const submit = page.getByRole("button", { name: "تسجيل الشكوى" });
    await submit.click();
    // Nothing typed: our own words beside the fields, the browser says nothing.
    await page.locator(".field__error").first().waitFor();
    for (const message of await page.locator(".field__error").allTextContents()) {
      expect(message).toMatch(/[\u0600-\u06FF]/);
    }
    await page.getByRole("radio", { name: /التأخر في الرد/ }).check();
    await page.getByLabel("موضوع الشكوى").fill("تأخر الرد على طلب المساعدة");
    await page.getByLabel("تفاصيل الشكوى").fill("قدمت طلب المساعدة قبل شهر ولم يصلني أي رد حتى الآن.");
    await page.getByLabel(/^الاسم/).fill("أم فهد");
    // A landline where a mobile is asked: refused with its reason, nothing recorded.
    await page.getByLabel(/^رقم الجوال/).fill("0112345678");
    await submit.click();
    await page.getByText("هذا رقم هاتف ثابت لا جوال").waitFor();
    await page.getByLabel(/^رقم الجوال/).fill("٠٥٥١٢٣٠٠٠٠");
    await submit.click();
    const saved = page.locator(".success .reference-number");
    await saved.waitFor();
    const reference = (await saved.textContent())?.trim() ?? "";
    expect(reference).toMatch(/^[A-Z]+-/);
    await scan(page, "manager, complaint recorded");

    await page.goto("/complaints");
    await settled(page);
    await page.getByRole("link", { name: "تأخر الرد على طلب المساعدة" }).first().click();
    await page.getByRole("heading", { level: 1, name: "تأخر الرد على طلب المساعدة" }).waitFor();
    await scan(page, "manager (phone), complaint");
    const wrapped = await page.evaluate(() =>
      Array.from(document.querySelectorAll("bdi[dir=ltr], .reference-number"))
        .filter((code) => code.getClientRects().length > 1)
        .map((code) => code.textContent),
    );
    expect(wrapped, "codes that break across lines on a phone").toEqual([]);
    // The phone reads as it is dialled, left to right: «0551230000», not «0000321550».
    const phone = page.locator("bdi", { hasText: /^(\+966551230000|0551230000)$/ }).first();
    await expect(phone.evaluate((element) => getComputedStyle(element).direction)).resolves.toBe("ltr");
    await context.close();
  });

  it("opens a request on the screen: words in its number field are refused, Arabic-Indic digits saved, the page in Arabic on a phone", async () => {
    const admin = await signedIn("admin@demo.silah.sa");
    await admin.page.goto("/admin/services/new");
    await settled(admin.page);
    await scan(admin.page, "administrator, new service");
    await admin.page.getByLabel("اسم الخدمة").fill("مساعدة شهرية");
    await admin.page.getByLabel("رمز الخدمة").fill("monthly_aid");
    await admin.page.getByLabel("معايير الاستحقاق").fill("الأسر التي يقل دخلها الشهري عن ٣٠٠٠ ريال.");
    await admin.page.getByRole("button", { name: "إضافة متطلب" }).click();
    await admin.page.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
    await admin.page.getByLabel("اسم المتطلب 1").fill("الدخل الشهري");
    await admin.page.getByLabel("رمز المتطلب 1").fill("monthly_income");
    await admin.page.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
    await admin.page.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.page.waitForURL("**/services");
    await admin.context.close();

    const { context, page } = await signedIn("officer@demo.silah.sa", 375);
    await page.goto("/beneficiaries");
    await page.getByLabel("البحث عن مستفيد").fill("2050000005");
    await page.getByRole("list", { name: "نتائج البحث" }).getByRole("link").first().click();
    await page.getByRole("link", { name: "فتح طلب" }).click();
    await settled(page);
    await scan(page, "officer (phone), new request");
    await page.getByLabel("الخدمة", { exact: true }).selectOption({ label: "مساعدة شهرية" });
    await page.getByLabel("قناة الطلب").selectOption({ label: "المقابلة الشخصية" });
    await page.getByRole("button", { name: "فتح الطلب" }).click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await settled(page);

    const income = page.getByLabel("الدخل الشهري");
    await income.fill("ثلاثة آلاف");
    await page.getByRole("button", { name: "حفظ البيانات" }).click();
    await page.getByText("«الدخل الشهري» رقم: اكتبه بالأرقام").waitFor();
    expect(await page.getByText("حُفظت البيانات.").count()).toBe(0);
    await income.fill("٣٠٠٠");
    await page.getByRole("button", { name: "حفظ البيانات" }).click();
    await page.getByText("حُفظت البيانات.").waitFor();
    await page.reload();
    await settled(page);
    expect(await page.getByLabel("الدخل الشهري").inputValue()).toBe("3000");

    await scan(page, "officer (phone), request");
    const title = (await page.locator("h1").textContent()) ?? "";
    const reference = title.match(/REQ-[0-9-]+/)?.[0] ?? "";
    expect(reference).not.toBe("");
    expect(title.split(reference)).toHaveLength(2);
    const wrapped = await page.evaluate(() =>
      Array.from(document.querySelectorAll("bdi[dir=ltr], .reference-number"))
        .filter((code) => code.getClientRects().length > 1)
        .map((code) => code.textContent),
    );
    expect(wrapped, "codes that break across lines on a phone").toEqual([]);

    // «عملي»: the task names the request's reference once.
    await page.goto("/requests");
    await settled(page);
    await scan(page, "officer (phone), requests");
    const tasks = await page.locator(".work-list__title").allTextContents();
    for (const task of tasks.filter((text) => text.includes(reference))) {
      expect(task.split(reference), task).toHaveLength(2);
    }
    await context.close();

    // The audit log names the request by its reference, not by a type and an id.
    const manager = await signedIn("manager@demo.silah.sa");
    await manager.page.goto("/audit?type=support_request.opened");
    await settled(manager.page);
    await manager.page.locator("td[data-label='المعنيّ بالحدث']").getByText(`طلب ${reference}`).waitFor();
    await scan(manager.page, "manager, audit of a request");
    await manager.context.close();
  });

  it("leaves no English and no native control on any of those pages", () => {
    expect(Object.fromEntries(findings)).toEqual({});
  });
});
