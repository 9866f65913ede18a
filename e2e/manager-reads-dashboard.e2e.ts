import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HIJRI_MONTHS, riyadhDate, toHijri } from "../shared/domain/index.js";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const basket = "سلة غذائية";

describe("a manager reads the dashboard: charts in Arabic, a Hijri month, the table behind a chart, a section in Excel — under the security policy", () => {
  let silah: RunningSilah;
  let browser: Browser;
  const violations: string[] = [];

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on("console", (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();

  beforeAll(async () => {
    silah = await startSilah({ env: { SILAH_DEMO_HISTORY: "on" } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator adds a service and the officer opens a request by phone, on screen", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin, "الخدمات");
    await admin.getByRole("link", { name: "خدمة جديدة" }).click();
    await admin.getByLabel("اسم الخدمة").fill(basket);
    await admin.getByLabel("رمز الخدمة").fill("ramadan_basket");
    await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.waitForURL("**/services");
    await admin.context().close();

    const officer = await signIn("officer@demo.silah.sa");
    await nav(officer, "المستفيدون");
    await officer.getByLabel("البحث عن مستفيد").fill("سعد اليامي");
    await officer
      .getByRole("list", { name: "نتائج البحث" })
      .getByRole("link", { name: "سعد بن ناصر بن فهد اليامي" })
      .click();
    await officer.getByRole("link", { name: "فتح طلب" }).click();
    await officer.waitForURL(/\/requests\/new\?beneficiaryId=/);
    await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: basket });
    await officer.getByLabel("قناة الطلب").selectOption({ label: "الاتصال الهاتفي" });
    await officer.getByRole("button", { name: "فتح الطلب" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await officer.context().close();
  });

  it("the manager opens the dashboard, reads its charts, switches to a Hijri month, reads a table and exports it", async () => {
    const manager = await signIn("manager@demo.silah.sa");
    await nav(manager, "لوحة المؤشرات");
    await manager.getByRole("heading", { level: 1, name: "لوحة المؤشرات" }).waitFor();

    // The charts are drawn (SVG), their words are Arabic: the status and the channel of the request.
    const byStatus = manager.locator("[data-section=requests_by_status]");
    await byStatus.locator("svg").first().waitFor();
    await expect.poll(() => byStatus.locator("svg text").allTextContents()).toContain("مكتمل");
    const byChannel = manager.locator("[data-section=requests_by_channel]");
    await expect.poll(() => byChannel.locator("svg text").allTextContents()).toContain("الاتصال الهاتفي");
    expect(await manager.locator(".management-dashboard svg").count()).toBeGreaterThan(4);
    // Satisfaction from the surveys' own figures: the demo's year of answers, drawn month by month.
    await manager.locator("[data-section=satisfaction_by_month] svg").first().waitFor();
    // Field oversight's actions come from its own module: the demo's two visits, one action past due.
    const field = manager.locator("[data-section=field]");
    await field.getByText("إجراء مفتوح واحد", { exact: false }).waitFor();
    expect(await field.getByText("لم تُسجَّل زيارات ميدانية بعد.").count()).toBe(0);
    await expectArabicInterface(manager);

    // This Hijri month, chosen by name: the request opened today is in it.
    const hijri = toHijri(riyadhDate(new Date()));
    await manager.getByLabel("التقويم").selectOption({ label: "هجري" });
    await manager.getByLabel("الشهر").selectOption({ label: HIJRI_MONTHS[hijri.month - 1]!.ar });
    await manager.getByLabel("السنة").selectOption({ label: `${hijri.year} هـ` });
    await expect.poll(() => byStatus.locator("svg text").allTextContents()).toContain("مكتمل");

    // The table behind the chart, for whoever does not read the chart.
    await byStatus.getByRole("button", { name: "عرض جدول البيانات" }).click();
    const table = byStatus.getByRole("table", { name: "الطلبات حسب الحالة" });
    await table.waitFor();
    await expect.poll(() => table.getByRole("row", { name: /^مكتمل/ }).textContent()).toMatch(/مكتمل\s*1/);
    await expectArabicInterface(manager);

    const [download] = await Promise.all([
      manager.waitForEvent("download"),
      byStatus.getByRole("button", { name: "ملف إكسل" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("الطلبات حسب الحالة.xlsx");
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    expect(violations).toEqual([]);
    await manager.context().close();
  });
});
