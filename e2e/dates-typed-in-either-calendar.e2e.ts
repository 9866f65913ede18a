import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalIdCheckDigit } from "../shared/domain/national-id.js";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const name = "منيرة بنت عبد الرحمن بن صالح العتيبي";
const firstNine = "109876543";
const nationalId = `${firstNine}${nationalIdCheckDigit(firstNine)}`;

/** The line under a date field once it has read the day: «الاثنين ١٩ شوال ١٤١٠هـ — ١٤ مايو ١٩٩٠م». */
const field = (page: Page, label: string | RegExp) =>
  page.locator(".date-field", { has: page.getByLabel(label, { exact: typeof label === "string" }) });
const reading = (page: Page, label: string | RegExp) => field(page, label).locator(".date-field__reading");
const fieldError = (page: Page, label: string | RegExp) => field(page, label).locator(".field__error");

describe("dates are typed in either calendar, in either digits, and read back in both (ADR 0018)", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    mkdirSync(".tmp", { recursive: true });
    await signInOnPage(page, "officer@demo.silah.sa");
    await page.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("a birth date in Hijri with Arabic-Indic digits is kept as typed and shown in both calendars", async () => {
    await page.goto("/beneficiaries/new");
    await page.getByRole("heading", { level: 1, name: "تسجيل مستفيد" }).waitFor();
    const birth = page.getByLabel("تاريخ الميلاد", { exact: true });

    // 30 Safar 1447 does not exist: Safar 1447 has 29 days in the Umm al-Qura table.
    await birth.fill("٣٠/٠٢/١٤٤٧");
    await birth.blur();
    await fieldError(page, "تاريخ الميلاد")
      .getByText("تاريخ الميلاد: شهر صفر ١٤٤٧هـ عدد أيامه ٢٩، فلا يوجد فيه اليوم ٣٠.")
      .waitFor();
    expect(await birth.getAttribute("aria-invalid")).toBe("true");

    // A month that does not exist, and a two-digit year.
    await birth.fill("1447/13/40");
    await fieldError(page, "تاريخ الميلاد")
      .getByText(/لا يوجد شهر رقمه ١٣/)
      .waitFor();
    await birth.fill("19/10/10");
    await fieldError(page, "تاريخ الميلاد")
      .getByText(/اكتب السنة بأربعة أرقام/)
      .waitFor();

    // A birth still to come: the refusal quotes the day and today, each in both calendars.
    await birth.fill("١٤٦٠/٠١/٠١هـ");
    const future = fieldError(page, "تاريخ الميلاد");
    await future.getByText(/بعد اليوم/).waitFor();
    await field(page, "تاريخ الميلاد").screenshot({ path: ".tmp/date-field-future.png" });
    expect(await future.textContent()).toMatch(
      /^تاريخ الميلاد ١ محرم ١٤٦٠هـ \([٠-٩]+ [^\s()]+ [٠-٩]{4}م\) بعد اليوم [٠-٩]+ [^()]+ [٠-٩]{4}هـ \([٠-٩]+ [^\s()]+ [٠-٩]{4}م\)/,
    );

    await birth.fill("١٩/١٠/١٤١٠هـ");
    await reading(page, "تاريخ الميلاد").getByText("الاثنين ١٩ شوال ١٤١٠هـ — ١٤ مايو ١٩٩٠م").waitFor();
    expect(await birth.inputValue()).toBe("١٩/١٠/١٤١٠هـ");
    await field(page, "تاريخ الميلاد").screenshot({ path: ".tmp/date-field-read.png" });
    expect(await fieldError(page, "تاريخ الميلاد").count()).toBe(0);
    await expectArabicInterface(page, "registration form with a date read back");
  });

  it("the field's own Umm al-Qura calendar opens in Arabic and picks a day with the keyboard", async () => {
    await page.getByRole("button", { name: "التقويم" }).first().click();
    const grid = page.getByRole("dialog", { name: "شوال ١٤١٠هـ" });
    await grid.waitFor();
    // The chosen day has focus; the Gregorian day is under each Hijri one.
    await page.getByRole("button", { name: "الاثنين ١٩ شوال ١٤١٠هـ — ١٤ مايو ١٩٩٠م" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      "الاثنين ١٩ شوال ١٤١٠هـ — ١٤ مايو ١٩٩٠م",
    );
    await expectArabicInterface(page, "the date field's calendar");
    await grid.screenshot({ path: ".tmp/date-field-calendar.png" });
    // Right to left, the day after is to the left; a week down; then pick it.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await grid.waitFor({ state: "detached" });
    const birth = page.getByLabel("تاريخ الميلاد", { exact: true });
    expect(await birth.inputValue()).toBe("٢٧/١٠/١٤١٠هـ");
    await reading(page, "تاريخ الميلاد").getByText("الثلاثاء ٢٧ شوال ١٤١٠هـ — ٢٢ مايو ١٩٩٠م").waitFor();

    // Escape closes it without changing the day.
    await page.getByRole("button", { name: "التقويم" }).first().click();
    await page.getByRole("dialog", { name: "شوال ١٤١٠هـ" }).waitFor();
    await page.keyboard.press("PageDown");
    await page.getByRole("dialog", { name: "ذو القعدة ١٤١٠هـ" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect(await birth.inputValue()).toBe("٢٧/١٠/١٤١٠هـ");
  });

  it("saves the beneficiary with the day the field read", async () => {
    await page.getByLabel("تاريخ الميلاد", { exact: true }).fill("١٩/١٠/١٤١٠هـ");
    await page.getByLabel("الاسم الرباعي").fill(name);
    await page.getByLabel("رقم الهوية/الإقامة").fill(nationalId);
    await page.getByLabel("أنثى").check();
    await page.getByLabel("الجوال", { exact: true }).fill("0551239876");
    await page.getByLabel("وافق المستفيد على معالجة بياناته لتقديم الخدمات").check();
    await page.getByRole("button", { name: "حفظ المستفيد" }).click();
    await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByText("1990-05-14").waitFor();
    await page.getByText("19/10/1410هـ").waitFor();
  });

  it("a letter dated in Gregorian with Latin digits is read in both calendars; a future one is refused quoting both", async () => {
    await page.goto("/correspondence");
    await page.getByRole("heading", { level: 1, name: "سجل المراسلات" }).waitFor();
    const dated = page.getByLabel(/^تاريخ المراسلة/);

    await dated.fill("3/11/2025م");
    await reading(page, /^تاريخ المراسلة/)
      .getByText("الاثنين 12 جمادى الأولى 1447هـ — 3 نوفمبر 2025م")
      .waitFor();
    expect(await dated.inputValue()).toBe("3/11/2025م");

    await dated.fill("31/04/2025");
    await dated.blur();
    await page.getByText("تاريخ المراسلة: شهر أبريل ٢٠٢٥م ليس فيه اليوم ٣١.").waitFor();

    // 1 January 2030 is 26 Shaban 1451 in the Umm al-Qura table.
    await dated.fill("2030-01-01");
    const future = fieldError(page, /^تاريخ المراسلة/);
    await future.getByText(/بعد اليوم/).waitFor();
    expect(await future.textContent()).toMatch(
      /^تاريخ المراسلة ٢٦ شعبان ١٤٥١هـ \(١ يناير ٢٠٣٠م\) بعد اليوم [٠-٩]+ [^()]+ [٠-٩]{4}هـ \([٠-٩]+ [^\s()]+ [٠-٩]{4}م\)/,
    );
    await expectArabicInterface(page, "correspondence register with a refused date");

    await dated.fill("2025-11-03");
    await reading(page, /^تاريخ المراسلة/)
      .getByText(/١٢ جمادى الأولى ١٤٤٧هـ|12 جمادى الأولى 1447هـ/)
      .waitFor();
    await page.getByLabel("وارد", { exact: true }).check();
    await page.getByLabel("الجهة المرسِلة").fill("أمانة منطقة الرياض");
    await page.getByLabel("الموضوع").fill("دعوة لحضور ورشة العمل");
    await page.getByRole("button", { name: "قيد في السجل" }).click();
    await page.locator(".success", { hasText: "قُيّدت المراسلة برقم" }).waitFor();
    const row = page.getByRole("table").locator("tr", { hasText: "دعوة لحضور ورشة العمل" });
    await row.getByText("2025-11-03").waitFor();
    await expectArabicInterface(page, "correspondence register after saving");
    await page.screenshot({ path: ".tmp/dates-typed-in-either-calendar.png", fullPage: true });
  });
});
