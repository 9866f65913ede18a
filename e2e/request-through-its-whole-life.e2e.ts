import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const beneficiaryName = "محمد بن إبراهيم بن عبدالعزيز الدوسري";
const beneficiaryEmail = "m.dosari@example.org";
const serviceName = "مساعدة مالية شهرية";
const committeeName = "لجنة البحث الاجتماعي";
const member = "خالد بن محمد العتيبي";
const tinyPdf = Buffer.from("%PDF-1.4\n%%EOF\n");
// The server judges validity against its own clock, which is this machine's: today, in Riyadh.
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());
const riyals = (amount: number) =>
  `${new Intl.NumberFormat("ar-SA", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ريال`;

describe("an officer opens a support request, uploads documents and sees what is missing, completes it after a referral, the beneficiary declares, the committee meets and decides, the beneficiary receives the decision by e-mail, and the delivery is recorded", () => {
  let silah: RunningSilah;
  let browser: Browser;
  const pages: Page[] = [];
  let requestPath = "";
  let referenceNumber = "";

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    pages.push(page);
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();

  async function attach(page: Page, requirement: string, dateLabel: string | null, date: string) {
    const form = page.getByRole("form", { name: `إرفاق ${requirement}` });
    await form
      .getByLabel(`ملف ${requirement}`)
      .setInputFiles({ name: "document.pdf", mimeType: "application/pdf", buffer: tinyPdf });
    if (dateLabel) await form.getByLabel(dateLabel).fill(date);
    await form.getByRole("button", { name: "رفع وإرفاق" }).click();
  }

  const state = (page: Page) => page.getByTestId("request-state");

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator adds a service with its requirements, prints its sheet, and forms a committee", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin, "الخدمات");
    await admin.getByRole("link", { name: "خدمة جديدة" }).click();
    await admin.getByLabel("اسم الخدمة").fill(serviceName);
    await admin.getByLabel("رمز الخدمة").fill("monthly_aid");
    await admin.getByLabel("معايير الاستحقاق").fill("الأسر المسجلة التي يقل دخلها الشهري عن ٣٠٠٠ ريال.");
    const add = admin.getByRole("button", { name: "إضافة متطلب" });
    await add.click();
    await admin.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
    await admin.getByLabel("اسم المتطلب 1").fill("الدخل الشهري");
    await admin.getByLabel("رمز المتطلب 1").fill("monthly_income");
    await admin.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
    await add.click();
    await admin.getByLabel("اسم المتطلب 2").fill("صورة الهوية الوطنية");
    await admin.getByLabel("رمز المتطلب 2").fill("national_id");
    await admin.getByLabel("شرط صلاحية المتطلب 2").selectOption({ label: "غير منتهي الصلاحية" });
    await add.click();
    await admin.getByLabel("اسم المتطلب 3").fill("شهادة راتب");
    await admin.getByLabel("رمز المتطلب 3").fill("salary_certificate");
    await admin.getByLabel("شرط صلاحية المتطلب 3").selectOption({ label: "صادر خلال عدد من الأشهر" });
    await admin.getByLabel("عدد الأشهر للمتطلب 3").fill("3");
    await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.waitForURL("**/services");

    const row = admin.getByRole("row", { name: new RegExp(serviceName) });
    await row.getByRole("link", { name: "معايير الخدمة ومتطلباتها" }).click();
    await admin.getByRole("heading", { level: 1, name: `معايير واشتراطات طلب ${serviceName}` }).waitFor();
    await admin.getByText("صادرة خلال آخر 3 أشهر").waitFor();
    await admin.getByText("سارية المفعول وقت التقديم").waitFor();

    await nav(admin, "اللجان");
    await admin.getByLabel("اسم اللجنة").fill(committeeName);
    await admin.getByLabel(member).check();
    await admin.getByLabel("النصاب (عدد الأصوات اللازم للقرار)").fill("1");
    await admin.getByRole("button", { name: "إنشاء اللجنة" }).click();
    await admin.getByRole("heading", { level: 2, name: committeeName }).waitFor();
  });

  it("the officer opens the request from the beneficiary's file and sees exactly what is missing", async () => {
    const officer = await signIn("officer@demo.silah.sa");
    await nav(officer, "المستفيدون");
    await officer.getByLabel("البحث عن مستفيد").fill("محمد الدوسري");
    await officer
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: beneficiaryName })
      .click();
    await officer.getByRole("heading", { level: 1, name: beneficiaryName }).waitFor();
    await officer.getByRole("link", { name: "فتح طلب" }).click();
    await officer.waitForURL(/\/requests\/new\?beneficiaryId=/);
    await officer.getByText(beneficiaryName).waitFor();
    await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: serviceName });
    await officer.getByLabel("قناة الطلب").selectOption({ label: "المقابلة الشخصية" });
    await officer.getByRole("button", { name: "فتح الطلب" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestPath = new URL(officer.url()).pathname;
    referenceNumber = (await officer.locator("h1 bdi").textContent())?.trim() ?? "";
    expect(referenceNumber).toMatch(/^REQ-14\d\d-\d{4}$/);

    expect(await state(officer).textContent()).toBe("غير مكتمل");
    const missing = officer.getByRole("list", { name: "ما ينقص الطلب" });
    await missing.getByText("لم يُرفق: صورة الهوية الوطنية.").waitFor();
    expect(await missing.getByRole("listitem").count()).toBe(3);
  });

  it("refuses an expired ID and an old salary certificate, and accepts them valid, with the ID's expiry typed in Hijri", async () => {
    const officer = pages[1]!;
    await attach(officer, "صورة الهوية الوطنية", "تاريخ انتهاء صورة الهوية الوطنية", "2020-01-01");
    await officer.getByRole("alert").filter({ hasText: "انتهت صلاحيته" }).waitFor();
    await attach(officer, "صورة الهوية الوطنية", "تاريخ انتهاء صورة الهوية الوطنية", "1450/01/01");
    await attach(officer, "شهادة راتب", "تاريخ إصدار شهادة راتب", "2020-01-01");
    await officer.getByRole("alert").filter({ hasText: /./ }).first().waitFor();
    await attach(officer, "شهادة راتب", "تاريخ إصدار شهادة راتب", today);
    const missing = officer.getByRole("list", { name: "ما ينقص الطلب" });
    await expect.poll(() => missing.getByRole("listitem").count(), { timeout: 10_000 }).toBe(1);
    await officer.getByRole("link", { name: "document.pdf" }).first().waitFor();
  });

  it("refers the beneficiary to the social researcher and fills in the income meanwhile", async () => {
    const officer = pages[1]!;
    // The officer chooses the researcher by name: the request settings list who holds the role.
    await officer.getByLabel("المحال إليه").selectOption({ label: "فاطمة بنت سعد الشهري" });
    await officer.getByLabel("سبب الإحالة").fill("المستفيد لا يعرف أي جهة تصدر شهادة الدخل");
    await officer.getByRole("button", { name: "إحالة", exact: true }).click();
    await expect.poll(() => state(officer).textContent()).toBe("محال إلى الباحث");
    await officer.getByLabel("الدخل الشهري").fill("1500");
    await officer.getByRole("button", { name: "حفظ البيانات" }).click();
    await officer.getByText("حُفظت البيانات.").waitFor();
    await officer.getByText("اكتملت المتطلبات وصلاحيتها.").waitFor();
  });

  it("the researcher finds the referral in her work, records a home visit and closes it: the request is complete", async () => {
    const researcher = await signIn("social-researcher@demo.silah.sa");
    const work = researcher.getByRole("list", { name: "عملي" });
    await work.getByText("إحالة").first().waitFor();
    await researcher.goto(requestPath);
    await researcher.getByLabel("زيارة منزلية").check();
    await researcher.getByLabel("تاريخ الدراسة").fill(today);
    await researcher.getByLabel("النتائج").fill("أسرة من خمسة أفراد في منزل مستأجر");
    await researcher.getByLabel("التوصية").fill("يوصى بالمساعدة الشهرية");
    await researcher.getByRole("button", { name: "حفظ الدراسة" }).click();
    await researcher.getByText("يوصى بالمساعدة الشهرية").waitFor();
    await researcher.getByLabel("نتيجة الإحالة").fill("شُرحت الإجراءات للمستفيد");
    await researcher.getByRole("button", { name: "إنهاء الإحالة" }).click();
    await expect.poll(() => state(researcher).textContent()).toBe("مكتمل");
  });

  it("the beneficiary declares on screen, ticking and signing by name, and the declaration covers the data", async () => {
    const officer = pages[1]!;
    await officer.reload();
    await expect.poll(() => state(officer).textContent()).toBe("مكتمل");
    // The home visit's findings are the assessors' (ADR 0013): the officer sees that they are withheld.
    await officer.getByText("محجوب لصلاحيتك").first().waitFor();
    expect(await officer.getByText("يوصى بالمساعدة الشهرية").count()).toBe(0);
    await officer.getByLabel("قرأ المستفيد الإقرار ويوافق عليه").check();
    await officer.getByLabel("توقيع المستفيد (اسمه كما يكتبه)").fill(beneficiaryName);
    await officer.getByRole("button", { name: "توقيع الإقرار" }).click();
    await expect.poll(() => state(officer).textContent()).toBe("مُقَرّ");
    await officer.getByText("الإقرار يغطي البيانات والمستندات الحالية.").waitFor();
    await officer.screenshot({ path: ".tmp/request-declared.png", fullPage: true });
  });

  it("the committee member schedules a meeting, votes, decides with an approved amount, and approves the minutes", async () => {
    const khalid = await signIn("committee-member@demo.silah.sa");
    await nav(khalid, "الاجتماعات");
    await khalid.getByRole("link", { name: "اجتماع جديد" }).click();
    await khalid.getByLabel("تاريخ الاجتماع").fill(today);
    await khalid.getByLabel(new RegExp(referenceNumber)).check();
    await khalid.getByRole("button", { name: "إنشاء الاجتماع" }).click();
    await khalid.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await khalid.getByRole("heading", { level: 1, name: `اجتماع ${committeeName}` }).waitFor();

    await khalid.getByLabel("قبول").check();
    await khalid.getByLabel("ملاحظة أو توصية").fill("الدخل دون الحد");
    await khalid.getByRole("button", { name: "تسجيل الصوت" }).click();
    await khalid.getByText("صوّت 1 من 1 مطلوبين").waitFor();
    await khalid.getByLabel("المبلغ المعتمد بالريال").fill("1000");
    await khalid.getByLabel("الأسباب").fill("استوفى المستفيد الشروط");
    await khalid.getByRole("button", { name: "تسجيل القرار" }).click();
    await khalid.getByText(`قبول — ${riyals(1000)}`).waitFor();

    await khalid.getByRole("button", { name: "إعداد المحضر" }).click();
    await khalid.getByText(`محضر اجتماع ${committeeName}`).waitFor();
    await khalid.getByRole("button", { name: "اعتماد المحضر" }).click();
    await khalid.getByText("اعتمد جميع الأعضاء المحضر.").waitFor();
    await khalid.screenshot({ path: ".tmp/meeting.png", fullPage: true });
    await khalid.emulateMedia({ media: "print" });
    await khalid.screenshot({ path: ".tmp/meeting-minutes-print.png", fullPage: true });
    await khalid.emulateMedia({ media: "screen" });
  });

  it("the beneficiary receives the committee's decision by e-mail", async () => {
    const outbox = join(silah.dataDir, "outbox");
    const subject = `قرار اللجنة في طلبكم رقم ${referenceNumber}`;
    const deadline = Date.now() + 15_000;
    let found = null as { to: string; text: string } | null;
    while (!found && Date.now() < deadline) {
      let names: string[] = [];
      try {
        names = readdirSync(outbox).filter((name) => name.endsWith(".eml"));
      } catch {
        // The worker has not written anything yet.
      }
      for (const name of names) {
        const mail = await simpleParser(readFileSync(join(outbox, name)));
        if (mail.subject === subject) {
          const to = mail.to && !Array.isArray(mail.to) ? mail.to.text : "";
          found = { to, text: mail.text ?? "" };
        }
      }
      if (!found) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(found, `no e-mail "${subject}" in ${outbox}`).not.toBeNull();
    expect(found?.to).toContain(beneficiaryEmail);
    expect(found?.text).toContain("بقبول طلبكم");
  });

  it("the officer records a cash delivery against the decision and sees what remains of the approved amount", async () => {
    const officer = pages[1]!;
    await officer.reload();
    await expect.poll(() => state(officer).textContent()).toBe("مقبول");
    await officer.getByLabel("المبلغ بالريال").fill("600");
    await officer.getByLabel("ملاحظة").fill("تحويل بنكي");
    await officer.getByRole("button", { name: "تسجيل التسليم" }).click();
    await expect.poll(() => state(officer).textContent()).toBe("قيد التسليم");
    expect(await officer.getByTestId("remaining-amount").textContent()).toBe(riyals(400));
    await officer.screenshot({ path: ".tmp/request-delivered.png", fullPage: true });
    await officer.setViewportSize({ width: 390, height: 844 });
    await officer.screenshot({ path: ".tmp/request-phone.png", fullPage: true });
  });
});
