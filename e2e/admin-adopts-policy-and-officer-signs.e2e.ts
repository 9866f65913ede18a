import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

// An association's policy as extracted from its PDF: page headers, broken lines, Arabic numbering.
// It lives beside the repository (../shared/seeds), as in the CI clone; without it the journey skips.
const seedPolicy = new URL("../../shared/seeds/002_b14b27f6bfdeb9b7.txt", import.meta.url);
const seedPresent = existsSync(seedPolicy);
if (!seedPresent) console.warn(`Skipping the policy journey: ${seedPolicy.pathname} is absent.`);
const policyText = seedPresent ? readFileSync(seedPolicy) : Buffer.alloc(0);
const officerName = "نورة بنت عبدالله القحطاني";
const associationName = "جمعية صلة التجريبية للتنمية الاجتماعية";
const addedStep = "إبلاغ المستفيد برقم طلبه ووسيلة متابعته";
const chair = "عبدالرحمن بن محمد السبيعي";
const secondMember = "هيفاء بنت سعد الدوسري";

describe.skipIf(!seedPresent)(
  "the admin imports a policy, edits a draft, records board approval, an officer is asked to sign it at sign-in, and the printed policy renders in Arabic",
  () => {
    let silah: RunningSilah;
    let browser: Browser;
    let adminPage: Page;

    async function signIn(email: string, width = 1280): Promise<Page> {
      const context = await browser.newContext({ baseURL: silah.baseUrl, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await signInOnPage(page, email);
      await page.waitForURL((url) => url.pathname === "/");
      return page;
    }

    const nav = (page: Page) => page.getByRole("navigation", { name: "التنقل الرئيسي" });

    beforeAll(async () => {
      silah = await startSilah();
      browser = await launchBrowser();
      mkdirSync(".tmp", { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      await silah?.stop();
    });

    it("the administrator imports the existing policy's text and sees the channels and steps found, and what was not", async () => {
      const page = await signIn("admin@demo.silah.sa");
      adminPage = page;
      // No policy yet: nobody is stopped at sign-in, and the policy page says so.
      await nav(page).getByRole("link", { name: "السياسة", exact: true }).click();
      await page.getByText("لم يعتمد مجلس الإدارة سياسة بعد.").waitFor();

      await nav(page).getByRole("link", { name: "مسودات السياسة" }).click();
      await page.waitForURL("**/policy/drafts");
      await page.getByRole("heading", { level: 1, name: "مسودات السياسة" }).waitFor();
      await page.getByLabel("ملف السياسة").setInputFiles({
        name: "siyasat-hayat.txt",
        mimeType: "text/plain",
        buffer: policyText,
      });
      await page.getByRole("button", { name: "استيراد السياسة" }).click();

      const found = page.locator(".import-found");
      await found.getByRole("heading", { name: "ما وجدناه في الملف" }).waitFor();
      const channels = found.locator("[data-found='channels'] li");
      expect(await channels.allInnerTexts()).toEqual([
        "المقابلة الشخصية",
        "الاتصال الهاتفي",
        "وسائل التواصل الاجتماعي",
        "الخطابات والمراسلات",
        "خدمات طلب المساعدة",
        "خدمة التطوع",
        "الموقع الإلكتروني",
      ]);
      expect(await found.locator("[data-found='handlingSteps'] li").count()).toBe(7);
      await found
        .locator("[data-found='responsePeriod']")
        .getByText("خلال مدة لا تقل عن أسبوعين من تقديم الطلب")
        .waitFor();
      // The sections this policy does not have are named as not found.
      await found
        .locator("[data-found='sections'] li[data-present='false']", { hasText: "الشكاوى" })
        .waitFor();
      await found
        .locator("[data-found='boardApproval']")
        .getByText("٢ ربيع الأول ١٤٤١هـ", { exact: false })
        .waitFor();
      await page.screenshot({ path: ".tmp/policy-import.png", fullPage: true });

      await found.getByRole("link", { name: "فتح المسودة" }).click();
      await page.waitForURL("**/policy/drafts/*");
      await page.getByRole("heading", { level: 1, name: "مسودة السياسة" }).waitFor();
      // The imported draft's channels come checked, in the policy's order.
      expect(await page.getByRole("checkbox", { name: /المقابلة الشخصية/ }).isChecked()).toBe(true);
      expect(await page.getByRole("checkbox", { name: /الفاكس/ }).isChecked()).toBe(false);
      expect(await page.getByLabel("الخطوة ٧", { exact: true }).inputValue()).toBe("تقديم الخدمة اللازمة");

      // Edit: a new handling step, and the response period becomes 15 working days from completion.
      await page.getByRole("button", { name: "إضافة خطوة" }).click();
      await page.getByLabel("الخطوة ٨", { exact: true }).fill(addedStep);
      await page.getByLabel("المدة", { exact: true }).fill("15");
      await page.getByLabel("الوحدة").selectOption({ label: "أيام عمل" });
      await page.getByLabel("تُحسب من").selectOption({ label: "اكتمال الطلب" });
      await page.getByLabel("نوع الحد").selectOption({ label: "كحد أقصى" });
      await page
        .locator(".period-editor__words")
        .getByText("خلال ١٥ يوم عمل من اكتمال الطلب كحد أقصى")
        .waitFor();
      // Unsaved edits hold the approval back: the board approves the saved text.
      await page.getByText("احفظ تعديلات المسودة أولًا؛ يعتمد المجلس النص المحفوظ.").waitFor();
      expect(await page.getByRole("button", { name: "اعتماد السياسة" }).isDisabled()).toBe(true);
      await page.getByRole("button", { name: "حفظ المسودة" }).click();
      await page.getByText("حُفظت المسودة.").waitFor();
      // At a phone's width the editor still reads from the right, with nothing cut off.
      await page.setViewportSize({ width: 390, height: 900 });
      await page.screenshot({ path: ".tmp/policy-draft-phone.png", fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(await page.getByLabel("الخطوة ٨", { exact: true }).inputValue()).toBe(addedStep);
    });

    it("records the board's approval with the Hijri date as the minutes write it and two members, and the draft becomes version 1", async () => {
      const page = adminPage;
      await page.getByLabel("رقم الاجتماع").fill("2");
      await page.getByLabel("الدورة").fill("4");
      await page.getByLabel("التاريخ الهجري").fill("1441/03/02هـ");
      await page.getByLabel("رئيس مجلس الإدارة").fill(chair);
      await page.getByLabel("اسم العضو ١").fill(chair);
      await page.getByLabel("صفة العضو ١").fill("رئيس مجلس الإدارة");
      await page.getByRole("button", { name: "إضافة عضو" }).click();
      await page.getByLabel("اسم العضو ٢").fill(secondMember);
      await page.getByLabel("صفة العضو ٢").fill("عضو مجلس الإدارة");
      // The second member signs on the screen.
      await page.getByLabel("توقيع العضو ٢").selectOption({ label: "وقّع على الشاشة" });
      const pad = page.getByRole("img", { name: "وقّع هنا: العضو ٢" });
      const box = await pad.boundingBox();
      if (!box) throw new Error("no signature pad");
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + 15, { steps: 5 });
      await page.mouse.move(box.x + box.width - 20, box.y + box.height - 15, { steps: 5 });
      await page.mouse.up();
      await page.screenshot({ path: ".tmp/policy-approval-form.png", fullPage: true });

      await page.getByRole("button", { name: "اعتماد السياسة" }).click();
      await page.waitForURL((url) => url.pathname === "/policy");
      // The administrator works by the policy too: the new version is hers to sign before she goes on.
      await page.getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" }).waitFor();
      const adminName = (await page.evaluate(async () => (await fetch("/api/auth/session")).json())).user
        .fullName;
      await page.getByLabel("اسمك الكامل").fill(adminName);
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await page.getByRole("heading", { level: 1, name: "السياسة" }).waitFor();
      await page.locator(".policy-meta").getByText("الإصدار ١").waitFor();
      await page.locator(".policy-status--approved").waitFor();

      const document = page.locator(".policy-document");
      await document.getByRole("heading", { name: "قنوات التواصل مع المستفيدين" }).waitFor();
      await document.locator(".policy-channels li").first().getByText("المقابلة الشخصية").waitFor();
      await document.locator(".policy-steps li", { hasText: addedStep }).waitFor();
      await document.getByText("خلال ١٥ يوم عمل من اكتمال الطلب كحد أقصى").waitFor();

      const approval = page.locator(".board-approval");
      await approval.getByText("٢ ربيع الأول ١٤٤١هـ").waitFor();
      await approval.getByRole("rowheader", { name: secondMember }).waitFor();
      await approval.locator("tr", { hasText: secondMember }).getByText("وقّع على الشاشة").waitFor();
      // The history lists the version in force.
      await page.locator("tr[data-status='approved']").getByRole("link", { name: "الإصدار ١" }).waitFor();
      await page.screenshot({ path: ".tmp/policy-page.png", fullPage: true });

      await page.getByRole("button", { name: "تسجيل الخروج" }).click();
      await page.waitForURL("**/sign-in");
      await page.context().close();
    });

    it("stops the officer at sign-in with the policy and the sign form, refuses another name, and lets her in once she signs", async () => {
      const page = await signIn("officer@demo.silah.sa", 390);
      await page.getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" }).waitFor();
      // Nothing of the app behind it until she signs.
      expect(await page.getByRole("navigation", { name: "التنقل الرئيسي" }).count()).toBe(0);
      await page.locator(".sign-screen .policy-steps li", { hasText: addedStep }).waitFor();
      await page.locator(".sign-screen .board-approval").getByText("٢ ربيع الأول ١٤٤١هـ").waitFor();
      await page.getByText(`اكتبه كما هو في حسابك: ${officerName}`).waitFor();
      await page.screenshot({ path: ".tmp/policy-sign-screen.png", fullPage: false });

      await page.getByLabel("اسمك الكامل").fill("نورة القحطاني");
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await page.locator(".sign-screen .field__error, .sign-screen .alert--error").first().waitFor();
      expect(
        await page.getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" }).count(),
      ).toBe(1);

      await page.getByLabel("اسمك الكامل").fill(officerName);
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await page.getByRole("heading", { level: 1, name: `مرحبًا، ${officerName}` }).waitFor();
      expect(await page.getByRole("heading", { name: "الاطلاع على السياسة والتوقيع" }).count()).toBe(0);

      // Signed once, she is not asked again.
      await page.reload();
      await page.getByRole("heading", { level: 1, name: `مرحبًا، ${officerName}` }).waitFor();

      // The contact form on a file offers the channels the approved policy names, in its order.
      await page.goto("/beneficiaries");
      await page.getByLabel("البحث عن مستفيد").fill("عبدالرحمن العجمي");
      await page
        .getByRole("list", { name: "نتائج البحث" })
        .getByRole("link", { name: "عبدالرحمن بن صالح بن علي العجمي" })
        .click();
      const offered = page.getByLabel("قناة التواصل").locator("option");
      await offered.first().waitFor({ state: "attached" });
      expect(await offered.allInnerTexts()).toEqual([
        "المقابلة الشخصية",
        "الاتصال الهاتفي",
        "وسائل التواصل الاجتماعي",
        "الخطابات والمراسلات",
        "خدمات طلب المساعدة",
        "خدمة التطوع",
        "الموقع الإلكتروني",
      ]);
      await page.context().close();
    });

    it("opens the printed policy from the policy page: an Arabic right-to-left document with the association's name and the board's table", async () => {
      const page = await signIn("officer@demo.silah.sa");
      await nav(page).getByRole("link", { name: "السياسة", exact: true }).click();
      await page.waitForURL("**/policy");
      const [printed] = await Promise.all([
        page.waitForEvent("popup"),
        page.getByRole("link", { name: "طباعة السياسة" }).click(),
      ]);
      await printed.waitForLoadState();
      await printed.locator("html[lang=ar][dir=rtl]").waitFor();
      await printed.locator(".letterhead").getByText(associationName).waitFor();
      const members = printed.locator("table.members");
      await members.getByText(chair).first().waitFor();
      await members.getByText(secondMember).waitFor();
      await printed.getByText(addedStep).waitFor();
      await printed.screenshot({ path: ".tmp/printed-policy.png", fullPage: true });

      // The PDF is a PDF, or the server's Arabic reason where it has no renderer.
      const pdfHref = (await page.getByRole("link", { name: "تنزيل PDF" }).getAttribute("href")) ?? "";
      const pdf = await page.request.get(pdfHref);
      if (pdf.status() === 200) {
        expect(pdf.headers()["content-type"]).toContain("application/pdf");
        expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
      } else {
        expect(pdf.status()).toBe(503);
        expect(JSON.stringify(await pdf.json())).toMatch(/[\u0600-\u06FF]/);
      }
      await page.context().close();
    });

    it("shows HR who has signed the policy in force and who has not", async () => {
      const page = await signIn("hr@demo.silah.sa");
      // HR has not signed either: the sign screen comes first.
      await page.getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" }).waitFor();
      const hrName = (await page.evaluate(async () => (await fetch("/api/auth/session")).json())).user
        .fullName;
      await page.getByLabel("اسمك الكامل").fill(hrName);
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await nav(page).getByRole("link", { name: "توقيعات الموظفين" }).click();
      await page.getByRole("heading", { level: 1, name: "توقيعات الموظفين" }).waitFor();
      await page
        .locator("tr[data-signed='true']", { hasText: officerName })
        .getByText("وقّع", { exact: true })
        .waitFor();
      await page.locator("tr[data-signed='false']").first().getByText("لم يوقّع").waitFor();
      expect(Number(await page.locator("[data-count='signed']").textContent())).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: ".tmp/policy-acknowledgements.png", fullPage: true });
      await page.context().close();
    });

    it("the administrator adds the bylaws to the library for the first step, and an officer finds them from that step and by an Arabic word", async () => {
      const admin = await signIn("admin@demo.silah.sa");
      await nav(admin).getByRole("link", { name: "المكتبة" }).click();
      await admin.getByRole("heading", { level: 1, name: "المكتبة" }).waitFor();
      await admin.getByText("لا توجد مستندات في المكتبة بعد.").waitFor();
      await admin.getByText("إضافة مستند").click();
      await admin.getByLabel("نوع المستند").last().selectOption({ label: "اللائحة الأساسية للجمعية" });
      await admin.getByLabel("عنوان المستند").fill("اللائحة الأساسية لجمعية صلة");
      await admin.getByLabel("رقم الإصدار أو تاريخه").fill("1445هـ");
      await admin.getByLabel("الملف", { exact: true }).setInputFiles({
        name: "laiha.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
      });
      await admin.getByRole("checkbox", { name: /استقبال المستفيد بلباقة/ }).check();
      await admin.getByRole("button", { name: "إضافة إلى المكتبة" }).click();
      await admin.getByText("أُضيف «اللائحة الأساسية لجمعية صلة» إلى المكتبة.").waitFor();
      await admin.context().close();

      const page = await signIn("officer@demo.silah.sa");
      await nav(page).getByRole("link", { name: "السياسة", exact: true }).click();
      await page
        .locator(".policy-steps li")
        .first()
        .getByRole("link", { name: "(المستندات المساعدة)" })
        .click();
      await page.waitForURL("**/library?step=0");
      const group = page.getByRole("region", { name: "اللائحة الأساسية للجمعية" });
      await group.getByRole("heading", { name: "اللائحة الأساسية لجمعية صلة" }).waitFor();
      await group.getByRole("link", { name: "تنزيل الإصدار النافذ (1445هـ)" }).waitFor();

      await page.getByRole("button", { name: "عرض كل المستندات" }).click();
      await page.getByLabel("ابحث في المكتبة").fill("الأساسية");
      await page.getByRole("button", { name: "بحث", exact: true }).click();
      await page.waitForURL(/q=/);
      await page.getByRole("heading", { name: "اللائحة الأساسية لجمعية صلة" }).waitFor();
      await page.screenshot({ path: ".tmp/library.png", fullPage: true });
      await page.getByLabel("ابحث في المكتبة").fill("سياسة التطوع");
      await page.getByRole("button", { name: "بحث", exact: true }).click();
      await page.getByText("لا توجد مستندات تطابق «سياسة التطوع».").waitFor();
      await page.context().close();
    });

    it("a second approval replaces the policy: version 2 is in force and version 1 stays readable as superseded", async () => {
      const page = await signIn("admin@demo.silah.sa");
      await nav(page).getByRole("link", { name: "مسودات السياسة" }).click();
      await page.getByRole("button", { name: "مسودة جديدة من السياسة المعتمدة" }).click();
      await page.waitForURL("**/policy/drafts/*");
      // The amendment starts from the text in force.
      expect(await page.getByLabel("الخطوة ٨", { exact: true }).inputValue()).toBe(addedStep);
      await page.getByLabel("رقم الاجتماع").fill("5");
      await page.getByLabel("الدورة").fill("4");
      await page.getByLabel("التاريخ الهجري").fill("١٥ رجب ١٤٤٥");
      await page.getByLabel("رئيس مجلس الإدارة").fill(chair);
      await page.getByLabel("اسم العضو ١").fill(chair);
      await page.getByLabel("صفة العضو ١").fill("رئيس مجلس الإدارة");
      await page.getByRole("button", { name: "اعتماد السياسة" }).click();

      await page.getByRole("heading", { level: 1, name: "الاطلاع على السياسة والتوقيع" }).waitFor();
      const adminName = (await page.evaluate(async () => (await fetch("/api/auth/session")).json())).user
        .fullName;
      await page.getByLabel("اسمك الكامل").fill(adminName);
      await page.getByRole("button", { name: "أقر بأنني اطلعت على السياسة" }).click();
      await page.locator(".policy-meta").getByText("الإصدار ٢").waitFor();

      await page.locator("tr[data-status='superseded']").getByRole("link", { name: "الإصدار ١" }).click();
      await page.waitForURL("**/policy/versions/*");
      await page.getByText("هذا الإصدار حلّ محله إصدار أحدث، ويبقى متاحًا للاطلاع.").waitFor();
      await page.locator(".board-approval").getByText("٢ ربيع الأول ١٤٤١هـ").waitFor();
      await page.context().close();
    });
  },
);
