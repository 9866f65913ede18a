import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { workbook } from "../../test/hostile-files.js";

/**
 * Issue 11, the registry's dead ends: an import that refused every Arabic category, registration
 * without a lawful basis, requests opened after every consent was withdrawn, consents that a merge
 * left live, merged records that still offered work, household members nobody could find.
 */
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let h: Harness;
let associationId: string;
let officer: Client;
let manager: Client;
let serviceId: string;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

let idCounter = 300_000;
function nextNationalId(): string {
  idCounter++;
  const nine = `1${String(idCounter).padStart(8, "0")}`;
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

const consent = { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "2026-1" };

async function register(fullName: string, extra: Record<string, unknown> = {}) {
  return (
    await ok(
      await officer.request("POST", "/api/beneficiaries", {
        fullName,
        gender: "female",
        consent,
        confirmNotDuplicate: true,
        ...extra,
      }),
      201,
    )
  ).id as string;
}

const openRequest = (beneficiaryId: string) =>
  officer.request("POST", "/api/requests", {
    beneficiaryId,
    serviceId,
    channel: "phone",
    data: { family_size: 3 },
  });

async function liveConsents(ids: string[]): Promise<number> {
  return h.db.system(async (tx) => {
    const result = await tx.execute(
      sql`select count(*)::int as n from consents where withdrawn_at is null and beneficiary_id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
  });
}

beforeAll(async () => {
  h = await createHarness();
  associationId = (await createAssociation(h, "dead-ends")).id;
  const admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  officer = await signIn(h, (await createUser(h, associationId, ["officer"])).email);
  manager = await signIn(h, (await createUser(h, associationId, ["manager"])).email);
  for (const [code, nameAr, aliases] of [
    ["widows", "الأرامل", ["أرملة"]],
    ["orphans", "الأيتام", ["يتيم"]],
  ] as const) {
    await ok(
      await admin.request("POST", "/api/beneficiary-categories", { code, nameAr, aliases: [...aliases] }),
      201,
    );
  }
  serviceId = (
    await ok(
      await admin.request("POST", "/api/services", {
        code: "food_basket",
        nameAr: "سلة غذائية",
        kind: "in_kind",
        requirements: [
          { kind: "field", code: "family_size", labelAr: "عدد أفراد الأسرة", fieldType: "number" },
        ],
      }),
      201,
    )
  ).id;
}, 180_000);
afterAll(() => h?.close());

describe("importing with the categories' Arabic names", () => {
  it("accepts «الفئة» as the Arabic name in any spelling, an alias or the code, in Excel", async () => {
    const ids = Array.from({ length: 6 }, nextNationalId);
    const file = await workbook([
      ["الاسم", "رقم الهوية", "الجنس", "الفئة"],
      ["هند سالم العتيبي", ids[0], "أنثى", "الأرامل"],
      ["مريم سالم العتيبي", ids[1], "أنثى", "ارامل"],
      ["سارة سالم العتيبي", ids[2], "أنثى", "أرملة"],
      ["لطيفة سالم العتيبي", ids[3], "أنثى", "widows"],
      ["فهد سالم العتيبي", ids[4], "ذكر", "الايتام"],
      ["خالد سالم العتيبي", ids[5], "ذكر", "المطلقات"],
      ["هند سالم العتيبي", ids[0], "أنثى", "الأرامل"],
    ]);
    const progressId = randomUUID();
    const report = await ok(
      await manager.request("POST", `/api/beneficiaries/import?progressId=${progressId}`, file, {
        contentType: xlsxType,
      }),
    );
    expect(report).toMatchObject({ total: 7, imported: 5 });
    expect(report.header).toEqual(["الاسم", "رقم الهوية", "الجنس", "الفئة"]);
    // The same person twice: skipped as a duplicate, not refused as an error.
    expect(report.duplicates).toHaveLength(1);
    expect(report.duplicates[0]).toMatchObject({ row: 8 });
    expect(report.rejected).toHaveLength(1);
    const refused = report.rejected[0];
    expect(refused.row).toBe(7);
    expect(refused.cells).toEqual(["خالد سالم العتيبي", ids[5], "ذكر", "المطلقات"]);
    expect(refused.errors[0]).toMatchObject({ field: "categoryCode", code: "category_unknown" });
    expect(refused.errors[0].message.ar).toContain("«المطلقات»");
    expect(refused.errors[0].message.ar).toContain("«الأرامل»");
    expect(refused.errors[0].message.ar).toContain("«الأيتام»");

    const found = await ok(await officer.request("GET", `/api/beneficiaries?q=${ids[2]}`));
    expect(found.items[0].categoryCode).toBe("widows");
    const orphan = await ok(await officer.request("GET", `/api/beneficiaries?q=${ids[4]}`));
    expect(orphan.items[0].categoryCode).toBe("orphans");

    // The page follows the import by its id; when done it holds the same summary.
    const progress = await ok(await manager.request("GET", `/api/beneficiary-imports/${progressId}`));
    expect(progress).toMatchObject({ id: progressId, status: "done", total: 7, processed: 7 });
    expect(progress.report).toEqual(report);
    // Nobody else follows someone's import.
    const other = await manager.request("GET", `/api/beneficiary-imports/${randomUUID()}`);
    expect(other.statusCode).toBe(404);
  });

  it("accepts Arabic category names in CSV too, and records imported files under legal obligation", async () => {
    const id = nextNationalId();
    const csv = `\uFEFFالاسم,رقم الهوية,الجنس,الفئة\nنوف عبدالله الشمري,${id},أنثى,الأرامـــل\n`;
    const report = await ok(
      await manager.request("POST", "/api/beneficiaries/import", csv, { contentType: "text/csv" }),
    );
    expect(report).toMatchObject({ total: 1, imported: 1, rejected: [], duplicates: [] });
    const hit = (await ok(await officer.request("GET", `/api/beneficiaries?q=${id}`))).items[0];
    expect(hit.categoryCode).toBe("widows");
    const file = await ok(await officer.request("GET", `/api/beneficiaries/${hit.id}`));
    expect(file.lawfulBasis).toBe("legal_obligation");
  });
});

describe("a category's other names", () => {
  it("are set by the administrator on an existing category, and the import accepts them", async () => {
    const admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
    const created = await ok(
      await admin.request("POST", "/api/beneficiary-categories", { code: "elderly", nameAr: "كبار السن" }),
      201,
    );
    expect(created.aliases).toEqual([]);
    const refused = await officer.request("PUT", `/api/beneficiary-categories/${created.id}/aliases`, {
      aliases: ["مسن"],
    });
    expect(refused.statusCode).toBe(403);
    const updated = await ok(
      await admin.request("PUT", `/api/beneficiary-categories/${created.id}/aliases`, {
        aliases: ["مسن", "مسنة", "مسن"],
      }),
    );
    expect(updated.aliases).toEqual(["مسن", "مسنة"]);
    const id = nextNationalId();
    const report = await ok(
      await manager.request(
        "POST",
        "/api/beneficiaries/import",
        `الاسم,رقم الهوية,الجنس,الفئة\nسعد بن علي الحربي,${id},ذكر,مسن\n`,
        {
          contentType: "text/csv",
        },
      ),
    );
    expect(report.imported).toBe(1);
    const hit = (await ok(await officer.request("GET", `/api/beneficiaries?q=${id}`))).items[0];
    expect(hit.categoryCode).toBe("elderly");
  });
});

describe("a large import shows its progress while it runs", () => {
  it("answers rows processed of the total mid-way, then the summary", { timeout: 120_000 }, async () => {
    const rows = Array.from(
      { length: 150 },
      (_, i) => `نورة ${["سالم", "فهد", "علي"][i % 3]} المتقدمة${i},أنثى,أرملة`,
    );
    const csv = ["الاسم,الجنس,الفئة", ...rows].join("\n");
    const progressId = randomUUID();
    let done = false;
    const importing = manager
      .request("POST", `/api/beneficiaries/import?progressId=${progressId}`, csv, { contentType: "text/csv" })
      .finally(() => {
        done = true;
      });
    const seen: number[] = [];
    while (!done) {
      const progress = await manager.request("GET", `/api/beneficiary-imports/${progressId}`);
      if (progress.statusCode === 200 && progress.json().status === "running") {
        expect(progress.json().total).toBe(150);
        seen.push(progress.json().processed);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const report = await ok(await importing);
    expect(report).toMatchObject({ total: 150, imported: 150, rejected: [], duplicates: [] });
    // Seen part-way: more than nothing and less than everything, never going back.
    expect(
      seen.some((n) => n > 0 && n < 150),
      `progress seen: ${seen.join(",")}`,
    ).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const finished = await ok(await manager.request("GET", `/api/beneficiary-imports/${progressId}`));
    expect(finished).toMatchObject({ status: "done", processed: 150, total: 150 });
  });
});

describe("registration needs a lawful basis (PDPL)", () => {
  it("refuses a registration with neither consent nor another basis, in Arabic, and saves nothing", async () => {
    const nationalId = nextNationalId();
    const response = await officer.request("POST", "/api/beneficiaries", {
      fullName: "بدرية ناصر السبيعي",
      gender: "female",
      nationalId,
    });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json();
    expect(body.code).toBe("validation_failed");
    expect(body.errors[0]).toMatchObject({ path: "lawfulBasis", code: "lawful_basis_required" });
    expect(body.errors[0].message.ar).toContain("موافقة");
    expect((await ok(await officer.request("GET", `/api/beneficiaries?q=${nationalId}`))).items).toEqual([]);
  });

  it("refuses consent as the basis when no consent is recorded", async () => {
    const response = await officer.request("POST", "/api/beneficiaries", {
      fullName: "بدرية ناصر الدوسري",
      gender: "female",
      lawfulBasis: "consent",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ path: "consent", code: "consent_required" });
  });

  it("registers under consent (its notice version and date kept) or the person's request for a service", async () => {
    const withConsent = await ok(
      await officer.request("GET", `/api/beneficiaries/${await register("وضحى ناصر المطيري")}`),
    );
    expect(withConsent.lawfulBasis).toBe("consent");
    expect(withConsent.consents[0]).toMatchObject({ noticeVersion: "2026-1", withdrawnAt: null });
    expect(withConsent.consents[0].givenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const applying = await register("وضحى ناصر العنزي", {
      consent: undefined,
      lawfulBasis: "service_request",
    });
    expect((await ok(await officer.request("GET", `/api/beneficiaries/${applying}`))).lawfulBasis).toBe(
      "service_request",
    );
  });
});

describe("after every consent is withdrawn", () => {
  it("refuses a new request (409, Arabic) and keeps the file readable", async () => {
    const id = await register("حصة فهد الزهراني");
    await ok(await openRequest(id), 201);
    const file = await ok(await officer.request("GET", `/api/beneficiaries/${id}`));
    await ok(
      await officer.request("POST", `/api/beneficiaries/${id}/consents/${file.consents[0].id}/withdraw`),
    );
    const refused = await openRequest(id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().code).toBe("consent_withdrawn");
    expect(refused.json().errors[0].message.ar).toContain("موافقة جديدة");
    // The records kept under legal obligation stay readable.
    await ok(await officer.request("GET", `/api/beneficiaries/${id}`));
    await ok(await officer.request("GET", `/api/requests?beneficiaryId=${id}`));
    // A new consent opens the way again.
    await ok(await officer.request("POST", `/api/beneficiaries/${id}/consents`, consent), 201);
    await ok(await openRequest(id), 201);
  });
});

describe("merging does not leave a live copy of a consent", () => {
  it("moves consents to the kept file; one withdrawal then leaves no live consent anywhere", async () => {
    const keep = await register("جواهر سعد الغامدي");
    const duplicate = await register("جواهر سعد الغامدى");
    await ok(await manager.request("POST", `/api/beneficiaries/${keep}/merge`, { duplicateId: duplicate }));
    expect(await liveConsents([keep, duplicate])).toBe(2);
    const kept = await ok(await officer.request("GET", `/api/beneficiaries/${keep}`));
    await ok(
      await officer.request("POST", `/api/beneficiaries/${keep}/consents/${kept.consents[1].id}/withdraw`),
    );
    expect(await liveConsents([keep, duplicate])).toBe(0);
    expect((await openRequest(keep)).json().code).toBe("consent_withdrawn");
  });

  it("a withdrawal on the merged-away side, later than the kept consent, wins", async () => {
    const keep = await register("نجلاء سعد الغامدي");
    const duplicate = await register("نجلاء سعد الغامدى");
    const dup = await ok(await officer.request("GET", `/api/beneficiaries/${duplicate}`));
    await ok(
      await officer.request(
        "POST",
        `/api/beneficiaries/${duplicate}/consents/${dup.consents[0].id}/withdraw`,
      ),
    );
    await ok(await manager.request("POST", `/api/beneficiaries/${keep}/merge`, { duplicateId: duplicate }));
    expect(await liveConsents([keep, duplicate])).toBe(0);
  });
});

describe("a merged-away record leads to the kept one", () => {
  it("answers GET with 308 to the kept file, and refuses work on the old id naming the kept file", async () => {
    const keep = await register("منى عادل الحارثي");
    const duplicate = await register("منى عادل الحارثى");
    const kept = await ok(
      await manager.request("POST", `/api/beneficiaries/${keep}/merge`, { duplicateId: duplicate }),
    );
    const old = await officer.request("GET", `/api/beneficiaries/${duplicate}`);
    expect(old.statusCode).toBe(308);
    expect(old.headers.location).toBe(`/api/beneficiaries/${keep}`);
    expect(old.json()).toEqual({ mergedInto: keep });

    const number = kept.fileNumber.toLocaleString("ar-SA", { useGrouping: false });
    for (const response of [
      await openRequest(duplicate),
      await officer.request("PATCH", `/api/beneficiaries/${duplicate}`, { city: "حائل" }),
      await officer.request("POST", `/api/beneficiaries/${duplicate}/consents`, consent),
      await officer.request("POST", "/api/interactions", {
        beneficiaryId: duplicate,
        kind: "inquiry",
        channel: "phone",
        direction: "inbound",
        subject: "موعد الصرف",
        fileIds: [],
      }),
    ]) {
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json().code).toBe("beneficiary_merged");
      expect(response.json().errors[0].message.ar).toContain(number);
    }
  });
});

describe("household members", () => {
  it("are found by the search box, through the file, with the member who matched", async () => {
    const id = await register("عائشة محمد البقمي", {
      household: [
        { relation: "son", fullName: "تركي بن سلطان الرويلي", birthDate: "2015-03-02", gender: "male" },
      ],
    });
    const file = await ok(await officer.request("GET", `/api/beneficiaries/${id}`));
    expect(file.household[0]).toMatchObject({ birthDate: "2015-03-02", gender: "male" });
    const found = await ok(
      await officer.request("GET", `/api/beneficiaries?q=${encodeURIComponent("تركى سلطان الرويلى")}`),
    );
    expect(found.items[0]).toMatchObject({
      id,
      matchedBy: "household_member",
      matchedMember: { fullName: "تركي بن سلطان الرويلي", relation: "son" },
    });
    const own = await ok(
      await officer.request("GET", `/api/beneficiaries?q=${encodeURIComponent("عائشة البقمي")}`),
    );
    expect(own.items[0]).toMatchObject({ id, matchedBy: "name", matchedMember: null });
  });
});
