import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const demoPassword = "silah-demo-2026";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("البريد الإلكتروني").fill(email);
  await page.getByLabel("كلمة المرور").fill(password);
  await page.getByRole("button", { name: "دخول" }).click();
}

describe("an administrator revokes an officer's access: her open browser is signed out on its next action", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let adminContext: BrowserContext;
  let officerContext: BrowserContext;
  let admin: Page;
  let officer: Page;

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    const options = { baseURL: silah.baseUrl, viewport: { width: 1280, height: 900 } };
    adminContext = await browser.newContext(options);
    officerContext = await browser.newContext(options);
    admin = await adminContext.newPage();
    officer = await officerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the officer is at work in her own browser", async () => {
    await signIn(officer, "officer@demo.silah.sa", demoPassword);
    await officer.waitForURL((url) => url.pathname === "/");
    await officer
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "حسابي" })
      .waitFor();
  });

  it("the administrator opens «المستخدمون» from the navigation and sees the staff", async () => {
    // The administrator uses two-step verification: enrolled on her first sign-in, as the demo asks.
    await signInOnPage(admin, "admin@demo.silah.sa");
    await admin.waitForURL((url) => url.pathname === "/");
    await admin
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "المستخدمون" })
      .click();
    await admin.getByRole("heading", { level: 1, name: "المستخدمون" }).waitFor();
    const row = admin
      .getByTestId("staff-row")
      .filter({ has: admin.getByText("officer@demo.silah.sa", { exact: true }) });
    await row.getByText("نشط").waitFor();
    // The officer signed in a moment ago: her last sign-in is shown, not «never».
    expect(await row.getByText("لم يدخل بعد").count()).toBe(0);
  });

  it("an administrator is warned of a guessable password before submitting", async () => {
    const form = admin.getByRole("region", { name: "إضافة مستخدم" });
    await form.getByLabel("كلمة مرور مؤقتة").fill("1234567890");
    await form.getByTestId("password-strength").getByText("شائعة الاستخدام").waitFor();
    await form.getByLabel("كلمة مرور مؤقتة").fill("aaaaaaaaaa");
    await form.getByTestId("password-strength").getByText("تكرار").waitFor();
    await form.getByLabel("كلمة مرور مؤقتة").fill("");
  });

  it("deactivates the officer's account", async () => {
    const row = admin
      .getByTestId("staff-row")
      .filter({ has: admin.getByText("officer@demo.silah.sa", { exact: true }) });
    await row.getByRole("button", { name: /إدارة/ }).click();
    const panel = admin.getByRole("region", { name: /إدارة حساب/ });
    await panel.getByRole("button", { name: "تعطيل الحساب" }).click();
    await panel.getByRole("button", { name: /تأكيد تعطيل حساب/ }).click();
    await panel.getByText("عُطّل الحساب وأُنهيت جلساته.").waitFor();
    await row.getByText("معطّل").waitFor();
    mkdirSync(".tmp", { recursive: true });
    await admin.screenshot({ path: ".tmp/staff-accounts.png", fullPage: true });
  });

  it("the officer's next action sends her to the sign-in page, and she cannot sign in again", async () => {
    await officer
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "الخدمات" })
      .click();
    await officer.waitForURL("**/sign-in");
    await officer.getByLabel("البريد الإلكتروني").fill("officer@demo.silah.sa");
    await officer.getByLabel("كلمة المرور").fill(demoPassword);
    await officer.getByRole("button", { name: "دخول" }).click();
    await officer.getByRole("alert").getByText("البريد الإلكتروني أو كلمة المرور غير صحيحة.").waitFor();
  });

  it("reactivated with a generated temporary password, she must choose her own before anything else", async () => {
    const panel = admin.getByRole("region", { name: /إدارة حساب/ });
    await panel.getByRole("button", { name: "إعادة تفعيل الحساب" }).click();
    await panel.getByText("أُعيد تفعيل الحساب.").waitFor();
    await panel.getByRole("button", { name: "إنشاء كلمة مرور مؤقتة تلقائيًا" }).click();
    const temporary = (await panel.getByTestId("temporary-password").textContent()) ?? "";
    expect(temporary).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);

    await signIn(officer, "officer@demo.silah.sa", temporary);
    await officer.getByRole("heading", { name: "اختر كلمة مرور جديدة" }).waitFor();
    await officer.getByLabel("كلمة المرور الحالية").fill(temporary);
    await officer.getByLabel("كلمة المرور الجديدة", { exact: true }).fill("officer");
    await officer
      .getByTestId("password-strength")
      .getByText(/قصيرة|الاسم أو البريد/)
      .waitFor();
    await officer.getByLabel("كلمة المرور الجديدة", { exact: true }).fill("plum vinegar tractor 48");
    await officer.getByTestId("password-strength").getByText("كلمة المرور قوية بما يكفي.").waitFor();
    await officer.getByLabel("أعد كتابة كلمة المرور الجديدة").fill("plum vinegar tractor 48");
    await officer.getByRole("button", { name: "تغيير كلمة المرور" }).click();
    await officer.getByRole("navigation", { name: "التنقل الرئيسي" }).waitFor();
  });
});
