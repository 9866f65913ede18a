import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIsoDate, toHijri } from "../../../shared/domain/index.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { zip } from "../../test/zip.js";
import { createPolicyRepository } from "./policy.repository.js";
import { createPolicyService } from "./policy.service.js";

let h: Harness;
let associationId: string;
let admin: Client;
let board: Client;
let officer: Client;
let hr: Client;
let officerName: string;
let signatureFileId: string;

const content = {
  preamble: "تحرص الجمعية على بناء علاقة مستدامة مع المستفيدين.",
  generalGoal: "تنظيم العلاقة مع المستفيدين وتقديم الخدمات لهم بعدل وشفافية.",
  detailedGoals: ["تسهيل وصول المستفيد إلى الخدمة", "حماية بيانات المستفيدين"],
  channels: ["interview", "phone", "email"],
  officerTools: ["bylaws", "social_research_guide"],
  handlingSteps: [
    "استقبال المستفيد بلباقة واحترام",
    "التأكد من اكتمال المستندات قبل مغادرة المستفيد",
    "إحالة المستفيد إلى الباحث الاجتماعي عند عدم وضوح الإجراء",
  ],
  referralRole: "الباحث الاجتماعي",
  responsePeriod: { value: 2, unit: "weeks", bound: "min", startsAt: "submission" },
  committees: "لجنة البحث الاجتماعي تدرس الطلبات المكتملة.",
  compensation: "يُعوَّض المستفيد متى ثبت الخطأ والضرر.",
  complaints: null,
  privacy: "تحفظ الجمعية سرية بيانات المستفيدين.",
  liaisonOfficers: "ضابط اتصال لكل فئة من فئات المستفيدين.",
  satisfactionMethods: ["periodic_survey"],
  responsibilities: "يلتزم جميع الموظفين بهذه السياسة.",
};

const approval = (members?: unknown[]) => ({
  meetingNumber: "2",
  term: "4",
  hijriDate: "2/3/1441هـ",
  chair: "عبدالله بن سعد الحربي",
  members: members ?? [
    { name: "عبدالله بن سعد الحربي", position: "رئيس مجلس الإدارة", signature: { kind: "recorded" } },
    {
      name: "نورة بنت علي القحطاني",
      position: "نائبة الرئيس",
      signature: { kind: "scanned", fileId: signatureFileId },
    },
  ],
  resolution: "اعتماد سياسة تنظيم العلاقة مع المستفيدين وتقديم الخدمات لهم.",
});

async function draft(client: Client = admin, body: unknown = content) {
  const response = await client.request("POST", "/api/policy/drafts", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string };
}

async function approve(id: string, client: Client = board) {
  return client.request("POST", `/api/policy/drafts/${id}/approve`, approval());
}

beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "policy");
  associationId = association.id;
  admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  board = await signIn(h, (await createUser(h, associationId, ["board_member"])).email);
  const officerUser = await createUser(h, associationId, ["officer"], "سارة   بنت خالد");
  officerName = officerUser.fullName;
  officer = await signIn(h, officerUser.email);
  hr = await signIn(h, (await createUser(h, associationId, ["hr"])).email);
  const uploaded = await admin.request(
    "POST",
    "/api/files?name=signature.pdf",
    Buffer.from("%PDF-1.4 signature"),
    {
      contentType: "application/pdf",
    },
  );
  signatureFileId = uploaded.json().id;
});
afterAll(() => h.close());

describe("the policy's versions and the board's approval (P1, P2)", () => {
  it("lets the administrator draft and edit, and keeps drafts from other staff", async () => {
    const created = await draft();
    expect(created.status).toBe("draft");
    const edited = await admin.request("PATCH", `/api/policy/drafts/${created.id}`, {
      generalGoal: "هدف عام معدّل",
      channels: ["phone", "interview"],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().content).toMatchObject({
      generalGoal: "هدف عام معدّل",
      channels: ["phone", "interview"],
    });
    expect(edited.json().content.preamble).toBe(content.preamble);

    expect((await officer.request("POST", "/api/policy/drafts", content)).statusCode).toBe(403);
    expect((await officer.request("GET", `/api/policy/versions/${created.id}`)).statusCode).toBe(404);
    expect((await board.request("GET", `/api/policy/versions/${created.id}`)).statusCode).toBe(200);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["policy.draft_created", "policy.draft_updated"]),
    );
  });

  it("makes an approved draft the current policy and supersedes the previous one, which stays readable", async () => {
    const first = await draft();
    const approved = await approve(first.id);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: "approved",
      versionNumber: 1,
      approval: { meetingNumber: "2", term: "4", hijriDate: "1441-03-02", approvedOn: "2019-10-30" },
    });

    h.clock.advance(60_000);
    const second = await draft();
    expect((await approve(second.id)).json()).toMatchObject({ status: "approved", versionNumber: 2 });

    const current = (await officer.request("GET", "/api/policy/current")).json();
    expect(current.id).toBe(second.id);
    const old = (await officer.request("GET", `/api/policy/versions/${first.id}`)).json();
    expect(old).toMatchObject({ status: "superseded", versionNumber: 1 });
    expect(old.approval.members).toHaveLength(2);

    const versions = (await officer.request("GET", "/api/policy/versions")).json().items;
    expect(versions.map((v: { id: string }) => v.id)).toEqual([second.id, first.id]);
    expect(versions.every((v: { status: string }) => v.status !== "draft")).toBe(true);

    // An approved version is not a draft any more.
    expect(
      (await admin.request("PATCH", `/api/policy/drafts/${first.id}`, { preamble: "x" })).statusCode,
    ).toBe(409);
    expect((await approve(second.id)).statusCode).toBe(409);
    expect(await auditTypes(h, associationId)).toContain("policy.approved");
  });

  it("lets exactly one of two approvals recorded at once win", async () => {
    const same = await draft();
    const [x, y] = await Promise.all([approve(same.id), approve(same.id, admin)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);

    const a = await draft();
    const b = await draft();
    const both = await Promise.all([approve(a.id), approve(b.id, admin)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const versions = (await admin.request("GET", "/api/policy/versions")).json().items as {
      id: string;
      status: string;
      versionNumber: number | null;
    }[];
    const approvedOnes = versions.filter((v) => v.status === "approved");
    expect(approvedOnes).toHaveLength(1);
    const numbers = versions.map((v) => v.versionNumber).filter((n) => n !== null);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("refuses a Hijri date that does not exist, an unknown channel, a signature file not in the association", async () => {
    const d = await draft();
    const badDate = await board.request("POST", `/api/policy/drafts/${d.id}/approve`, {
      ...approval(),
      hijriDate: "30/2/1441",
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({ path: "hijriDate", code: "hijri_invalid_date" });
    expect(badDate.json().errors[0].message.ar).toMatch(/[\u0600-\u06ff]/);

    // A meeting still to come approves nothing: it would replace the policy in force and ask every
    // employee to sign again (issue 10). Tomorrow in Riyadh, written in Hijri as the board writes it.
    const tomorrow = toHijri(parseIsoDate("2026-03-16"));
    const future = await board.request("POST", `/api/policy/drafts/${d.id}/approve`, {
      ...approval(),
      hijriDate: `${tomorrow.day}/${tomorrow.month}/${tomorrow.year}هـ`,
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json().errors).toEqual([
      expect.objectContaining({ path: "hijriDate", code: "date_in_future" }),
    ]);
    expect(future.json().errors[0].message.ar).toMatch(/[\u0600-\u06ff]/);

    const badChannel = await admin.request("PATCH", `/api/policy/drafts/${d.id}`, { channels: ["pigeon"] });
    expect(badChannel.statusCode).toBe(400);
    expect(badChannel.json().errors[0]).toMatchObject({ path: "channels.0", code: "channel_unknown" });

    const other = await createAssociation(h, "policy-other");
    const stranger = await signIn(h, (await createUser(h, other.id, ["administrator"])).email);
    const foreignFile = (
      await stranger.request("POST", "/api/files?name=x.pdf", Buffer.from("%PDF-1.4 foreign"), {
        contentType: "application/pdf",
      })
    ).json().id;
    const badSignature = await board.request(
      "POST",
      `/api/policy/drafts/${d.id}/approve`,
      approval([{ name: "عضو", position: "عضو", signature: { kind: "on_screen", fileId: foreignFile } }]),
    );
    expect(badSignature.statusCode).toBe(400);
    expect(badSignature.json().errors[0]).toMatchObject({
      path: "members.0.signature.fileId",
      code: "signature_file_unknown",
    });

    const empty = await draft(admin, {});
    const incomplete = await approve(empty.id);
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "content.channels",
      "content.handlingSteps",
      "content.responsePeriod",
    ]);
    expect((await approve(d.id, officer)).statusCode).toBe(403);
    // Nothing refused was approved.
    expect((await board.request("GET", `/api/policy/versions/${d.id}`)).json().status).toBe("draft");
  });

  it("imports an existing policy text into a draft, with what it found", async () => {
    const text = readFileSync(
      path.resolve(process.cwd(), "../shared/seeds/002_b14b27f6bfdeb9b7.txt"),
      "utf8",
    );
    const response = await admin.request("POST", "/api/policy/drafts/import", text, {
      contentType: "text/plain; charset=utf-8",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { draft: imported, found } = response.json();
    expect(found.boardApproval).toMatchObject({ hijriDate: "1441-03-02", meeting: "2", term: "4" });
    expect(imported).toMatchObject({ status: "draft", source: "import" });
    expect(imported.content.channels.slice(0, 3)).toEqual(["interview", "phone", "social_media"]);
    expect(imported.content.referralRole).toBe("مدير الإدارة الصحية");
    expect(imported.content.responsePeriod).toEqual({
      value: 2,
      unit: "weeks",
      bound: "min",
      startsAt: "submission",
    });
    expect(imported.content.handlingSteps.length).toBeGreaterThanOrEqual(5);

    // The same from a Word file: its bytes as the body.
    const paragraph = (line: string, list = false) =>
      `<w:p>${list ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ""}<w:r><w:t>${line}</w:t></w:r></w:p>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${[
      paragraph("القنوات المستخدمة للتواصل مع المستفيدين:"),
      paragraph("المقابلة", true),
      paragraph("الفاكس", true),
      paragraph("ويتم التعامل مع المستفيد لإنهاء معاملته بالشكل التالي:"),
      paragraph("استقبال المستفيد بلباقة.", true),
      paragraph("الرد على الطلب خلال مدة لا تقل عن شهر.", true),
    ].join("")}</w:body></w:document>`;
    const word = await admin.request(
      "POST",
      "/api/policy/drafts/import",
      zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": xml }),
      { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    );
    expect(word.statusCode, word.body).toBe(201);
    expect(word.json().draft.content).toMatchObject({
      channels: ["interview", "fax"],
      responsePeriod: { value: 1, unit: "months", bound: "min" },
    });

    const notWord = await admin.request("POST", "/api/policy/drafts/import", Buffer.from("not a zip"), {
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(notWord.statusCode).toBe(415);
    expect(
      (await officer.request("POST", "/api/policy/drafts/import", text, { contentType: "text/plain" }))
        .statusCode,
    ).toBe(403);
  });
});

describe("staff acknowledgement (P3)", () => {
  it("asks until the user signs with their own name, asks again for a new version, and reports to HR", async () => {
    const current = (await officer.request("GET", "/api/policy/current")).json();
    const before = (await officer.request("GET", "/api/policy/acknowledgement")).json();
    expect(before).toMatchObject({ current: { id: current.id }, mustSign: true, signed: null });

    const wrongName = await officer.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: "اسم آخر",
    });
    expect(wrongName.statusCode).toBe(400);
    expect(wrongName.json().errors[0].code).toBe("name_mismatch");

    // Spaces differ from the account's name; the name is the same.
    const signed = await officer.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: `  ${officerName.replace(/\s+/g, " ")} `,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ versionId: current.id, versionNumber: current.versionNumber });
    expect((await officer.request("GET", "/api/policy/acknowledgement")).json()).toMatchObject({
      mustSign: false,
    });

    const report = (await hr.request("GET", "/api/policy/acknowledgements")).json();
    expect(report.version.id).toBe(current.id);
    const officerRow = report.staff.find((s: { fullName: string }) => s.fullName === officerName);
    expect(officerRow).toMatchObject({ signed: true });
    expect(report.pendingCount).toBe(report.staff.length - 1);
    expect(report.staff[0].signed).toBe(false);
    expect((await officer.request("GET", "/api/policy/acknowledgements")).statusCode).toBe(403);

    const next = await draft();
    expect((await approve(next.id)).statusCode).toBe(200);
    const asked = (await officer.request("GET", "/api/policy/acknowledgement")).json();
    expect(asked).toMatchObject({ current: { id: next.id }, mustSign: true });
    const stale = await officer.request("POST", "/api/policy/current/acknowledge", {
      versionId: current.id,
      typedName: officerName,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].code).toBe("policy_not_current");
    expect((await hr.request("GET", "/api/policy/acknowledgements")).json().signedCount).toBe(0);
    expect(await auditTypes(h, associationId)).toContain("policy.acknowledged");
  });
});

describe("the printed policy (P4)", () => {
  it("renders the approved version as the association's Arabic document", async () => {
    await h.db.system((tx) =>
      tx.execute(
        `update associations set license_number = '1215', supervising_authority = 'المركز الوطني لتنمية القطاع غير الربحي' where id = '${associationId}'`,
      ),
    );
    const current = (await officer.request("GET", "/api/policy/current")).json();
    const response = await officer.request("GET", `/api/policy/versions/${current.id}/print`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    const html = response.body;
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain("1215");
    expect(html).toContain("المركز الوطني لتنمية القطاع غير الربحي");
    expect(html).toContain("المحتويات");
    for (const heading of ["الهدف العام", "قنوات التواصل مع المستفيدين", "اعتماد مجلس الإدارة"]) {
      expect(html).toContain(`<h2>${heading}</h2>`);
    }
    expect(html).toContain("المقابلة الشخصية");
    expect(html).toContain("مدة لا تقل عن أسبوعين من تاريخ تقديم الطلب");
    // The board's table: each member with position and how they signed; the date in Hijri.
    expect(html).toContain("<th>المنصب</th>");
    expect(html).toContain("نورة بنت علي القحطاني");
    expect(html).toContain("توقيع ممسوح ضوئيًا");
    expect(html).toContain("٢ ربيع الأول ١٤٤١هـ");
    // Self-contained and right-to-left by logical properties only.
    expect(html).not.toMatch(/<link|<script|src="http|url\(http/);
    expect(html).not.toMatch(
      /margin-left|margin-right|padding-left|padding-right|text-align:\s*(left|right)/,
    );
  });

  it.runIf(existsSync("/usr/bin/chromium"))(
    "downloads the document as PDF",
    async () => {
      const current = (await officer.request("GET", "/api/policy/current")).json();
      const response = await officer.request("GET", `/api/policy/versions/${current.id}/pdf`);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
    60_000,
  );

  it("answers 503 with a stable code where no browser can render the PDF", async () => {
    const service = createPolicyService({
      db: h.db,
      repo: createPolicyRepository(),
      associations: h.modules.associations.service,
      users: h.modules.users.service,
      files: h.modules.files.service,
      audit: h.modules.audit.service,
      clock: h.clock,
      chromiumPath: "/nonexistent/chromium",
    });
    const actor = {
      userId: officer.session.user.id,
      associationId,
      roles: ["officer"] as const,
      sessionId: "s",
      requestId: "r",
    };
    const current = await service.current(actor);
    await expect(service.printPdf(actor, current.id)).rejects.toMatchObject({ code: "pdf_unavailable" });
  });
});

describe("the officer's library (T1)", () => {
  it("keeps versioned documents searchable by title in any Arabic spelling and linked to steps", async () => {
    const added = await admin.request("POST", "/api/library", {
      kind: "bylaws",
      titleAr: "اللائحة الأساسية للجمعية",
      stepIndexes: [1, 0, 1],
      version: { fileId: signatureFileId, versionLabel: "1441" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const bylaws = added.json();
    expect(bylaws.stepIndexes).toEqual([0, 1]);
    await admin.request("POST", "/api/library", {
      kind: "volunteer_policy",
      titleAr: "سياسة إدارة التطوّع",
      version: { fileId: signatureFileId, versionLabel: "1" },
    });

    h.clock.advance(60_000);
    const newer = await admin.request("POST", `/api/library/${bylaws.id}/versions`, {
      fileId: signatureFileId,
      versionLabel: "1445",
    });
    expect(newer.statusCode, newer.body).toBe(201);
    expect(newer.json().versions.map((v: { versionLabel: string }) => v.versionLabel)).toEqual([
      "1445",
      "1441",
    ]);

    const search = async (q: string) =>
      (await officer.request("GET", `/api/library?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((d: { titleAr: string }) => d.titleAr);
    // Hamza, taa marbuta and the article written differently still find it.
    expect(await search("لائحه")).toEqual(["اللائحة الأساسية للجمعية"]);
    expect(await search("الاساسيه")).toEqual(["اللائحة الأساسية للجمعية"]);
    expect(await search("التطوع")).toEqual(["سياسة إدارة التطوّع"]);
    expect(await search("غير موجود")).toEqual([]);
    expect((await officer.request("GET", "/api/library?step=0")).json().items).toHaveLength(1);

    expect(
      (
        await officer.request("POST", "/api/library", {
          kind: "form",
          titleAr: "نموذج",
          version: { fileId: signatureFileId, versionLabel: "1" },
        })
      ).statusCode,
    ).toBe(403);
    const badStep = await admin.request("POST", "/api/library", {
      kind: "form",
      titleAr: "نموذج طلب خدمة",
      stepIndexes: [40],
      version: { fileId: signatureFileId, versionLabel: "1" },
    });
    expect(badStep.statusCode).toBe(400);
    expect(badStep.json().errors[0]).toMatchObject({ path: "stepIndexes.0", code: "step_unknown" });
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["library.document_added", "library.version_added"]),
    );
  });
});

describe("the approved version drives the rest of the system", () => {
  it("offers only its channels for contacts and sets the response period of requests", async () => {
    const version = await draft(admin, {
      ...content,
      channels: ["interview", "phone"],
      responsePeriod: { value: 15, unit: "working_days", bound: "max", startsAt: "completion" },
    });
    expect((await approve(version.id)).statusCode).toBe(200);

    const contact = (channel: string) =>
      officer.request("POST", "/api/interactions", {
        kind: "contact",
        channel,
        direction: "inbound",
        subject: "استفسار عام",
      });
    const byFax = await contact("fax");
    expect(byFax.statusCode).toBe(400);
    expect(byFax.json().errors[0]).toMatchObject({ path: "channel", code: "channel_not_enabled" });
    expect(byFax.json().errors[0].message.ar).toContain("سياسة الجمعية");
    expect((await contact("phone")).statusCode).toBe(201);

    const settings = (await admin.request("GET", "/api/request-settings")).json();
    expect(settings.responsePeriod).toEqual({
      value: 15,
      unit: "working_days",
      bound: "max",
      startsAt: "completion",
    });
  });
});
