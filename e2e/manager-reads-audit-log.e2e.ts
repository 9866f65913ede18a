import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const password = "silah-demo-2026";

describe("a manager mistypes her password, then signs in, reads the sign-ins in the audit log and switches to English", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("tells her in Arabic that the e-mail or password is wrong", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("البريد الإلكتروني").fill("manager@demo.silah.sa");
    await page.getByLabel("كلمة المرور").fill("not-her-password");
    await page.getByRole("button", { name: "دخول" }).click();
    await page.getByRole("alert").getByText("البريد الإلكتروني أو كلمة المرور غير صحيحة.").waitFor();
    expect(page.url()).toMatch(/\/sign-in$/);
  });

  it("shows her the audit log with the sign-in events", async () => {
    // A manager reads sensitive fields: on first sign-in she turns on two-step verification.
    await signInOnPage(page, "manager@demo.silah.sa", password);
    await page.waitForURL((url) => url.pathname === "/");

    const nav = page.getByRole("navigation", { name: "التنقل الرئيسي" });
    await nav.getByRole("link", { name: "سجل التدقيق" }).click();
    await page.waitForURL("**/audit");
    await page.getByRole("heading", { level: 1, name: "سجل التدقيق" }).waitFor();

    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    const table = page.getByRole("table");
    const signedIn = table.locator("tr[data-event-type='auth.signed_in']");
    await signedIn.first().waitFor();
    await expect(signedIn.first().textContent()).resolves.toContain("تسجيل دخول");
    await expect(signedIn.first().textContent()).resolves.toContain(session.user.fullName);
    await table.locator("tr[data-event-type='auth.sign_in_failed']").first().waitFor();
    await table.getByText("محاولة دخول فاشلة").first().waitFor();
  });

  it("filters the log by event type", async () => {
    await page.getByLabel("نوع الحدث").selectOption({ label: "محاولة دخول فاشلة" });
    await page.waitForURL("**/audit?type=auth.sign_in_failed");
    const rows = page.getByRole("table").locator("tbody tr");
    await rows.first().waitFor();
    await page
      .getByRole("table")
      .locator("tr[data-event-type='auth.signed_in']")
      .waitFor({ state: "detached" });
    const types = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-event-type")));
    expect(new Set(types)).toEqual(new Set(["auth.sign_in_failed"]));
  });

  it("pages back through older sign-ins with “load more”", async () => {
    // More sign-ins than one page holds (50), made the way any colleague would: by signing in.
    for (let index = 0; index < 55; index++) {
      const response = await fetch(`${silah.baseUrl}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "officer@demo.silah.sa", password }),
      });
      expect(response.status).toBe(200);
    }

    await page.goto("/audit?type=auth.signed_in");
    const rows = page.getByRole("table").locator("tbody tr");
    await rows.nth(49).waitFor();
    expect(await rows.count()).toBe(50);

    await page.getByRole("button", { name: "عرض المزيد" }).click();
    await rows.nth(50).waitFor();
    expect(await rows.count()).toBe(56);
    await page.getByText("وصلت إلى أول الأحداث المسجلة.").waitFor();
    expect(await page.getByRole("button", { name: "عرض المزيد" }).count()).toBe(0);
  });

  it("switches to English: the page turns left-to-right and stays English after a reload", async () => {
    const saved = page.waitForResponse((response) => response.url().endsWith("/api/me/preferences"));
    await page.getByRole("button", { name: "English" }).click();
    expect((await saved).status()).toBe(200);
    await page.locator("html[dir=ltr][lang=en]").waitFor();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Home" })
      .waitFor();

    mkdirSync(".tmp", { recursive: true });
    await page.getByLabel("Event type").selectOption("");
    await page.getByRole("table").locator("tr[data-event-type='auth.signed_in']").first().waitFor();
    await page.screenshot({ path: ".tmp/manager-audit-en.png", fullPage: true });

    // The choice is her saved preference, not only this tab's state.
    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    expect(session.user.locale).toBe("en");
    await page.reload();
    await page.locator("html[dir=ltr][lang=en]").waitFor();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
  });
});
