import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "../../shared/domain/spreadsheet-text.js";
import { csvLines, exportDisposition, visibleColumns } from "./export.js";

type Row = { name: string; note: string | null; at: string; amount: number };
const columns = [
  { header: "الاسم", value: (r: Row) => r.name },
  { header: "ملاحظة", value: (r: Row) => r.note },
  { header: "التاريخ", kind: "datetime" as const, value: (r: Row) => r.at },
  { header: "المبلغ", kind: "number" as const, value: (r: Row) => r.amount },
];

describe("a list saved as CSV", () => {
  it("starts with a byte-order mark so Excel reads the Arabic, and quotes as RFC 4180", () => {
    const text = [
      ...csvLines(visibleColumns(columns, ["manager"]), [
        { name: 'سارة "أم علي"', note: "سطر\nثانٍ، وفاصلة, هنا", at: "2026-03-15T21:30:00.000Z", amount: -5 },
      ]),
    ].join("");
    expect(text.startsWith("\uFEFFالاسم,ملاحظة,التاريخ,التاريخ (هجري),المبلغ\r\n")).toBe(true);
    // A day that ended in UTC has begun in Riyadh (UTC+3): the date is Riyadh's, with its Hijri twin.
    expect(text).toContain('"سارة ""أم علي""","سطر\nثانٍ، وفاصلة, هنا",2026-03-16 00:30,27/09/1447هـ,-5\r\n');
  });

  it("keeps text a spreadsheet would run as a formula as text", () => {
    for (const attack of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]) {
      expect(neutraliseFormula(attack)).toBe(`'${attack}`);
    }
    expect(neutraliseFormula("محمد")).toBe("محمد");
    const text = [
      ...csvLines(visibleColumns(columns, ["manager"]), [
        { name: "=cmd|' /C calc'!A0", note: "@x", at: "", amount: -1 },
      ]),
    ].join("");
    expect(text).toContain("'=cmd|' /C calc'!A0,'@x,,,-1\r\n");
  });

  it("leaves out a column whose field the reader may not read", () => {
    const withField = [
      { header: "الاسم", value: (r: Row) => r.name },
      { header: "التفاصيل", field: "complaint.details" as const, value: (r: Row) => r.note },
    ];
    expect(visibleColumns(withField, ["followup_committee_member"]).map((c) => c.header)).toEqual([
      "الاسم",
      "التفاصيل",
    ]);
    expect(visibleColumns(withField, ["officer"]).map((c) => c.header)).toEqual(["الاسم"]);
  });
});

describe("the file's name", () => {
  it("is Arabic in filename* (RFC 5987) with an ASCII fallback", () => {
    expect(exportDisposition("طلبات الدعم", "support-requests", "xlsx")).toBe(
      `attachment; filename="support-requests.xlsx"; filename*=UTF-8''${encodeURIComponent("طلبات الدعم.xlsx")}`,
    );
  });
});
