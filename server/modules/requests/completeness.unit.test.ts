import { describe, expect, it } from "vitest";
import type { Requirement } from "../../../shared/contracts/services.js";
import {
  assessCompleteness,
  changedSince,
  checkDocument,
  coveredBy,
  declarationFingerprint,
  monthsBefore,
} from "./completeness.js";

const id: Extract<Requirement, { kind: "document" }> = {
  kind: "document",
  code: "national_id",
  labelAr: "الهوية الوطنية",
  validity: { kind: "not_expired" },
  required: true,
};
const salary: Extract<Requirement, { kind: "document" }> = {
  kind: "document",
  code: "salary_certificate",
  labelAr: "شهادة راتب",
  validity: { kind: "issued_within", months: 3 },
  required: true,
};

describe("documents valid at submission (H3)", () => {
  it("counts months back on the calendar, clamped to the month's end", () => {
    expect(monthsBefore("2026-03-15", 3)).toBe("2025-12-15");
    expect(monthsBefore("2026-05-31", 3)).toBe("2026-02-28");
    expect(monthsBefore("2024-05-31", 3)).toBe("2024-02-29");
    expect(monthsBefore("2026-01-10", 6)).toBe("2025-07-10");
  });

  it("accepts an ID until the end of its expiry day and refuses it after", () => {
    expect(checkDocument(id, { issuedOn: null, expiresOn: "2026-03-15" }, "2026-03-15").status).toBe(
      "present",
    );
    const expired = checkDocument(id, { issuedOn: null, expiresOn: "2026-03-14" }, "2026-03-15");
    expect(expired.status).toBe("expired");
    // The day is quoted in both calendars, Hijri first (ADR 0018).
    expect(expired.message?.ar).toBe("الهوية الوطنية: انتهت صلاحيته في ٢٥ رمضان ١٤٤٧هـ (١٤ مارس ٢٠٢٦م).");
    expect(checkDocument(id, { issuedOn: null, expiresOn: null }, "2026-03-15").status).toBe("date_missing");
  });

  it("accepts a salary certificate issued within three months, not older, not in the future", () => {
    expect(checkDocument(salary, { issuedOn: "2025-12-15", expiresOn: null }, "2026-03-15").status).toBe(
      "present",
    );
    expect(checkDocument(salary, { issuedOn: "2025-12-14", expiresOn: null }, "2026-03-15").status).toBe(
      "too_old",
    );
    expect(checkDocument(salary, { issuedOn: "2026-03-16", expiresOn: null }, "2026-03-15").status).toBe(
      "date_missing",
    );
  });

  it("says exactly what is missing, and treats optional items as optional", () => {
    const requirements: Requirement[] = [
      { kind: "field", code: "income", labelAr: "الدخل", fieldType: "number", required: true },
      { kind: "field", code: "notes", labelAr: "ملاحظات", fieldType: "text", required: false },
      id,
    ];
    const result = assessCompleteness(requirements, { income: 0, notes: " " }, [], "2026-03-15");
    expect(result.complete).toBe(false);
    expect(result.items.map((i) => i.status)).toEqual(["present", "missing", "missing"]);
    const done = assessCompleteness(
      requirements,
      { income: 0 },
      [{ requirementCode: "national_id", sha256: "x", issuedOn: null, expiresOn: "2027-01-01" }],
      "2026-03-15",
    );
    expect(done.complete).toBe(true);
  });
});

describe("the declaration's fingerprint (H5)", () => {
  const doc = { requirementCode: "national_id", sha256: "abc", issuedOn: null, expiresOn: "2030-01-01" };
  it("does not depend on key or document order, and changes with any datum or document", () => {
    const base = declarationFingerprint({ requestId: "r", data: { a: 1, b: "x" }, documents: [doc] });
    expect(declarationFingerprint({ requestId: "r", data: { b: "x", a: 1 }, documents: [doc] })).toBe(base);
    expect(declarationFingerprint({ requestId: "r", data: { a: 2, b: "x" }, documents: [doc] })).not.toBe(
      base,
    );
    expect(
      declarationFingerprint({
        requestId: "r",
        data: { a: 1, b: "x" },
        documents: [{ ...doc, sha256: "abd" }],
      }),
    ).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("what changed since the declaration (H5)", () => {
  const requirements = [
    { kind: "field", code: "monthly_income", labelAr: "الدخل الشهري", fieldType: "number" },
    { kind: "document", code: "national_id", labelAr: "صورة الهوية", validity: { kind: "not_expired" } },
    { kind: "field", code: "family_size", labelAr: "عدد أفراد الأسرة", fieldType: "number" },
  ] as Parameters<typeof changedSince>[0];
  const id = { requirementCode: "national_id", sha256: "a", issuedOn: null, expiresOn: "2030-01-01" };
  const declared = coveredBy({ data: { monthly_income: 1500, family_size: 4 }, documents: [id] });

  it("names nothing when nothing changed, whatever the order of the fields", () => {
    const now = coveredBy({ data: { family_size: 4, monthly_income: 1500 }, documents: [id] });
    expect(changedSince(requirements, declared, now)).toEqual([]);
  });

  it("names a changed value, a removed field, and a replaced document, in the service's order", () => {
    const now = coveredBy({
      data: { monthly_income: 2100 },
      documents: [{ ...id, sha256: "b" }],
    });
    expect(changedSince(requirements, declared, now)).toEqual([
      "monthly_income",
      "national_id",
      "family_size",
    ]);
  });

  it("names a document whose expiry date was corrected, though the file is the same", () => {
    const now = coveredBy({
      data: { monthly_income: 1500, family_size: 4 },
      documents: [{ ...id, expiresOn: "2031-01-01" }],
    });
    expect(changedSince(requirements, declared, now)).toEqual(["national_id"]);
  });
});
