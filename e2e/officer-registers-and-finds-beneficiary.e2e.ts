import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalIdCheckDigit } from "../shared/domain/national-id.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const firstName = "عبد الله بن محمد بن سعد الشهري";
const firstNine = "108765432";
const nationalId = `${firstNine}${nationalIdCheckDigit(firstNine)}`;
const inquirySubject = "استفسار عن موعد صرف المساعدة";

describe("an officer registers a beneficiary, is warned of a duplicate typed differently, records a phone inquiry, and finds the person again by a variant spelling", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let fileUrl = "";

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    mkdirSync(".tmp", { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("signs her in and opens the beneficiaries page from the navigation, right to left", async () => {
    await signInOnPage(page, "officer@demo.silah.sa");
    await page.waitForURL((url) => url.pathname === "/");

    await page
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "المستفيدون" })
      .click();
    await page.waitForURL("**/beneficiaries");
    await page.getByRole("heading", { level: 1, name: "المستفيدون" }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  });

  it("registers the beneficiary with a Hijri birth date and lands on the file showing the Gregorian date", async () => {
    await page.getByRole("link", { name: "تسجيل مستفيد" }).click();
    await page.waitForURL("**/beneficiaries/new");
    await page.getByRole("heading", { level: 1, name: "تسجيل مستفيد" }).waitFor();

    await page.getByLabel("الاسم الرباعي").fill(firstName);
    await page.getByLabel("رقم الهوية/الإقامة").fill(nationalId);
    await page.getByLabel("تاريخ الميلاد").fill("1410/10/19هـ");
    await page.getByLabel("ذكر").check();
    await page.getByLabel("الجوال", { exact: true }).fill("0551234567");
    await page.getByLabel("وافق المستفيد على معالجة بياناته لتقديم الخدمات").check();
    await page.getByRole("button", { name: "حفظ المستفيد" }).click();

    await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    fileUrl = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
    const header = page.locator(".file-header");
    await header.getByText(nationalId).waitFor();
    // Stored as +966551234567; shown as it is dialled in the Kingdom.
    await header.getByText("0551234567", { exact: true }).waitFor();
    await page.getByText("1990-05-14").waitFor();
    await page.getByText("19/10/1410هـ").waitFor();
    await page.getByText("معالجة بيانات المستفيد لتقديم الخدمات").waitFor();
  });

  it("warns her when she registers the same person again, typed differently and without an ID, and she does not save", async () => {
    await page.goto("/beneficiaries/new");
    await page.getByLabel("الاسم الرباعي").fill("عبدالله محمد سعد الشهرى");
    await page.getByLabel("تاريخ الميلاد").fill("1410/10/19هـ");
    await page.getByLabel("ذكر").check();

    const panel = page.locator(".duplicate-panel");
    await panel.getByRole("heading", { name: "قد يكون هذا المستفيد مسجلًا من قبل" }).waitFor();
    await panel.getByRole("link", { name: firstName }).waitFor();
    await panel.getByText("اسم مشابه وتاريخ الميلاد نفسه").waitFor();

    // Saving anyway is refused until she says it is another person; she does not.
    await page.getByRole("button", { name: "حفظ المستفيد" }).click();
    await panel.getByRole("button", { name: "ليس الشخص نفسه — احفظ" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/beneficiaries/new");
    await page.screenshot({ path: ".tmp/beneficiary-duplicate-warning.png", fullPage: true });

    await panel.getByRole("link", { name: firstName }).click();
    await page.waitForURL(`**${fileUrl}`);
    await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
  });

  it("records a phone inquiry on the file and sees it on the timeline", async () => {
    await page.getByLabel("استفسار", { exact: true }).check();
    await page.getByLabel("قناة التواصل").selectOption({ label: "الاتصال الهاتفي" });
    await page.getByLabel("الاتجاه").selectOption({ label: "وارد من المستفيد" });
    await page.getByLabel("الموضوع").fill(inquirySubject);
    await page.getByRole("button", { name: "تسجيل", exact: true }).click();
    await page.getByText("سُجّل التواصل في سجل المستفيد.").waitFor();

    const timeline = page.getByRole("list", { name: "سجل المستفيد" });
    await timeline.getByText(`استفسار: ${inquirySubject}`).waitFor();
    await timeline.getByText("تسجيل المستفيد").waitFor();
    await page.screenshot({ path: ".tmp/beneficiary-file.png", fullPage: true });
  });

  it("finds the person again by a variant spelling of the name and by the phone written another way", async () => {
    await page
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "المستفيدون" })
      .click();
    await page.waitForURL("**/beneficiaries");
    const box = page.getByLabel("البحث عن مستفيد");
    const results = page.getByRole("list", { name: "نتائج البحث" });

    await box.fill("عبدالله الشهري");
    const byName = results.getByRole("listitem").filter({ has: page.getByRole("link", { name: firstName }) });
    await byName.waitFor();
    await byName.getByText("بالاسم").waitFor();

    await box.fill("+966 55 123 4567");
    const byPhone = results
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: firstName }) })
      .filter({ hasText: "بالجوال" });
    await byPhone.waitFor();
    await page.screenshot({ path: ".tmp/beneficiary-search.png", fullPage: true });

    await byPhone.getByRole("link", { name: firstName }).click();
    await page.waitForURL(`**${fileUrl}`);
  });

  it("shows the file at phone width without sideways scrolling", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("heading", { level: 1, name: firstName }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: ".tmp/beneficiary-file-phone.png", fullPage: true });
  });
});
