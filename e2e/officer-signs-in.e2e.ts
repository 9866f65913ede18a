import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDual } from "../shared/domain/index.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";

const password = "silah-demo-2026";

describe("an officer signs in in Arabic, sees the RTL shell with her name and the Hijri date, and signs out", () => {
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

  it("sends a visitor to the Arabic, right-to-left sign-in page", async () => {
    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.locator("html[dir=rtl][lang=ar]").waitFor();
    await page.getByRole("heading", { name: "تسجيل الدخول" }).waitFor();
  });

  it("signs her in and shows the shell with her name, her role and today's Hijri date", async () => {
    await page.getByLabel("البريد الإلكتروني").fill("officer@demo.silah.sa");
    await page.getByLabel("كلمة المرور").fill(password);
    await page.getByRole("button", { name: "دخول" }).click();
    await page.waitForURL((url) => url.pathname === "/");

    const session = await page.evaluate(async () => (await fetch("/api/auth/session")).json());
    const fullName: string = session.user.fullName;
    expect(fullName).toMatch(/[\u0600-\u06FF]/);

    const header = page.getByRole("banner");
    await header.getByText(fullName).waitFor();
    await header.getByText("موظف علاقات المستفيدين").waitFor();
    await header.getByText("جمعية صلة التجريبية للتنمية الاجتماعية").waitFor();
    await page.getByRole("heading", { level: 1, name: `مرحبًا، ${fullName}` }).waitFor();

    const today = await page.locator(".today time").textContent();
    expect(today).toContain(formatDual(new Date(), "ar"));
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  });

  it("shows her the Arabic navigation without the audit log", async () => {
    const nav = page.getByRole("navigation", { name: "التنقل الرئيسي" });
    await nav.getByRole("link", { name: "الرئيسية" }).waitFor();
    expect(await nav.getByRole("link").allInnerTexts()).toEqual([
      "الرئيسية",
      "طلبات الدعم",
      "المستفيدون",
      "سجل المراسلات",
      "تسجيل شكوى",
      "الخدمات",
      "تقويم العمل",
      "السياسة",
      "المكتبة",
      "حسابي",
    ]);
    expect(await page.getByRole("link", { name: "سجل التدقيق" }).count()).toBe(0);

    mkdirSync(".tmp", { recursive: true });
    await page.screenshot({ path: ".tmp/officer-shell.png", fullPage: true });
  });

  it("refuses her the audit log page when she types its address", async () => {
    await page.goto("/audit");
    await page.getByRole("alert").getByText("لا تملك صلاحية عرض هذه الصفحة.").waitFor();
    await page.goto("/");
  });

  it("signs her out: the home page sends her back to sign in and the old cookie no longer works", async () => {
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "silah_session");
    expect(cookie).toBeDefined();

    await page.getByRole("button", { name: "تسجيل الخروج" }).click();
    await page.waitForURL("**/sign-in");

    await page.goto("/");
    await page.waitForURL("**/sign-in");
    await page.getByLabel("البريد الإلكتروني").waitFor();

    const replay = await fetch(`${silah.baseUrl}/api/auth/session`, {
      headers: { cookie: `silah_session=${cookie?.value}` },
    });
    expect(replay.status).toBe(401);
  });
});
