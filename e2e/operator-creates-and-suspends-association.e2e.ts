import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { enrolOnPage, signInOnPage } from "./support/sign-in.js";

const associationName = "جمعية البر الخيرية بنجران";
const slug = "albir-najran";
const adminName = "سلمى بنت ناصر اليامي";
const adminEmail = "salma@albir-najran.org.sa";
const adminNewPassword = "نخلة قهوة 2026 سطح القمر";

describe("the platform operator opens an association with its first administrator, suspends it (the administrator is signed out and refused in Arabic) and reactivates it", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let operatorContext: BrowserContext;
  let adminContext: BrowserContext;
  let operator: Page;
  let admin: Page;
  let temporaryPassword = "";

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    const options = { baseURL: silah.baseUrl, viewport: { width: 1400, height: 900 } };
    operatorContext = await browser.newContext(options);
    adminContext = await browser.newContext(options);
    operator = await operatorContext.newPage();
    admin = await adminContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  const row = () => operator.getByTestId("association-row").filter({ hasText: associationName });

  it("the operator signs in with two-step verification and sees the associations with their usage", async () => {
    await signInOnPage(operator, "operator@demo.silah.sa");
    await operator.getByRole("heading", { level: 1, name: "الجمعيات على المنصة" }).waitFor();
    const demo = operator.getByTestId("association-row").filter({ hasText: "جمعية صلة التجريبية" });
    await demo.getByText("نشطة").waitFor();
    // The demo's thirteen staff accounts and five beneficiaries, as counts only.
    await demo.getByRole("cell", { name: "١٣", exact: true }).waitFor();
    await demo.getByRole("cell", { name: "٥", exact: true }).waitFor();
    await expectArabicInterface(operator);
  });

  it("the operator opens an association with its first administrator; the page checks the fields in Arabic first", async () => {
    await operator.getByRole("link", { name: "فتح جمعية جديدة" }).click();
    await operator.getByRole("heading", { level: 1, name: "فتح جمعية جديدة" }).waitFor();
    await expectArabicInterface(operator);

    await operator.getByLabel("معرّف الجمعية في الروابط").fill("Al Bir!");
    await operator.getByRole("button", { name: "فتح الجمعية" }).click();
    await operator.getByText("اكتب اسم الجمعية (ثلاثة أحرف على الأقل).").waitFor();
    await operator.getByText("اكتب معرّفًا من حروف لاتينية صغيرة").waitFor();
    await operator.getByText("اكتب بريدًا إلكترونيًا صحيحًا").waitFor();
    await expectArabicInterface(operator);

    await operator.getByLabel("اسم الجمعية").fill(associationName);
    await operator.getByLabel("معرّف الجمعية في الروابط").fill(slug);
    await operator.getByLabel("المنطقة").fill("نجران");
    await operator.getByLabel("اسم مدير النظام").fill(adminName);
    await operator.getByLabel("البريد الإلكتروني لمدير النظام").fill(adminEmail);
    await operator.getByRole("button", { name: "فتح الجمعية" }).click();
    await operator.getByRole("heading", { level: 1, name: "فُتحت الجمعية" }).waitFor();
    temporaryPassword = ((await operator.getByTestId("temporary-password").textContent()) ?? "").trim();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await expectArabicInterface(operator);

    await operator.getByRole("link", { name: "العودة إلى الجمعيات" }).click();
    await row().getByText("نشطة").waitFor();
  });

  it("the administrator signs in with the temporary password, chooses her own, then enrols two-step verification", async () => {
    await signInOnPage(admin, adminEmail, temporaryPassword);
    await admin.getByRole("heading", { level: 1, name: "اختر كلمة مرور جديدة" }).waitFor();
    await expectArabicInterface(admin);
    await admin.getByLabel("كلمة المرور الحالية").fill(temporaryPassword);
    await admin.getByLabel("كلمة المرور الجديدة", { exact: true }).fill(adminNewPassword);
    await admin.getByLabel("أعد كتابة كلمة المرور الجديدة").fill(adminNewPassword);
    await admin.getByRole("button", { name: "تغيير كلمة المرور" }).click();
    // Only now, the account being hers alone, is she asked to enrol two-step verification.
    await admin.getByRole("button", { name: "ابدأ التفعيل" }).waitFor();
    await expectArabicInterface(admin);
    await enrolOnPage(admin, adminEmail);
    await admin.locator(".shell").waitFor();
    await admin.getByRole("heading", { level: 1, name: new RegExp(adminName) }).waitFor();
    await expectArabicInterface(admin);
  });

  it("the operator suspends the association after confirming; the administrator's next step sends her to sign in, where she is refused in Arabic", async () => {
    await row()
      .getByRole("button", { name: /^تعليق الجمعية/ })
      .click();
    await operator.getByText("يُخرج التعليق موظفي الجمعية من جلساتهم فورًا").waitFor();
    await expectArabicInterface(operator);
    await row()
      .getByRole("button", { name: /^تأكيد التعليق/ })
      .click();
    await row().getByText("معلّقة").waitFor();

    await admin
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "المستخدمون" })
      .click();
    await admin.waitForURL((url) => url.pathname === "/sign-in");
    await admin.getByLabel("البريد الإلكتروني").fill(adminEmail);
    await admin.getByLabel("كلمة المرور").fill(adminNewPassword);
    await admin.getByRole("button", { name: "دخول" }).click();
    await admin.getByText("هذه الجمعية موقوفة مؤقتًا في منصة صلة").waitFor();
    await expectArabicInterface(admin);

    const publicPage = await adminContext.newPage();
    await publicPage.goto(`/p/${slug}/complaint`);
    await publicPage.getByText("صفحة الشكاوى لهذه الجمعية غير متاحة حاليًا.").waitFor();
    await expectArabicInterface(publicPage);
    await publicPage.close();
  });

  it("the operator reactivates the association; the administrator signs in again, and the operator's log shows what was done", async () => {
    await row()
      .getByRole("button", { name: /^إعادة تفعيل الجمعية/ })
      .click();
    await row().getByText("نشطة").waitFor();

    await admin.getByRole("button", { name: "دخول" }).click();
    const code = admin.getByLabel("رمز التحقق");
    await code.waitFor();

    await operator
      .getByRole("navigation", { name: "التنقل الرئيسي" })
      .getByRole("link", { name: "سجل التدقيق" })
      .click();
    const log = operator.getByRole("table");
    await log.getByText("تعليق الجمعية").first().waitFor();
    await log.getByText("إعادة تفعيل الجمعية").first().waitFor();
    await log.getByText("فتح جمعية من مشغّل المنصة").first().waitFor();
    await expectArabicInterface(operator);
  });
});
