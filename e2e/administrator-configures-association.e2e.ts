import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

// An association's existing policy (../shared/seeds, as in the CI clone); without it that step skips.
const seedPolicy = new URL("../../shared/seeds/002_b14b27f6bfdeb9b7.txt", import.meta.url);
const seedPresent = existsSync(seedPolicy);
if (!seedPresent) console.warn(`Skipping the policy wording step: ${seedPolicy.pathname} is absent.`);

const newStaff = { name: "لمى بنت فيصل العمري", email: "lama@demo.silah.sa" };

describe("the administrator configures the association from the screen: request settings, the policy's wording, staff accounts", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let page: Page;
  const nav = () => page.getByRole("navigation", { name: "التنقل الرئيسي" });

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
    mkdirSync(".tmp", { recursive: true });
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    await signInOnPage(page, "admin@demo.silah.sa");
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("sets the response period and the referral role, corrected in Arabic when the period is not a number", async () => {
    await nav().getByRole("link", { name: "إعدادات الطلبات" }).click();
    await page.getByRole("heading", { level: 1, name: "إعدادات طلبات الدعم" }).waitFor();
    await page.getByText("لم تُحدَّد مدة بعد").waitFor();
    await page.getByText("لا توجد سياسة معتمدة بعد.").waitFor();
    await expectArabicInterface(page);

    await page.getByLabel("المدة", { exact: true }).fill("عشرة");
    await page.getByRole("button", { name: "حفظ الإعدادات" }).click();
    await page.getByText("«المدة» رقم: اكتبه بالأرقام").waitFor();
    await expectArabicInterface(page);
    await page.getByLabel("المدة", { exact: true }).fill("٥٠٠٠");
    await page.getByRole("button", { name: "حفظ الإعدادات" }).click();
    await page.getByText("اكتب عددًا صحيحًا من ١ إلى ٣٦٥٠.").waitFor();

    await page.getByLabel("المدة", { exact: true }).fill("١٠");
    await page.getByLabel("وحدة المدة").selectOption({ label: "أيام عمل" });
    await page.getByLabel("نوع المدة").selectOption({ label: "مدة أقصاها" });
    await page.getByLabel("تبدأ المدة من").selectOption({ label: "تاريخ اكتمال الطلب" });
    await page.getByLabel("الدور الذي تُحال إليه الطلبات").selectOption({ label: "الباحث الاجتماعي" });
    await page.getByRole("button", { name: "حفظ الإعدادات" }).click();
    await page.getByText("حُفظت إعدادات الطلبات.").waitFor();
    await page.getByText("المدة المعمول بها هي التي حددتها هنا").waitFor();
    await page.getByText("فاطمة بنت سعد الشهري").waitFor();

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "إعدادات طلبات الدعم" }).waitFor();
    const period = page.getByLabel("المدة", { exact: true });
    await period.waitFor();
    if ((await period.inputValue()) !== "10")
      throw new Error(`period not kept: ${await period.inputValue()}`);
  });

  it.skipIf(!seedPresent)(
    "adopts the association's policy, then confirms what its referral wording and committees mean",
    async () => {
      await nav().getByRole("link", { name: "مسودات السياسة" }).click();
      await page.getByRole("heading", { level: 1, name: "مسودات السياسة" }).waitFor();
      await page.getByLabel("ملف السياسة").setInputFiles({
        name: "policy.txt",
        mimeType: "text/plain",
        buffer: readFileSync(seedPolicy),
      });
      await page.getByRole("button", { name: "استيراد السياسة" }).click();
      await page.getByRole("link", { name: "فتح المسودة" }).click();
      await page.getByRole("heading", { level: 1, name: "مسودة السياسة" }).waitFor();
      await page.getByLabel("رقم الاجتماع").fill("2");
      await page.getByLabel("الدورة").fill("4");
      await page.getByLabel("التاريخ الهجري").fill("1441/03/02هـ");
      await page.getByLabel("رئيس مجلس الإدارة").fill("عبدالرحمن بن محمد السبيعي");
      await page.getByLabel("اسم العضو ١").fill("عبدالرحمن بن محمد السبيعي");
      await page.getByLabel("صفة العضو ١").fill("رئيس مجلس الإدارة");
      await page.getByRole("button", { name: "اعتماد السياسة" }).click();
      await page
        .getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" })
        .waitFor()
        .catch(async (error) => {
          await page.screenshot({ path: ".tmp/admin-approval.png", fullPage: true });
          throw error;
        });
      await page.getByLabel("اسمك الكامل").fill("ريم بنت تركي السبيعي");
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await page.getByRole("heading", { level: 1, name: "السياسة" }).waitFor();

      await nav().getByRole("link", { name: "إعدادات الطلبات" }).click();
      await page
        .getByText("لم يُؤكَّد الربط بعد؛ الاختيارات المعروضة مقترحة.")
        .waitFor()
        .catch(async (error) => {
          await page.screenshot({ path: ".tmp/admin-wording.png", fullPage: true });
          throw error;
        });
      await expectArabicInterface(page);
      await page.getByRole("button", { name: "تأكيد الربط" }).click();
      await page
        .getByText("أُكِّد ربط عبارات السياسة.")
        .waitFor()
        .catch(async (error) => {
          await page.screenshot({ path: ".tmp/admin-wording.png", fullPage: true });
          throw error;
        });
      await page.getByText("الربط مؤكَّد لهذه النسخة من السياسة").waitFor();
      await expectArabicInterface(page);
    },
  );

  it("adds a staff account with its roles, changes the roles, and deactivates it", async () => {
    await nav().getByRole("link", { name: "المستخدمون" }).click();
    await page.getByRole("heading", { level: 1, name: "المستخدمون" }).waitFor();
    await expectArabicInterface(page);

    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "إضافة المستخدم" }) });
    await form.getByRole("button", { name: "إضافة المستخدم" }).click();
    await form.getByText("اختر دورًا واحدًا على الأقل.").waitFor();
    await expectArabicInterface(page);
    await form.getByLabel("الاسم").fill(newStaff.name);
    await form.getByLabel("البريد الإلكتروني").fill(newStaff.email);
    await form.getByLabel("كلمة مرور مؤقتة").fill("plum vinegar tractor 48");
    await form.getByLabel("موظف علاقات المستفيدين").check();
    await form.getByRole("button", { name: "إضافة المستخدم" }).click();
    await page.getByText(`أُضيف ${newStaff.name}`).waitFor();

    const row = page
      .getByTestId("staff-row")
      .filter({ has: page.getByText(newStaff.email, { exact: true }) });
    await row.getByText("موظف علاقات المستفيدين").waitFor();
    await row.getByRole("button", { name: /إدارة/ }).click();
    const panel = page.locator(".manage-account");
    await panel.getByLabel("ضابط الاتصال").check();
    await panel.getByRole("button", { name: "حفظ الأدوار" }).click();
    await panel.getByText("حُفظت الأدوار.").waitFor();
    await row.getByText("موظف علاقات المستفيدين، ضابط الاتصال").waitFor();

    await panel.getByRole("button", { name: "تعطيل الحساب" }).click();
    await panel.getByRole("button", { name: /تأكيد تعطيل حساب/ }).click();
    await panel.getByText("عُطّل الحساب وأُنهيت جلساته.").waitFor();
    await row.getByText("معطّل").waitFor();
    await expectArabicInterface(page);
  });
});
