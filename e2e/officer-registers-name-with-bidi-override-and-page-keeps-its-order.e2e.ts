import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nationalIdCheckDigit } from "../shared/domain/national-id.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";

const password = "silah-demo-2026";
// A right-to-left override (U+202E) typed or pasted into a name: left unisolated, it turns around
// whatever follows it on the line.
const override = "\u202E";
const fullName = `هيفاء بنت ناصر ${override}القحطاني`;
const firstNine = "109876543";
const nationalId = `${firstNine}${nationalIdCheckDigit(firstNine)}`;

/**
 * For every text on the page holding the override: is its nearest isolating element (a `<bdi>`, or
 * `unicode-bidi: isolate`, which blocks such as headings and paragraphs have by default) holding
 * that text alone, so no page text shares its bidi run? And does the line's own text after it
 * still come after it (to its left, in the right-to-left flow)?
 */
async function overrideIsolation(page: Page, root: string) {
  return page.locator(root).evaluate((container, mark) => {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const found: { isolated: boolean; followerInOrder: boolean | null }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.includes(mark)) continue;
      let isolating: Element | null = null;
      for (let el = node.parentElement; el && el !== container.parentElement; el = el.parentElement) {
        const bidi = getComputedStyle(el).unicodeBidi;
        if (
          el.tagName === "BDI" ||
          bidi === "isolate" ||
          bidi === "isolate-override" ||
          bidi === "plaintext"
        ) {
          isolating = el;
          break;
        }
      }
      // The next text on the same line, outside the isolating element: it must stay to the left
      // (after, in right-to-left order) of the name, as if the name held no override.
      let followerInOrder: boolean | null = null;
      const nameBox = (isolating ?? node.parentElement)!.getBoundingClientRect();
      const after = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      after.currentNode = isolating ? (isolating.lastChild ?? isolating) : node;
      for (let next = after.nextNode(); next; next = after.nextNode()) {
        if (isolating?.contains(next) || !next.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(next);
        const box = range.getBoundingClientRect();
        if (Math.abs(box.top - nameBox.top) > nameBox.height) break;
        followerInOrder = box.right <= nameBox.left + 1;
        break;
      }
      const alone = isolating !== null && isolating.textContent?.trim() === node.textContent.trim();
      found.push({ isolated: alone, followerInOrder });
    }
    return found;
  }, override);
}

describe("an officer registers a beneficiary whose name carries a right-to-left override character, and the registry, the file and the timeline keep their order", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("البريد الإلكتروني").fill("officer@demo.silah.sa");
    await page.getByLabel("كلمة المرور").fill(password);
    await page.getByRole("button", { name: "دخول" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("registers her and sees the name isolated on the file", async () => {
    await page.goto("/beneficiaries/new");
    await page.getByLabel("الاسم الرباعي").fill(fullName);
    await page.getByLabel("رقم الهوية/الإقامة").fill(nationalId);
    await page.getByLabel("تاريخ الميلاد").fill("1405/03/02هـ");
    await page.getByLabel("أنثى").check();
    await page.getByLabel("الجوال", { exact: true }).fill("0557654321");
    await page.getByLabel("وافق المستفيد على معالجة بياناته لتقديم الخدمات").check();
    await page.getByRole("button", { name: "حفظ المستفيد" }).click();
    await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    await page.locator("#beneficiary-name").waitFor();

    const file = await overrideIsolation(page, "main");
    expect(file.length).toBeGreaterThan(0);
    expect(file.every((text) => text.isolated)).toBe(true);
  });

  it("records a call whose summary names her, and the timeline isolates it", async () => {
    await page.getByLabel("استفسار", { exact: true }).check();
    await page.getByLabel("قناة التواصل").selectOption({ label: "الاتصال الهاتفي" });
    await page.getByLabel("الاتجاه").selectOption({ label: "وارد من المستفيد" });
    await page.getByLabel("الموضوع").fill("موعد الزيارة المنزلية");
    await page.getByLabel("الملخص").fill(`اتصلت ${fullName} تسأل عن موعد الزيارة 10:30`);
    await page.getByRole("button", { name: "تسجيل", exact: true }).click();
    await page.getByText("سُجّل التواصل في سجل المستفيد.").waitFor();

    const timeline = page.getByRole("list", { name: "سجل المستفيد" });
    await timeline.locator(".timeline__detail").first().waitFor();
    const entries = await overrideIsolation(page, ".timeline");
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((text) => text.isolated)).toBe(true);
  });

  it("finds her in the registry, the name isolated and the match label after it in its place", async () => {
    await page.goto("/beneficiaries");
    await page.getByLabel("البحث عن مستفيد").fill(nationalId);
    const results = page.getByRole("list", { name: "نتائج البحث" });
    await results.locator(".beneficiary-result").first().waitFor();

    const list = await overrideIsolation(page, ".beneficiary-results");
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((text) => text.isolated)).toBe(true);
    // The match label shares the name's line: it still comes after the name.
    expect(list.some((text) => text.followerInOrder === true)).toBe(true);
    expect(list.some((text) => text.followerInOrder === false)).toBe(false);
    await page.screenshot({ path: ".tmp/bidi-override-registry.png", fullPage: true });
  });
});
