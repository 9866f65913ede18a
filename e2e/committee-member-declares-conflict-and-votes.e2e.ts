import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectArabicInterface } from "./support/arabic-page.js";
import { launchBrowser } from "./support/browser.js";
import { type RunningSilah, startSilah } from "./support/server.js";
import { signInOnPage } from "./support/sign-in.js";

const serviceName = "سلة غذائية للأسرة";
const committeeName = "لجنة دراسة الطلبات";
const khalid = "خالد بن محمد العتيبي";
const chair = "عبدالعزيز بن إبراهيم الحربي";
const relative = { name: "سعد بن ناصر بن فهد اليامي", search: "سعد اليامي" };
const stranger = { name: "عبدالرحمن بن صالح بن علي العجمي", search: "عبدالرحمن العجمي" };
const withdrawn = { name: "فاطمة بنت علي بن حسن آل منصور", search: "فاطمة آل منصور" };
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(new Date());
const riyals = (amount: number) =>
  `${new Intl.NumberFormat("ar-SA", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ريال`;

/**
 * A committee member's whole job at a meeting, from sign-in, using only the screen: he finds the
 * meetings in «الاجتماعات», calls one, records who attended, declares a conflict of interest on a
 * relative's request (the vote form for it disappears; the chair decides it), votes and decides on
 * the other, and approves minutes that record attendance, the recusal and the day they were drafted.
 * The officer's part shows that cancelling needs a reason and a confirmation, and closing a
 * confirmation.
 */
describe("a committee member declares a conflict of interest on one request and votes on another; the minutes record attendance and the recusal", () => {
  let silah: RunningSilah;
  let browser: Browser;
  let officer: Page;
  let member: Page;
  const references: Record<string, string> = {};
  const requestPaths: Record<string, string> = {};

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: silah.baseUrl,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await signInOnPage(page, email);
    await page.waitForURL((url) => url.pathname === "/");
    return page;
  }

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "التنقل الرئيسي" }).getByRole("link", { name, exact: true }).click();
  const state = (page: Page) => page.getByTestId("request-state");
  const agendaItem = (page: Page, who: { name: string }) =>
    page.getByRole("article").filter({ hasText: references[who.name]! });

  async function openRequest(who: { name: string; search: string }) {
    await nav(officer, "طلبات الدعم");
    await officer.getByRole("link", { name: "فتح طلب" }).click();
    await officer.waitForURL("**/requests/new");
    await officer.getByLabel("ابحث عن المستفيد").fill(who.search);
    await officer
      .getByRole("list", { name: "نتائج البحث عن المستفيد" })
      .getByRole("button", { name: new RegExp(who.name) })
      .click();
    await officer.getByLabel("الخدمة", { exact: true }).selectOption({ label: serviceName });
    await officer.getByLabel("قناة الطلب").selectOption({ label: "المقابلة الشخصية" });
    await officer.getByRole("button", { name: "فتح الطلب" }).click();
    await officer.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    requestPaths[who.name] = new URL(officer.url()).pathname;
    references[who.name] = (await officer.locator("h1 bdi").textContent())?.trim() ?? "";
  }

  beforeAll(async () => {
    silah = await startSilah();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await silah?.stop();
  });

  it("the administrator makes the manager a committee member, adds the service and forms the committee", async () => {
    const admin = await signIn("admin@demo.silah.sa");
    await nav(admin, "المستخدمون");
    await admin
      .getByTestId("staff-row")
      .filter({ has: admin.getByText("manager@demo.silah.sa", { exact: true }) })
      .getByRole("button", { name: /إدارة/ })
      .click();
    const panel = admin.getByRole("region", { name: /إدارة حساب/ });
    await panel.getByLabel("عضو لجنة البحث").check();
    await panel.getByRole("button", { name: "حفظ الأدوار" }).click();
    await panel.getByText("حُفظت الأدوار.").waitFor();

    await nav(admin, "الخدمات");
    await admin.getByRole("link", { name: "خدمة جديدة" }).click();
    await admin.getByLabel("اسم الخدمة").fill(serviceName);
    await admin.getByLabel("رمز الخدمة").fill("family_basket");
    await admin.getByRole("button", { name: "إضافة متطلب" }).click();
    await admin.getByLabel("نوع المتطلب 1").selectOption({ label: "بيان" });
    await admin.getByLabel("اسم المتطلب 1").fill("عدد أفراد الأسرة");
    await admin.getByLabel("رمز المتطلب 1").fill("family_size");
    await admin.getByLabel("نوع الحقل 1").selectOption({ label: "رقم" });
    await admin.getByRole("button", { name: "حفظ الخدمة" }).click();
    await admin.waitForURL("**/services");

    await nav(admin, "اللجان");
    await admin.getByLabel("اسم اللجنة").fill(committeeName);
    await admin.getByLabel(khalid).check();
    await admin.getByLabel(chair).check();
    await admin.getByLabel("النصاب (عدد الأصوات اللازم للقرار)").fill("1");
    await admin.getByRole("button", { name: "إنشاء اللجنة" }).click();
    await admin.getByRole("heading", { level: 2, name: committeeName }).waitFor();
    await admin.context().close();
  });

  it("the officer opens two requests and has each declared; a third is cancelled only with a reason and a confirmation", async () => {
    officer = await signIn("officer@demo.silah.sa");
    for (const who of [relative, stranger]) {
      await openRequest(who);
      await officer.getByLabel("عدد أفراد الأسرة").fill("6");
      await officer.getByRole("button", { name: "حفظ البيانات" }).click();
      await expect.poll(() => state(officer).textContent()).toBe("مكتمل");
      await officer.getByLabel("قرأ المستفيد الإقرار ويوافق عليه").check();
      await officer.getByLabel("توقيع المستفيد (اسمه كما يكتبه)").fill(who.name);
      await officer.getByRole("button", { name: "توقيع الإقرار" }).click();
      await expect.poll(() => state(officer).textContent()).toBe("مُقَرّ");
    }

    await openRequest(withdrawn);
    await officer.locator("summary", { hasText: "إلغاء الطلب" }).click();
    const cancel = officer.getByRole("button", { name: "إلغاء الطلب" });
    await cancel.click();
    // No reason: our own Arabic message, no dialog, nothing cancelled.
    await officer.getByText("اكتب سبب الإلغاء.").waitFor();
    expect(await officer.getByRole("dialog").count()).toBe(0);
    await officer.getByLabel("سبب الإلغاء").fill("قررت المستفيدة الانتقال إلى جمعية في مدينتها");
    await cancel.click();
    const dialog = officer.getByRole("dialog", { name: "إلغاء هذا الطلب؟" });
    await dialog.waitFor();
    await expectArabicInterface(officer, "cancel confirmation");
    await dialog.getByRole("button", { name: "نعم، ألغِ الطلب" }).click();
    await expect.poll(() => state(officer).textContent()).toBe("ملغى");
    await officer
      .getByTestId("cancellation")
      .getByText("قررت المستفيدة الانتقال إلى جمعية في مدينتها")
      .waitFor();
    await expectArabicInterface(officer, "cancelled request");

    // The reason is in her history too, on her file's timeline.
    await officer.locator(".page__lead").getByRole("link", { name: withdrawn.name }).click();
    await officer
      .getByRole("list", { name: "سجل المستفيد" })
      .getByRole("listitem")
      .filter({ hasText: "إلغاء الطلب" })
      .getByText("قررت المستفيدة الانتقال إلى جمعية في مدينتها")
      .waitFor();
    // Not checked with expectArabicInterface yet: the file's attachment forms still show the
    // browser's own file input and a Latin hint (the shared Arabic file picker is on its way).
  });

  it("the committee member finds «الاجتماعات», calls a meeting with both requests, and records who attended", async () => {
    member = await signIn("committee-member@demo.silah.sa");
    await nav(member, "الاجتماعات");
    await member.getByRole("heading", { level: 1, name: "اجتماعات اللجان" }).waitFor();
    // The demo's research committee has met through the year; this committee has not met yet.
    await member.getByRole("link", { name: "اجتماع جديد" }).waitFor();
    await expectArabicInterface(member, "meetings list");
    await member.getByRole("link", { name: "اجتماع جديد" }).click();
    await member.getByLabel("تاريخ الاجتماع").fill(today);
    await member.getByRole("checkbox", { name: references[relative.name]! }).check();
    await member.getByRole("checkbox", { name: references[stranger.name]! }).check();
    await expectArabicInterface(member, "new meeting");
    await member.getByRole("button", { name: "إنشاء الاجتماع" }).click();
    await member.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await member.getByRole("heading", { level: 1, name: `اجتماع ${committeeName}` }).waitFor();

    const attendance = member.getByRole("region", { name: "الحضور" });
    await attendance.getByLabel(new RegExp(khalid)).check();
    await attendance.getByLabel(new RegExp(chair)).check();
    await attendance.getByRole("button", { name: "حفظ الحضور" }).click();
    await attendance.getByText("حُفظ الحضور.").waitFor();
    await expectArabicInterface(member, "meeting");
  });

  it("declares a conflict of interest on his relative's request: he is recused and its vote form disappears", async () => {
    const item = agendaItem(member, relative);
    await item.getByRole("button", { name: "تسجيل الصوت" }).waitFor();
    await item.locator("summary", { hasText: "الإفصاح عن تعارض مصالح" }).click();
    await item.getByRole("button", { name: "الإفصاح والتنحّي" }).click();
    await item.getByText("اكتب طبيعة الصلة بالمستفيد.").waitFor();
    await item.getByLabel("طبيعة الصلة بالمستفيد").fill("ابن عمي");
    await item.getByRole("button", { name: "الإفصاح والتنحّي" }).click();
    await item
      .getByRole("list", { name: "المتنحّون عن هذا الطلب" })
      .getByText(/أفصح عن تعارض مصالح/)
      .waitFor();
    await item.getByText("أنت متنحٍّ عن هذا الطلب؛ لا تصوّت عليه ولا تقرّر فيه.").waitFor();
    expect(await item.getByRole("button", { name: "تسجيل الصوت" }).count()).toBe(0);
    expect(await item.getByRole("button", { name: "تسجيل القرار" }).count()).toBe(0);
    await expectArabicInterface(member, "recused");
  });

  it("votes on the other request and records the committee's decision", async () => {
    const item = agendaItem(member, stranger);
    await item.getByLabel("قبول").check();
    await item.getByLabel("ملاحظة أو توصية").fill("أسرة كبيرة ودخلها محدود");
    await item.getByRole("button", { name: "تسجيل الصوت" }).click();
    await item.getByText("صوّت ١ من عضو واحد مطلوب").waitFor();
    // Reasons are required: our own Arabic message, not a browser bubble.
    await item.getByRole("button", { name: "تسجيل القرار" }).click();
    await item.getByText("اكتب أسباب القرار.").waitFor();
    await item.getByLabel("المبلغ المعتمد بالريال").fill("500");
    await item.getByLabel("الأسباب").fill("استوفت الأسرة شروط الخدمة");
    await item.getByRole("button", { name: "تسجيل القرار" }).click();
    await item.getByText(`قبول — ${riyals(500)}`).waitFor();
    await member.getByText("يُعدّ المحضر بعد صدور القرارات كلها.").waitFor();
    await expectArabicInterface(member, "decided");
  });

  it("the chair decides the relative's request, drafts the minutes with attendance, the recusal and the drafting date", async () => {
    const chairPage = await signIn("manager@demo.silah.sa");
    await nav(chairPage, "الاجتماعات");
    const row = chairPage.getByRole("row").filter({ hasText: committeeName });
    await row.getByText("طلبان").waitFor();
    await row.getByText("بانتظار القرارات").waitFor();
    await expectArabicInterface(chairPage, "meetings list (chair)");
    await row.getByRole("link", { name: committeeName }).click();
    await chairPage.getByRole("heading", { level: 1, name: `اجتماع ${committeeName}` }).waitFor();

    const item = agendaItem(chairPage, relative);
    await item.getByText(new RegExp(`${khalid}.*أفصح عن تعارض مصالح`)).waitFor();
    await item.getByLabel("قبول").check();
    await item.getByRole("button", { name: "تسجيل الصوت" }).click();
    await item.getByText("صوّت ١ من عضو واحد مطلوب").waitFor();
    await item.getByLabel("المبلغ المعتمد بالريال").fill("400");
    await item.getByLabel("الأسباب").fill("استوفت الأسرة شروط الخدمة");
    await item.getByRole("button", { name: "تسجيل القرار" }).click();
    await item.getByText(`قبول — ${riyals(400)}`).waitFor();

    await chairPage.getByRole("button", { name: "إعداد المحضر" }).click();
    const minutes = chairPage.locator(".minutes__text");
    await minutes.getByText(`محضر اجتماع ${committeeName}`, { exact: false }).waitFor();
    const text = (await minutes.textContent()) ?? "";
    expect(text).toContain("حُرّر هذا المحضر بتاريخ");
    expect(text).toMatch(new RegExp(`الحاضرون: .*${khalid}`));
    expect(text).toContain(`تنحّى ${khalid} عن التصويت لتعارض المصالح المُفصَح عنه`);
    await chairPage.getByRole("button", { name: "اعتماد المحضر" }).click();
    await chairPage.getByText("ينتظر المحضر اعتماد بقية الأعضاء.").waitFor();
    await expectArabicInterface(chairPage, "minutes drafted");
  });

  it("the member approves the minutes: every member has approved them", async () => {
    await member.reload();
    await member.getByRole("button", { name: "اعتماد المحضر" }).click();
    await member.getByText("اعتمد جميع الأعضاء المحضر.").waitFor();
    await nav(member, "الاجتماعات");
    await member.getByRole("row").filter({ hasText: committeeName }).getByText("اعتُمد المحضر").waitFor();
    await expectArabicInterface(member, "meetings list, approved");
  });

  it("the officer closes the accepted request only after confirming", async () => {
    await officer.goto(requestPaths[stranger.name]!);
    await expect.poll(() => state(officer).textContent()).toBe("مقبول");
    await officer.getByRole("button", { name: "إغلاق الطلب" }).click();
    const dialog = officer.getByRole("dialog", { name: "إغلاق هذا الطلب؟" });
    await dialog.getByRole("button", { name: "تراجع" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await state(officer).textContent()).toBe("مقبول");
    await officer.getByRole("button", { name: "إغلاق الطلب" }).click();
    await dialog.getByRole("button", { name: "نعم، أغلق الطلب" }).click();
    await expect.poll(() => state(officer).textContent()).toBe("مغلق");
    await expectArabicInterface(officer, "closed request");
  });
});
