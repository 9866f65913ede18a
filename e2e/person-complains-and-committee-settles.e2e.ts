import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const committeeMember = "سارة بنت علي الغامدي";
const manager = "عبدالعزيز بن إبراهيم الحربي";
const subject = "تأخر الرد على طلب المساعدة";
const proofReason = "محضر لجنة التحقيق";

describe("a person files a complaint on the public page, gets a reference, the follow-up committee settles it amicably, the person sees the outcome on the tracking page; a compensation claim is refused without proof and approved with minutes", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let trackingUrl = "";
  let reference = "";
  let solvedInMs = 0;

  async function signIn(email: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width, height: 900 },
      acceptDownloads: true,
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

  it("a person on a phone, with no account, files a complaint and keeps its number and tracking link", async () => {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto("/p/demo/complaint");
    await page.getByRole("heading", { level: 1, name: "تقديم شكوى" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectArabicInterface(page, "public complaint page");

    // The browser solves the check while the person writes: no question, no picture, no outside service.
    const check = page.getByTestId("human-check");
    const started = Date.now();
    await page.locator("[data-testid='human-check'][data-state='ready']").waitFor({ timeout: 60_000 });
    solvedInMs = Date.now() - started;
    expect(solvedInMs).toBeLessThan(30_000);
    // What the page costs a person on a phone plan: every script, style and worker it fetched.
    const weight = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map(
        (entry) => ({
          name: entry.name.replace(location.origin, ""),
          transferred: (entry as PerformanceResourceTiming).transferSize,
          decoded: (entry as PerformanceResourceTiming).decodedBodySize,
        }),
      ),
    );
    writeFileSync(".tmp/complaint-page-weight.json", JSON.stringify({ solvedInMs, weight }, null, 2));
    expect(await check.getByRole("status").textContent()).toBe("اكتمل التحقق.");
    expect(await check.textContent()).not.toMatch(/[A-Za-z]/);

    // Nothing chosen or written: the server's words appear beside the fields.
    await page.getByRole("button", { name: "إرسال الشكوى" }).click();
    await page.locator(".field__error").first().waitFor();

    await page.getByRole("radio", { name: /التأخر في الرد/ }).check();
    await page.getByLabel("موضوع الشكوى").fill(subject);
    await page
      .getByLabel("تفاصيل الشكوى")
      .fill("تقدمت بطلب مساعدة منذ شهر ولم يصلني رد حتى الآن رغم المراجعة.");
    await page.getByText(/^\S+ من ٥٬?٠٠٠ حرف$/).waitFor();

    // Anonymous hides the contact; turning it off brings it back.
    await page.getByRole("switch", { name: "أرغب في تقديم الشكوى دون ذكر اسمي" }).check({ force: true });
    expect(await page.getByLabel(/^الاسم/).count()).toBe(0);
    await page.getByRole("switch", { name: "أرغب في تقديم الشكوى دون ذكر اسمي" }).uncheck({ force: true });
    await page.getByLabel(/^الاسم/).fill("أم خالد");
    await page.getByLabel(/^رقم الجوال/).fill("0551230000");
    await page.getByRole("radio", { name: "رسالة نصية على الجوال" }).check();

    // The robot-only field is out of sight and out of the tab order.
    const honeypot = page.locator("input[name='website']");
    expect(await honeypot.getAttribute("tabindex")).toBe("-1");
    const hidden = await honeypot.evaluate((input) => {
      const box = input.closest("[aria-hidden='true']")?.getBoundingClientRect();
      return box !== undefined && box.width <= 1 && box.height <= 1;
    });
    expect(hidden).toBe(true);

    // Each failed send spent nothing but the check: a fresh one is solved before this one goes.
    await page.locator("[data-testid='human-check'][data-state='ready']").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: ".tmp/complaint-public-form.png", fullPage: true });
    await page.getByRole("button", { name: "إرسال الشكوى" }).click();

    await page.getByRole("heading", { level: 1, name: "استلمنا شكواك" }).waitFor();
    reference = (await page.locator(".receipt__number").textContent()) ?? "";
    expect(reference).toMatch(/^C-\d{4}-0001$/);
    // The due date in both calendars: Gregorian as stored, Hijri beside it.
    const due = page.locator(".receipt__due");
    expect(await due.locator(".calendar-date__gregorian").textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await due.locator(".calendar-date__hijri").textContent()).toMatch(/هـ/);
    trackingUrl = await page.getByLabel("رابط متابعة الشكوى").inputValue();
    expect(trackingUrl).toMatch(/\/complaints\/track\/[A-Za-z0-9_-]{20,}$/);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".tmp/complaint-receipt.png", fullPage: true });

    await page.getByRole("link", { name: "متابعة الشكوى" }).click();
    await page.getByRole("heading", { level: 1, name: "متابعة الشكوى" }).waitFor();
    await page.locator(".status-badge", { hasText: "مستلمة" }).waitFor();
    await page.getByRole("list", { name: "مراحل الشكوى" }).getByText("استلمنا الشكوى").waitFor();
    // Nothing personal on the tracking page.
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).not.toMatch(/أم خالد|0551230000|تقدمت بطلب/);
    await context.close();
  });

  it("the follow-up committee member takes the complaint, records a contact, and closes it as an amicable settlement the complainant accepted", async () => {
    const page = await signIn("followup-committee-member@demo.silah.sa");
    await nav(page).getByRole("link", { name: "الشكاوى", exact: true }).click();
    await page.waitForURL("**/complaints");
    const row = page.locator(`.complaint-row[data-reference='${reference}']`);
    await row.getByText("مستلمة").waitFor();
    await expectArabicInterface(page, "complaints list (follow-up committee)");

    // The committee takes its list to Excel: what the complainant wrote is in its file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "ملف إكسل" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("الشكاوى.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("تفاصيل الشكوى");
    const line = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(line[header.indexOf("رقم الشكوى")]).toBe(reference);
    expect(line[header.indexOf("اسم المشتكي")]).toBe("أم خالد");

    await row.getByRole("link", { name: subject }).click();
    await page.getByRole("heading", { level: 1, name: subject }).waitFor();
    await page.getByText("أم خالد").waitFor();
    await expectArabicInterface(page, "complaint (follow-up committee)");

    await page.getByLabel("إسناد إلى").selectOption({ label: committeeMember });
    await page.getByRole("button", { name: "إسناد", exact: true }).click();
    await page.getByText(`أُسندت إلى ${committeeMember}.`).waitFor();

    await page.getByRole("radio", { name: "تواصل مع المشتكي" }).check();
    await page
      .getByLabel("النص")
      .fill("اتصلت بالمشتكية واعتذرت عن التأخير واتفقنا على موعد لاستلام المساعدة.");
    await page.getByRole("button", { name: "حفظ", exact: true }).click();
    await page.getByText("حُفظ.").waitFor();

    await page.getByRole("radio", { name: "تسوية ودية" }).check();
    const close = page.getByRole("button", { name: "إغلاق الشكوى" });
    // The settlement cannot close without the complainant's acceptance.
    expect(await close.isDisabled()).toBe(true);
    await page.getByLabel("ما تم في الشكوى").fill("صُرفت المساعدة المتأخرة واعتذرت الجمعية.");
    await page
      .getByLabel("شروط التسوية", { exact: true })
      .fill("صرف المساعدة خلال ثلاثة أيام عمل مع اعتذار مكتوب.");
    await page.getByLabel("وافق المشتكي على شروط التسوية").check();
    await close.click();
    await page.getByRole("heading", { name: "نتيجة الشكوى" }).waitFor();
    await page.locator(".status-badge", { hasText: "تسوية ودية" }).first().waitFor();
    await page.getByText("صرف المساعدة خلال ثلاثة أيام عمل مع اعتذار مكتوب.").waitFor();
    await expectArabicInterface(page, "closed complaint (follow-up committee)");
    await page.context().close();
  });

  it("the person opens the tracking link again and reads the outcome in Arabic, step by step", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(trackingUrl);
    await page.locator(".status-badge", { hasText: "مغلقة" }).waitFor();
    expect(await page.locator(".tracking__outcome").textContent()).toBe("تسوية ودية");
    const steps = page.getByRole("list", { name: "مراحل الشكوى" });
    expect(await steps.locator(".timeline__title").allTextContents()).toEqual([
      "استلمنا الشكوى",
      "أُسندت إلى مختص في لجنة المتابعة",
      "تواصلنا مع صاحب الشكوى",
      "أُغلقت الشكوى — تسوية ودية",
    ]);
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body).not.toMatch(/اتصلت بالمشتكية|صرف المساعدة خلال|سارة|أم خالد/);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".tmp/complaint-tracking.png", fullPage: true });
    await context.close();
  });

  it("a compensation claim opened from a complaint is refused without proof, and approved and paid once the minutes are recorded", async () => {
    // The committee opens the claim from the complaint and negotiates it to a settlement.
    const committee = await signIn("followup-committee-member@demo.silah.sa");
    await nav(committee).getByRole("link", { name: "الشكاوى", exact: true }).click();
    await committee.getByLabel("عرض").selectOption({ label: "الكل" });
    await committee.getByRole("link", { name: subject }).click();
    await committee.getByRole("link", { name: "فتح طلب تعويض" }).click();
    await committee.waitForURL("**/compensation/new?**");
    expect(await committee.getByLabel("اسم صاحب الطلب").inputValue()).toBe("أم خالد");
    await expectArabicInterface(committee, "new compensation claim (follow-up committee)");
    await committee.getByLabel("وصف الضرر").fill("تأخر صرف المساعدة شهرًا فتحملت الأسرة كلفة إيجار متأخر.");
    await committee.getByRole("button", { name: "فتح الطلب" }).click();
    await committee.getByRole("heading", { level: 1, name: "طلب تعويض: أم خالد" }).waitFor();
    const claimUrl = committee.url();

    await committee.getByLabel("العرض المقدَّم").fill("1000");
    await committee.getByLabel("رد المستفيد").selectOption({ label: "عرض مقابل" });
    await committee.getByLabel("المبلغ المقابل").fill("١٥٠٠");
    await committee.getByRole("button", { name: "تسجيل الجولة" }).click();
    await committee.locator(".status-chip", { hasText: "قيد التفاوض" }).waitFor();
    await committee.getByLabel("شروط التسوية").fill("تعويض بقيمة ١٢٠٠ ريال يُصرف دفعة واحدة.");
    await committee.getByLabel("مبلغ التسوية").fill("1200");
    await committee.getByRole("button", { name: "حفظ التسوية" }).click();
    await committee.locator(".status-chip", { hasText: "تمت التسوية" }).waitFor();
    await expectArabicInterface(committee, "compensation claim (follow-up committee)");
    await nav(committee).getByRole("link", { name: "التعويضات" }).click();
    await committee.getByRole("link", { name: "أم خالد" }).waitFor();
    await expectArabicInterface(committee, "compensation claims (follow-up committee)");
    await committee.context().close();

    // Senior management tries to approve before any proof: refused with the policy's words.
    const page = await signIn("manager@demo.silah.sa");
    await nav(page).getByRole("link", { name: "التعويضات" }).click();
    await page.getByRole("link", { name: "أم خالد" }).click();
    await page.waitForURL(claimUrl);
    expect(await page.getByLabel("المبلغ المعتمد").inputValue()).toBe("1200");
    await page.getByRole("button", { name: "اعتماد", exact: true }).click();
    const refusal = page.getByRole("alert").filter({ hasText: proofReason });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("لا يُعتمد التعويض إلا بإثبات");

    // The investigation committee's minutes, approved by the committee member and the manager.
    await page.getByRole("radio", { name: "محضر لجنة التحقيق" }).check();
    await page.getByLabel("تاريخ المحضر").fill("2026-03-12");
    await page.getByLabel("الضرر", { exact: true }).fill("تأخر صرف المساعدة وتحمل الأسرة غرامة إيجار.");
    await page.getByLabel("حجم الضرر").fill("١٢٠٠ ريال");
    await page.getByLabel("أسباب الضرر").fill("عدم متابعة الطلب بعد اكتماله.");
    await page.getByRole("checkbox", { name: committeeMember }).check();
    await page.getByRole("checkbox", { name: manager }).check();
    await page.getByRole("button", { name: "حفظ الإثبات" }).click();
    await page.getByText("حُفظ الإثبات.").waitFor();
    await page.locator(".proof-facts").getByText("محضر لجنة التحقيق").waitFor();

    await page.getByRole("button", { name: "اعتماد", exact: true }).click();
    await page.locator(".status-chip", { hasText: "معتمد" }).waitFor();
    await page.getByText(/المتبقي من المبلغ المعتمد/).waitFor();

    // The payment never passes the approval; the remaining amount is offered.
    expect(await page.getByLabel("مبلغ الدفعة").inputValue()).toBe("1200");
    await page.getByLabel(/مرجع الدفعة/).fill("TR-2026-001");
    await page.getByRole("button", { name: "تسجيل الدفعة" }).click();
    await page.locator(".status-chip", { hasText: "صُرف" }).waitFor();
    expect(await page.locator("[data-amount='remaining']").textContent()).toMatch(/٠|0/);
    await page.screenshot({ path: ".tmp/compensation-claim.png", fullPage: true });

    // Senior management's dashboard counts the settled complaint under its category.
    await nav(page).getByRole("link", { name: "لوحة متابعة الشكاوى" }).click();
    await page.getByRole("heading", { level: 1, name: "لوحة متابعة الشكاوى" }).waitFor();
    const delay = page.getByRole("row", { name: /التأخر في الرد/ });
    await delay.waitFor();
    expect(await delay.locator("td").allTextContents()).toEqual(["0", "1"]);
    await page.locator(".ageing-bar").first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".tmp/complaints-dashboard-phone.png", fullPage: true });
    await page.context().close();
  });
});
