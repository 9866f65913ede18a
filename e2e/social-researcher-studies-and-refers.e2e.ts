import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const beneficiaryName = "محمد بن إبراهيم بن عبدالعزيز الدوسري";
const serviceName = "إعانة إيجار السكن";
const researcherName = "فاطمة بنت سعد الشهري";
// The server judges dates against its own clock, which is this machine's: today, in Riyadh.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());

/**
 * The social researcher's whole job on a referral, from sign-in, using only the screen: she finds
 * the referral in her work, studies the family at home, completes what was missing, closes the
 * referral, takes the beneficiary's declaration by a one-time code — and when the income is
 * corrected afterwards, the page says the declaration no longer covers the data and she has it
 * signed again.
 */
describe("a social researcher studies a referred request, completes it, takes the declaration by a one-time code, and has it signed again after the income changes", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let researcher: Page;
  let requestPath = "";
  let referenceNumber = "";

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    await expectArabicInterface(page, "home");
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();
  const state = (page: Page) => page.getByTestId("request-state");

  /** The one-time code the beneficiary received by e-mail for this request (the dev outbox). */
  async function codeFromOutbox(seen: Set<string>): Promise<string> {
    const outbox = join(silah.dataDir, "outbox");
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      let names: string[] = [];
      try {
        names = readdirSync(outbox).filter((name) => name.endsWith(".eml") && !seen.has(name));
      } catch {
        // Nothing sent yet.
      }
      for (const name of names) {
        const mail = await simpleParser(readFileSync(join(outbox, name)));
        if (mail.subject === "رمز الإقرار" && mail.text?.includes(referenceNumber)) {
          seen.add(name);
          return /(\d{6})/.exec(mail.text)![1]!;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no declaration code for ${referenceNumber} in ${outbox}`);
  }

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator adds the service; the officer opens the request and refers it to the researcher", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin, "الخدمات");
    await admin.getByRole("link", { name: "خدمة جديدة" }).click();
    await admin.getByLabel("اسم الخدمة").fill(serviceName);
    await admin.getByLabel("رمز الخدمة").fill("rent_aid");
    const add = admin.getByRole("button", { name: "إضافة متطلب" });
    await add.click();
    await admin.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
    await admin.getByLabel("اسم المتطلب 1").fill("الدخل الشهري");
    await admin.getByLabel("رمز المتطلب 1").fill("monthly_income");
    await admin.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
    await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.waitForURL("**/services");
    await admin.context().close();

    const officer = await signIn("officer@demo.silah.sa");
    await nav(officer, "المستفيدون");
    await officer.getByLabel("البحث عن مستفيد").fill("محمد الدوسري");
    await officer
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: beneficiaryName })
      .click();
    await officer.getByRole("heading", { level: 1, name: beneficiaryName }).waitFor();
    // The file's panels (requests, contacts, timeline) load one after another and move the link.
    await officer.waitForLoadState("networkidle");
    await officer.getByRole("link", { name: "فتح طلب" }).click();
    await officer.waitForURL(/\/requests\/new\?beneficiaryId=/);
    await officer.getByText(beneficiaryName).waitFor();
    await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: serviceName });
    await officer.getByLabel("قناة الطلب").selectOption({ label: "المقابلة الشخصية" });
    await officer.getByRole("button", { name: "فتح الطلب" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestPath = new URL(officer.url()).pathname;
    referenceNumber = (await officer.locator("h1 bdi").textContent())?.trim() ?? "";
    expect(await state(officer).textContent()).toBe("غير مكتمل");
    // The researchers are listed by name once the request settings have loaded.
    await officer.getByRole("combobox", { name: "المحال إليه" }).selectOption({ label: researcherName });
    await officer.getByLabel("سبب الإحالة").fill("المستفيد لا يعرف كيف يثبت دخله من عمل غير منتظم");
    await officer.getByRole("button", { name: "إحالة", exact: true }).click();
    await expect.poll(() => state(officer).textContent()).toBe("محال إلى الباحث");
    await officer.context().close();
  });

  it("the researcher finds the referral in her work and opens the request", async () => {
    researcher = await signIn("social-researcher@demo.silah.sa");
    const work = researcher.getByRole("list", { name: "عملي" });
    await work.getByText("إحالة").first().waitFor();
    await expectArabicInterface(researcher, "home with her work");
    await work.getByRole("listitem").filter({ hasText: referenceNumber }).getByRole("link").first().click();
    await researcher.waitForURL(`**${requestPath}`);
    await expect.poll(() => state(researcher).textContent()).toBe("محال إلى الباحث");
    await expectArabicInterface(researcher, "referred request");
  });

  it("records the home visit, fills in the income, and closes the referral: the request is complete", async () => {
    await researcher.getByLabel("زيارة منزلية").check();
    await researcher.getByLabel("تاريخ الدراسة").fill(today);
    await researcher.getByLabel("النتائج").fill("أسرة من ستة أفراد في شقة مستأجرة، والأب يعمل بأجر يومي");
    await researcher.getByLabel("التوصية").fill("يوصى بإعانة الإيجار");
    await researcher.getByRole("button", { name: "حفظ الدراسة" }).click();
    await researcher.getByText("يوصى بإعانة الإيجار").waitFor();
    await researcher.getByLabel("الدخل الشهري").fill("1800");
    await researcher.getByRole("button", { name: "حفظ البيانات" }).click();
    await researcher.getByText("حُفظت البيانات.").waitFor();
    await researcher.getByLabel("نتيجة الإحالة").fill("زُورت الأسرة وشُرح للمستفيد كيف يثبت دخله");
    await researcher.getByRole("button", { name: "إنهاء الإحالة" }).click();
    await expect.poll(() => state(researcher).textContent()).toBe("مكتمل");
    await expectArabicInterface(researcher, "complete request");
  });

  it("takes the beneficiary's declaration by a one-time code", async () => {
    await researcher.getByLabel("رمز تحقق لمرة واحدة").check();
    await researcher.getByRole("button", { name: "إرسال الرمز" }).click();
    await researcher.getByRole("status").filter({ hasText: "الرمز في طريقه إلى المستفيد" }).waitFor();
    const code = await codeFromOutbox(new Set());
    await researcher.getByLabel("رمز التحقق").fill(code);
    await researcher.getByRole("button", { name: "تأكيد الرمز" }).click();
    await expect.poll(() => state(researcher).textContent()).toBe("مُقَرّ");
    await researcher.getByText("الإقرار يغطي البيانات والمستندات الحالية.").waitFor();
    await expectArabicInterface(researcher, "declared request");
  });

  it("after the income is corrected, the page says the declaration no longer covers the data and offers a new one", async () => {
    await researcher.getByLabel("الدخل الشهري").fill("2100");
    await researcher.getByRole("button", { name: "حفظ البيانات" }).click();
    await expect.poll(() => state(researcher).textContent()).toBe("مكتمل");
    const notice = researcher.getByTestId("declaration-not-covering");
    await notice.getByText("الإقرار لا يغطي البيانات الحالية", { exact: false }).waitFor();
    await notice.getByRole("listitem").filter({ hasText: "الدخل الشهري" }).waitFor();
    await expectArabicInterface(researcher, "declaration no longer covering");

    // Signed again on screen, on the corrected data.
    await researcher.getByLabel("قرأ المستفيد الإقرار ويوافق عليه").check();
    await researcher.getByLabel("توقيع المستفيد (اسمه كما يكتبه)").fill(beneficiaryName);
    await researcher.getByRole("button", { name: "توقيع الإقرار" }).click();
    await expect.poll(() => state(researcher).textContent()).toBe("مُقَرّ");
    await researcher.getByText("الإقرار يغطي البيانات والمستندات الحالية.").waitFor();
    expect(await researcher.getByTestId("declaration-not-covering").count()).toBe(0);
    await expectArabicInterface(researcher, "declared again");
  });
});
