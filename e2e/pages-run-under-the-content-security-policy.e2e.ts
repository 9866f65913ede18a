import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const password = "silah-demo-2026";

/** Every refusal the browser reports, from the page's own event and from its console. */
async function watchViolations(page: Page, violations: string[]) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation/i.test(text)) violations.push(`${page.url()}: ${text}`);
  });
}

describe("a manager walks every page of her menu and a visitor opens the complaint form, under the security policy", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const violations: string[] = [];

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await watchViolations(page, violations);
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("serves the page with a policy that allows no inline script", async () => {
    const response = await page.goto("/sign-in");
    const policy = response!.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
  });

  it("opens each page of the manager's menu with its heading, fonts and styles, and nothing refused", async () => {
    // The manager uses two-step verification: enrolled on her first sign-in, as the demo asks.
    await signInOnPage(page, "manager@demo.silah.sa", password);
    await page.waitForURL((url) => url.pathname !== "/sign-in");

    const nav = page.getByRole("navigation", { name: "التنقل الرئيسي" });
    await nav.getByRole("link").first().waitFor();
    const links = await nav
      .getByRole("link")
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    expect(links.length).toBeGreaterThan(3);
    for (const href of links) {
      await page.goto(href);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
    }
    // The self-hosted Arabic font loaded (a blocked font would leave the fallback in use).
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((font) => font.status === "loaded");
    });
    expect(fontLoaded).toBe(true);
    expect(violations).toEqual([]);
  });

  it("lets a visitor open the public complaint form with its human check", async () => {
    const visitor = await browser.newPage({ baseURL: silah.baseUrl });
    await watchViolations(visitor, violations);
    await visitor.goto("/p/demo/complaint");
    await visitor.getByRole("heading", { level: 1 }).first().waitFor();
    await visitor.waitForLoadState("networkidle");
    await visitor.close();
    expect(violations).toEqual([]);
  });
});
