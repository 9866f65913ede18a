import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { realBomb, workbook, workbookWithSheet, zipBombs } from "../../test/hostile-files.js";
import { maxImportRows } from "./import.service.js";

/** Issue 10: importing a registry from a hostile or careless spreadsheet. */
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let h: Harness;
let manager: Client;
let officer: Client;

beforeAll(async () => {
  h = await createHarness();
  const association = await createAssociation(h, "import");
  manager = await signIn(h, (await createUser(h, association.id, ["manager"])).email);
  officer = await signIn(h, (await createUser(h, association.id, ["officer"])).email);
}, 180_000);
afterAll(() => h?.close());

const post = (client: Client, body: Buffer | string, contentType = xlsxType) =>
  client.request("POST", "/api/beneficiaries/import", body, { contentType });

describe("who may import is decided before the file is read", () => {
  it("answers an officer 403 while their upload is still arriving", async () => {
    // A body that starts and never ends: a server that reads (and parses) before authorizing
    // never answers; one that authorizes first answers at once.
    const body = new PassThrough();
    body.write(`الاسم,رقم الهوية\n${"سالم بن عيد,1000000001\n".repeat(20_000)}`);
    const response = h.app.inject({
      method: "POST",
      url: "/api/beneficiaries/import",
      cookies: { silah_session: officer.cookie },
      headers: { "x-csrf-token": officer.session.csrfToken, "content-type": "text/csv" },
      payload: body,
    });
    const answered = await Promise.race([
      response,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    body.end();
    expect(answered, "no answer while the body was still arriving").not.toBeNull();
    expect(answered?.statusCode).toBe(403);
    expect(answered?.json()).toMatchObject({ code: "forbidden" });
  });
});

describe("a big spreadsheet is read off the event loop", () => {
  it("keeps answering other requests while a 10,000-row sheet is read", { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: maxImportRows }, (_, i) => [
      `عمود ${i}`,
      1_000_000_000 + i,
      "ذكر",
      "0551234567",
      "حائل",
      "حي النقرة، شارع الأمير",
      i * 3,
      "ملاحظة طويلة بعض الشيء عن الأسرة",
    ]);
    // No name column: the whole sheet is read, then refused, and nothing is written.
    const file = await workbook([
      ["المدينة", "رقم", "الجنس", "الجوال", "المنطقة", "العنوان", "عدد", "ملاحظات"],
      ...rows,
    ]);
    let importDone = false;
    const importing = post(manager, file).finally(() => {
      importDone = true;
    });
    // Other requests are answered while the sheet is being read.
    let answeredDuring = 0;
    const started = performance.now();
    while (!importDone && performance.now() - started < 100_000) {
      const health = await h.app.inject({ method: "GET", url: "/healthz" });
      expect(health.statusCode).toBe(200);
      if (!importDone) answeredDuring++;
      await new Promise((r) => setTimeout(r, 50));
    }
    const response = await importing;
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors[0].code).toBe("csv_no_name_column");
    expect(answeredDuring).toBeGreaterThan(3);
  });

  it("reads a sheet that made the old reader quadratic in bounded time", { timeout: 60_000 }, async () => {
    // 800 KiB of rows that never close: each made the old regular expression scan to the end.
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'.repeat(15_000)}`;
    expect(sheet.length).toBeGreaterThan(800 * 1024);
    const started = performance.now();
    const response = await post(manager, workbookWithSheet(sheet));
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe("spreadsheet bombs and oversized files", () => {
  it("refuses an archive that would inflate past the limits, without inflating it", {
    timeout: 180_000,
  }, async () => {
    for (const { label, bytes } of [
      { label: "255 KB → 256 MiB", bytes: realBomb("xlsx") },
      ...zipBombs("xlsx"),
    ]) {
      const response = await post(manager, bytes);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ code: "archive_bomb" });
      expect(response.json().message.ar).toContain("الملف المضغوط");
    }
  });

  it("refuses more rows than one import may hold, in CSV and in Excel", { timeout: 120_000 }, async () => {
    const header = "الاسم,الجنس";
    const csv = [header, ...Array.from({ length: maxImportRows + 1 }, (_, i) => `شخص ${i},ذكر`)].join("\n");
    const tooLong = await post(manager, csv, "text/csv");
    expect(tooLong.statusCode, tooLong.body).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({ path: "file", code: "too_many_rows" });
    expect(tooLong.json().errors[0].message.ar).toContain("١٠٬٠٠٠");

    const sheet = await workbook([
      ["الاسم"],
      ...Array.from({ length: maxImportRows + 1 }, (_, i) => [`شخص ${i}`]),
    ]);
    const tooLongSheet = await post(manager, sheet);
    expect(tooLongSheet.statusCode, tooLongSheet.body).toBe(400);
    expect(tooLongSheet.json().errors[0].code).toBe("too_many_rows");
    // Nobody was imported from either.
    expect(
      (await manager.request("GET", `/api/beneficiaries?q=${encodeURIComponent("شخص 1")}`)).json().items,
    ).toEqual([]);
  });
});
