import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";

let h: Harness;
let officer: Client;
let researcher: Client;
let manager: Client;
let associationId: string;

beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "registry");
  associationId = association.id;
  officer = await signIn(h, (await createUser(h, association.id, ["officer"], "موظفة الاستقبال")).email);
  researcher = await signIn(h, (await createUser(h, association.id, ["social_researcher"], "باحثة")).email);
  manager = await signIn(
    h,
    (await createUser(h, association.id, ["manager", "administrator"], "مدير")).email,
  );
});
afterAll(() => h.close());

let idCounter = 100_000;
/** A valid national ID (Luhn-style check digit over the first nine digits). */
function nextNationalId(prefix = "1"): string {
  idCounter++;
  const nine = `${prefix}${String(idCounter).padStart(8, "0")}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const digit = Number(nine[i]);
    if (i % 2 === 0) {
      const doubled = digit * 2;
      sum += Math.floor(doubled / 10) + (doubled % 10);
    } else sum += digit;
  }
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

/** Without a consent in the body, registered as the person's request for a service (ADR 0022). */
const register = (client: Client, body: Record<string, unknown>) =>
  client.request(
    "POST",
    "/api/beneficiaries",
    body.consent ? body : { lawfulBasis: "service_request", ...body },
  );

describe("registering a beneficiary", () => {
  it("saves the file with normalised ID and phones, a file number, household and consent", async () => {
    const nationalId = nextNationalId();
    const arabicDigits = nationalId.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    const response = await register(officer, {
      fullName: "  عبدالله   بن محمد بن سعد الشهري ",
      gender: "male",
      nationalId: arabicDigits,
      birthDate: "1410/10/19هـ",
      phones: ["٠٥٥ ١٢٣ ٤٥٦٧"],
      household: [{ relation: "daughter", fullName: "نورة بنت عبدالله الشهري", birthDate: "2015-03-02" }],
      consent: { purpose: "معالجة بيانات طلب الدعم", noticeVersion: "2026-1" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json();
    expect(file).toMatchObject({
      fullName: "عبدالله بن محمد بن سعد الشهري",
      nationalId,
      nationalIdKind: "citizen",
      phones: ["+966551234567"],
      birthDate: "1990-05-14",
    });
    expect(file.fileNumber).toBeGreaterThan(0);
    expect(file.household).toHaveLength(1);
    expect(file.consents[0]).toMatchObject({ purpose: "معالجة بيانات طلب الدعم", withdrawnAt: null });
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining(["beneficiary.registered", "beneficiary.consent_recorded"]),
    );
  });

  it("refuses bad input naming each field in Arabic, and saves nothing", async () => {
    const before = (
      await manager.request("GET", `/api/beneficiaries?q=${encodeURIComponent("مختبر")}`)
    ).json().items.length;
    const response = await register(officer, {
      fullName: "مختبر",
      gender: "male",
      nationalId: "1234567890",
      birthDate: "30/01/1445",
      phones: ["12345"],
    });
    expect(response.statusCode).toBe(400);
    const errors = response.json().errors as { path: string; code: string; message: { ar: string } }[];
    expect(errors.map((e) => e.path).sort()).toEqual(["birthDate", "fullName", "nationalId", "phones.0"]);
    expect(errors.find((e) => e.path === "nationalId")?.code).toBe("id_checksum");
    for (const error of errors) expect(error.message.ar).toMatch(/[\u0600-\u06FF]/);
    const after = (await manager.request("GET", `/api/beneficiaries?q=${encodeURIComponent("مختبر")}`)).json()
      .items.length;
    expect(after).toBe(before);
  });

  it("refuses words in a number field naming the field, reads Arabic-Indic digits, and refuses a landline as the mobile", async () => {
    const words = await register(researcher, {
      fullName: "هند بنت سالم المالكي",
      gender: "female",
      birthDate: "1985-02-11",
      monthlyIncome: "ثلاثة آلاف",
      phones: ["0112345678"],
    });
    expect(words.statusCode).toBe(400);
    const errors = words.json().errors as { path: string; code: string; message: { ar: string } }[];
    expect(errors.find((e) => e.path === "monthlyIncome")).toMatchObject({
      code: "not_a_number",
      message: { ar: "«الدخل الشهري» رقم: اكتبه بالأرقام، مثل ٣٠٠٠ أو 3000." },
    });
    expect(errors.find((e) => e.path === "phones.0")?.code).toBe("phone_not_mobile");
    const found = await manager.request("GET", `/api/beneficiaries?q=${encodeURIComponent("هند بنت سالم")}`);
    expect(found.json().items).toHaveLength(0);

    const digits = await register(researcher, {
      fullName: "هند بنت سالم المالكي",
      gender: "female",
      birthDate: "1985-02-11",
      monthlyIncome: "٣٠٠٠",
      phones: ["+966 55 765 4321"],
      consent: { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "1" },
    });
    expect(digits.statusCode, digits.body).toBe(201);
    expect(digits.json()).toMatchObject({ monthlyIncome: 3000, phones: ["+966557654321"] });
  });

  it("refuses a Gregorian date that does not exist and a birth date in the future", async () => {
    const impossible = await register(officer, {
      fullName: "سعد بن علي القرني",
      gender: "male",
      birthDate: "2023-02-30",
    });
    expect(impossible.json().errors[0]).toMatchObject({ path: "birthDate", code: "date_impossible" });
    const future = await register(officer, {
      fullName: "سعد بن علي القرني",
      gender: "male",
      birthDate: "2030-01-01",
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: "birthDate", code: "date_in_future" });
    // Both days, in both calendars: «تاريخ الميلاد ٢٦ شعبان ١٤٥١هـ (١ يناير ٢٠٣٠م) بعد اليوم …».
    expect(future.json().errors[0].message.ar).toMatch(
      /^تاريخ الميلاد ٢٦ شعبان ١٤٥١هـ \(١ يناير ٢٠٣٠م\) بعد اليوم [٠-٩]+ .+ [٠-٩]+هـ \([٠-٩]+ .+ [٠-٩]+م\)/,
    );
    const twoDigitYear = await register(officer, {
      fullName: "سعد بن علي القرني",
      gender: "male",
      birthDate: "19/10/10",
    });
    expect(twoDigitYear.json().errors[0]).toMatchObject({ path: "birthDate", code: "date_two_digit_year" });
  });
});

describe("duplicates", () => {
  it("refuses the same national ID outright, with the reason on the field", async () => {
    const nationalId = nextNationalId();
    expect(
      (await register(officer, { fullName: "هند بنت سعيد الغامدي", gender: "female", nationalId }))
        .statusCode,
    ).toBe(201);
    const again = await register(officer, {
      fullName: "هند سعيد الغامدي",
      gender: "female",
      nationalId,
      confirmNotDuplicate: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "possible_duplicates", errors: [{ path: "nationalId" }] });
  });

  it("warns of the same person typed differently with the same birth date, and saves once confirmed", async () => {
    const first = await register(officer, {
      fullName: "عبد الرحمن بن أحمد بن علي الزهراني",
      gender: "male",
      birthDate: "1988-07-01",
    });
    expect(first.statusCode).toBe(201);
    const typedDifferently = {
      fullName: "عبدالرحمن احمد علي الزهراني",
      gender: "male",
      birthDate: "1988-07-01",
    };

    const check = await officer.request("POST", "/api/beneficiaries/duplicate-check", {
      fullName: typedDifferently.fullName,
      birthDate: typedDifferently.birthDate,
    });
    expect(check.json().candidates[0]).toMatchObject({
      beneficiary: { id: first.json().id },
      reasons: ["name_and_birth_date"],
    });

    const refused = await register(officer, typedDifferently);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("possible_duplicates");

    const confirmed = await register(officer, { ...typedDifferently, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it("warns when the phone matches a strongly similar name, and when a household member is registered elsewhere", async () => {
    const memberId = nextNationalId();
    await register(officer, {
      fullName: "فاطمة بنت ناصر القحطاني",
      gender: "female",
      phones: ["0501112233"],
      household: [{ relation: "son", fullName: "محمد بن سالم القحطاني", nationalId: memberId }],
    });
    const byPhone = await officer.request("POST", "/api/beneficiaries/duplicate-check", {
      fullName: "فاطمه ناصر القحطانى",
      phones: ["+966 50 111 2233"],
    });
    expect(byPhone.json().candidates[0].reasons).toEqual(["name_and_phone"]);

    const member = await officer.request("POST", "/api/beneficiaries/duplicate-check", {
      fullName: "محمد بن سالم القحطاني",
      nationalId: memberId,
    });
    expect(member.json().candidates[0].reasons).toContain("registered_as_household_member");
  });
});

describe("one search box", () => {
  it("finds a person by any usual spelling of any part of the name, by ID, by phone in any form, by file number", async () => {
    const nationalId = nextNationalId("2");
    const created = (
      await register(officer, {
        fullName: "إبراهيم بن عبدالله بن حمد آل سعيد",
        gender: "male",
        nationalId,
        phones: ["0559876543"],
      })
    ).json();
    const search = async (q: string) =>
      (await officer.request("GET", `/api/beneficiaries?q=${encodeURIComponent(q)}`)).json().items as {
        id: string;
        matchedBy: string;
      }[];

    for (const q of ["ابراهيم عبد الله", "إبراهيم آل سعيد", "ابراهيم ال سعيد", "إبْرَاهِيم", "عبدالله حمد"]) {
      expect(
        (await search(q)).map((hit) => hit.id),
        q,
      ).toContain(created.id);
    }
    expect((await search(nationalId))[0]).toMatchObject({ id: created.id, matchedBy: "national_id" });
    expect((await search("+966 55 987 6543"))[0]).toMatchObject({ id: created.id, matchedBy: "phone" });
    expect((await search("٠٥٥٩٨٧٦٥٤٣"))[0]).toMatchObject({ id: created.id, matchedBy: "phone" });
    expect((await search(String(created.fileNumber)))[0]).toMatchObject({
      id: created.id,
      matchedBy: "file_number",
    });
    expect(await search("خديجة المطيري")).toEqual([]);
    expect(await auditTypes(h, associationId)).toContain("beneficiary.searched");
  });
});

describe("privacy", () => {
  it("shows health and income only to roles that need them, and logs every read of a file", async () => {
    const created = (
      await register(officer, {
        fullName: "منيرة بنت خالد العنزي",
        gender: "female",
        healthNotes: "مرض مزمن",
        monthlyIncome: 2500,
      })
    ).json();
    expect(created.withheld).toContain("beneficiary.health_notes");
    const asOfficer = (await officer.request("GET", `/api/beneficiaries/${created.id}`)).json();
    expect(asOfficer).toMatchObject({ healthNotes: null, monthlyIncome: null });
    expect(asOfficer.withheld).toEqual([
      "beneficiary.monthly_income",
      "beneficiary.circumstances",
      "beneficiary.health_notes",
      "beneficiary.disability",
    ]);
    const asResearcher = (await researcher.request("GET", `/api/beneficiaries/${created.id}`)).json();
    expect(asResearcher).toMatchObject({
      healthNotes: "مرض مزمن",
      monthlyIncome: 2500,
      withheld: [],
    });

    const events = (await manager.request("GET", "/api/audit-events?type=beneficiary.viewed")).json().items;
    const reads = events.filter((e: { subjectId: string }) => e.subjectId === created.id);
    expect(reads.map((e: { payload: { sensitive: boolean } }) => e.payload.sensitive).sort()).toEqual([
      false,
      true,
    ]);
  });

  it("records and withdraws consent", async () => {
    const created = (await register(officer, { fullName: "لطيفة بنت سعد الدوسري", gender: "female" })).json();
    const consent = await officer.request("POST", `/api/beneficiaries/${created.id}/consents`, {
      purpose: "التواصل عبر واتساب",
      noticeVersion: "2026-1",
    });
    expect(consent.statusCode).toBe(201);
    const withdrawn = await officer.request(
      "POST",
      `/api/beneficiaries/${created.id}/consents/${consent.json().id}/withdraw`,
    );
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    const twice = await officer.request(
      "POST",
      `/api/beneficiaries/${created.id}/consents/${consent.json().id}/withdraw`,
    );
    expect(twice.statusCode).toBe(404);
  });
});

describe("merging duplicates", () => {
  it("folds one record into the other keeping every contact, and the duplicate leaves search", async () => {
    const keep = (await register(officer, { fullName: "حصة بنت فهد المري", gender: "female" })).json();
    const duplicate = (
      await register(officer, {
        fullName: "حصه فهد المرى",
        gender: "female",
        phones: ["0533334444"],
        confirmNotDuplicate: true,
      })
    ).json();
    await officer.request("POST", "/api/interactions", {
      beneficiaryId: duplicate.id,
      kind: "contact",
      channel: "interview",
      direction: "inbound",
      subject: "زيارة للجمعية",
    });
    const merged = await officer.request("POST", `/api/beneficiaries/${keep.id}/merge`, {
      duplicateId: duplicate.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().phones).toEqual(["+966533334444"]);

    const history = (await officer.request("GET", `/api/interactions?beneficiaryId=${keep.id}`)).json().items;
    expect(history.map((i: { subject: string }) => i.subject)).toEqual(["زيارة للجمعية"]);
    const hits = (
      await officer.request("GET", `/api/beneficiaries?q=${encodeURIComponent("حصة المري")}`)
    ).json().items;
    expect(hits.map((x: { id: string }) => x.id)).toEqual([keep.id]);
    const self = await officer.request("POST", `/api/beneficiaries/${keep.id}/merge`, {
      duplicateId: keep.id,
    });
    expect(self.statusCode).toBe(400);
  });
});

describe("moving in from a spreadsheet", () => {
  it("imports the good rows, reports each bad row with its reason, and never half-imports a row", async () => {
    const goodId = nextNationalId();
    const csv = [
      "الاسم,رقم الهوية,تاريخ الميلاد,الجنس,الجوال,المدينة",
      `سالم بن عيد الرشيدي,${goodId},1402/05/01,ذكر,0551112222,حائل`,
      "مها,1234567890,1990-01-01,أنثى,0551113333,حائل",
      `"العنود بنت مطلق، الشمري",,1999-13-01,أنثى,abc,حائل`,
      `سالم عيد الرشيدي,${goodId},,ذكر,,حائل`,
    ].join("\r\n");
    const response = await manager.request("POST", "/api/beneficiaries/import", `\uFEFF${csv}`, {
      contentType: "text/csv",
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r: { row: number }) => r.row)).toEqual([3, 4]);
    // The person already registered is skipped as a duplicate, apart from the refused rows.
    expect(report.duplicates.map((r: { row: number }) => r.row)).toEqual([5]);
    expect(report.rejected[0].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "fullName",
      "nationalId",
    ]);
    expect(report.rejected[1].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "birthDate",
      "phones.0",
    ]);
    expect(report.duplicates[0].errors[0]).toMatchObject({
      field: "nationalId",
      code: "national_id_registered",
    });

    const found = (await manager.request("GET", `/api/beneficiaries?q=${goodId}`)).json().items;
    expect(found).toHaveLength(1);
    const nothingOfRow4 = (
      await manager.request("GET", `/api/beneficiaries?q=${encodeURIComponent("العنود الشمري")}`)
    ).json();
    expect(nothingOfRow4.items).toEqual([]);
  });

  it("reads back a refused-rows file Silah wrote, its formula-like cells kept as text", async () => {
    const id = nextNationalId();
    // The file of rows not imported writes "+966…" as "'+966…" so a spreadsheet will not evaluate it.
    const csv = ["الاسم,رقم الهوية,الجنس,الجوال", `نوف بنت سالم القحطاني,${id},أنثى,'+966551117777`].join(
      "\r\n",
    );
    const response = await manager.request("POST", "/api/beneficiaries/import", `\uFEFF${csv}`, {
      contentType: "text/csv",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json(), response.body).toMatchObject({ imported: 1, rejected: [] });
    const [found] = (await manager.request("GET", `/api/beneficiaries?q=${id}`)).json().items;
    const file = (await manager.request("GET", `/api/beneficiaries/${found.id}`)).json();
    expect(file.phones).toEqual(["+966551117777"]);
  });

  it("is reserved to managers and administrators", async () => {
    const response = await officer.request("POST", "/api/beneficiaries/import", "الاسم\nسالم بن عيد", {
      contentType: "text/csv",
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("moving in from Excel", () => {
  it("reads the first sheet of an .xlsx, with shared strings, numbers and Excel dates", async () => {
    const goodId = nextNationalId();
    // Written by exceljs as Excel writes it: shared strings, a number, a text cell, a missing cell.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("المستفيدون");
    sheet.addRow(["الاسم", "رقم الهوية", "تاريخ الميلاد", "الجنس", "الجوال"]);
    sheet.addRow(["ريما بنت سعود العتيبي", Number(goodId), 32874, "أنثى", "0551114444"]);
    sheet.addRow(["س", null, null, "ذكر"]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const response = await manager.request("POST", "/api/beneficiaries/import", file, {
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().imported).toBe(1);
    expect(response.json().rejected).toEqual([
      expect.objectContaining({ row: 3, errors: [expect.objectContaining({ field: "fullName" })] }),
    ]);
    const found = (await manager.request("GET", `/api/beneficiaries?q=${goodId}`)).json().items[0];
    // Excel's day 32874 is 1 January 1990.
    expect(found).toMatchObject({
      fullName: "ريما بنت سعود العتيبي",
      birthDate: "1990-01-01",
      phones: ["+966551114444"],
    });

    const broken = await manager.request(
      "POST",
      "/api/beneficiaries/import",
      Buffer.from("not a zip at all"),
      {
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    );
    expect(broken.statusCode).toBe(400);
    expect(broken.json().errors[0].code).toBe("spreadsheet_unreadable");
  });
});
