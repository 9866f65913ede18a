import { describe, expect, it } from "vitest";
import { checkDateBounds, describeDay, parseDateInput, quoteDay, understoodFromIso } from "./date-input.js";
import { HIJRI_MAX_YEAR, HIJRI_MIN_YEAR, hijriMonthLength, toGregorian, toIsoDate } from "./hijri.js";

const label = { ar: "تاريخ الميلاد", en: "Birth date" };

function iso(text: string): string {
  const result = parseDateInput(text);
  if (!result.ok) throw new Error(`${text}: ${result.code} ${result.message.en}`);
  return result.value.iso;
}

function code(text: string): string {
  const result = parseDateInput(text);
  return result.ok ? `ok ${result.value.iso}` : result.code;
}

describe("parseDateInput: one day, written every way people write it", () => {
  // 12 Jumada al-Ula 1447 AH is 3 November 2025 in the Umm al-Qura calendar.
  it.each([
    "1447/05/12هـ",
    "1447/05/12 هـ",
    "١٤٤٧/٠٥/١٢",
    "١٤٤٧/٠٥/١٢هـ",
    "۱۴۴۷/۰۵/۱۲",
    "12/05/1447",
    "12/5/1447هـ",
    "١٢-٥-١٤٤٧",
    "1447-05-12",
    "12.05.1447 ه",
    "12 جمادى الأولى 1447هـ",
    "١٢ جمادى الاولى ١٤٤٧",
    "الاثنين ١٢ جمادى الأولى ١٤٤٧هـ",
    "2025-11-03",
    "٢٠٢٥-١١-٠٣",
    "3/11/2025م",
    "03/11/2025",
    "٣/١١/٢٠٢٥ م",
    "2025/11/3",
    "3 نوفمبر 2025",
    "٣ نوفمبر ٢٠٢٥م",
    "3 November 2025",
    "  \u200f3/11/2025\u200f  ",
  ])("%s is 2025-11-03", (text) => {
    expect(iso(text)).toBe("2025-11-03");
  });

  it("says which calendar the person wrote in and which digits they used", () => {
    expect(parseDateInput("١٤٤٧/٠٥/١٢")).toMatchObject({
      ok: true,
      value: { calendar: "hijri", digits: "arab" },
    });
    expect(parseDateInput("3/11/2025م")).toMatchObject({
      ok: true,
      value: { calendar: "gregorian", digits: "latn", hijri: { year: 1447, month: 5, day: 12 } },
    });
  });

  it("reads ambiguous numbers by the year's range: 12/05/1447 is Hijri, 12/05/2025 Gregorian", () => {
    expect(iso("12/05/1447")).toBe(toIsoDate(toGregorian({ year: 1447, month: 5, day: 12 })));
    expect(iso("12/05/2025")).toBe("2025-05-12");
    // Day first always: 05/12/2025 is 5 December, never May 12.
    expect(iso("05/12/2025")).toBe("2025-12-05");
  });

  it("refuses a two-digit year, whichever end it is at", () => {
    expect(code("12/05/47")).toBe("date_two_digit_year");
    expect(code("47/05/12")).toBe("date_two_digit_year");
    expect(code("١٢/٠٥/٤٧")).toBe("date_two_digit_year");
    expect(code("12 رجب 47")).toBe("date_two_digit_year");
  });

  it("refuses months that do not exist, and days beyond the month", () => {
    expect(code("1447/13/40")).toBe("date_invalid_month");
    expect(code("40/13/1447")).toBe("date_invalid_month");
    expect(code("2025-02-29")).toBe("date_impossible");
    expect(code("2024-02-29")).toBe("ok 2024-02-29");
    expect(code("31/04/2025م")).toBe("date_impossible");
    expect(code("0/05/1447")).toBe("hijri_invalid_date");
  });

  it("takes Hijri month lengths from the Umm al-Qura table, not a 29/30 rule", () => {
    // Safar 1447 has 29 days; Shaban 1364 has 28 in the historical table.
    expect(hijriMonthLength(1447, 2)).toBe(29);
    expect(code("30/02/1447هـ")).toBe("hijri_invalid_date");
    expect(code("29/02/1447هـ")).toMatch(/^ok /);
    expect(hijriMonthLength(1447, 1)).toBe(30);
    expect(code("30/01/1447")).toMatch(/^ok /);
    expect(code("29/08/1364")).toBe("hijri_invalid_date");
    // Every month of a span: its last day is accepted and the next is refused.
    for (let year = 1445; year <= 1448; year++) {
      for (let month = 1; month <= 12; month++) {
        const length = hijriMonthLength(year, month);
        expect(code(`${year}/${month}/${length}`)).toMatch(/^ok /);
        if (length < 30) expect(code(`${year}/${month}/${length + 1}`)).toBe("hijri_invalid_date");
      }
    }
  });

  it("refuses years outside the Umm al-Qura tables and the gap between the calendars", () => {
    expect(code(`1/1/${HIJRI_MIN_YEAR}`)).toMatch(/^ok /);
    expect(code(`1/1/${HIJRI_MIN_YEAR - 1}`)).toBe("hijri_out_of_range");
    expect(code("1343/01/01هـ")).toBe("hijri_out_of_range");
    expect(code(`29/12/${HIJRI_MAX_YEAR}`)).toMatch(/^ok /);
    expect(code("1/1/1501")).toBe("date_year_out_of_range");
    expect(code("1/1/1700")).toBe("date_year_out_of_range");
    expect(code("2025/11/3هـ")).toBe("date_year_out_of_range");
    expect(code("1447/05/12م")).toBe("date_year_out_of_range");
    expect(code("1/1/2101")).toBe("date_year_out_of_range");
  });

  it("keeps Gregorian dates before the Hijri tables, without a Hijri day", () => {
    expect(parseDateInput("1930-06-01")).toMatchObject({
      ok: true,
      value: { iso: "1930-06-01", hijri: null },
    });
  });

  it("refuses what is not a date, in Arabic, naming the field", () => {
    for (const text of ["", "   ", "غدًا", "2025", "12/05", "1447/05/12/3", "12 بلا 1447"]) {
      const result = parseDateInput(text, { label });
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.message.ar.startsWith("تاريخ الميلاد: ")).toBe(true);
        expect(result.message.en.startsWith("Birth date: ")).toBe(true);
      }
    }
    expect(code("")).toBe("date_empty");
    expect(code("غدًا")).toBe("date_unrecognized");
  });

  it("writes its Arabic refusals with Arabic-Indic digits", () => {
    const result = parseDateInput("30/02/1447", { label });
    expect(result).toMatchObject({
      ok: false,
      message: { ar: "تاريخ الميلاد: شهر صفر ١٤٤٧هـ عدد أيامه ٢٩، فلا يوجد فيه اليوم ٣٠." },
    });
    const month = parseDateInput("1447/13/40");
    expect(month.ok ? "" : month.message.ar).toContain("١٣");
  });
});

describe("showing an understood day in both calendars", () => {
  it("describes the day with its weekday, Hijri first", () => {
    expect(describeDay("2025-11-03")).toBe("الاثنين ١٢ جمادى الأولى ١٤٤٧هـ — ٣ نوفمبر ٢٠٢٥م");
    expect(describeDay("2025-11-03", { digits: "latn" })).toBe(
      "الاثنين 12 جمادى الأولى 1447هـ — 3 نوفمبر 2025م",
    );
    expect(describeDay("2025-11-03", { locale: "en" })).toBe(
      "Monday 12 Jumada al-Ula 1447 AH — 3 November 2025",
    );
    expect(describeDay("1930-06-01")).toBe("الأحد ١ يونيو ١٩٣٠م");
  });

  it("quotes a day inside a sentence with the Gregorian in brackets", () => {
    expect(quoteDay("2025-11-03")).toBe("١٢ جمادى الأولى ١٤٤٧هـ (٣ نوفمبر ٢٠٢٥م)");
    expect(quoteDay("2025-11-03", { locale: "en" })).toBe("12 Jumada al-Ula 1447 AH (3 November 2025)");
  });

  it("reads a stored ISO day back", () => {
    expect(understoodFromIso("2025-11-03")).toMatchObject({ hijri: { year: 1447, month: 5, day: 12 } });
    expect(understoodFromIso("2025-02-30")).toBeNull();
  });
});

describe("checkDateBounds", () => {
  it("refuses a day after today quoting both calendars for both days", () => {
    const result = checkDateBounds(
      "2025-11-05",
      { notAfter: "2025-11-03", notAfterIsToday: true },
      { label },
    );
    expect(result).toMatchObject({ ok: false, code: "date_in_future" });
    expect(result?.message.ar).toBe(
      "تاريخ الميلاد ١٤ جمادى الأولى ١٤٤٧هـ (٥ نوفمبر ٢٠٢٥م) بعد اليوم ١٢ جمادى الأولى ١٤٤٧هـ (٣ نوفمبر ٢٠٢٥م)؛ سجّل يومًا مضى أو اليوم.",
    );
    expect(result?.message.en).toContain("12 Jumada al-Ula 1447 AH (3 November 2025)");
  });

  it("refuses a day before or after a given limit, and accepts the limits themselves", () => {
    expect(checkDateBounds("2025-11-02", { notBefore: "2025-11-03" })).toMatchObject({
      code: "date_before_limit",
      message: { ar: expect.stringContaining("قبل أول يوم مسموح ١٢ جمادى الأولى ١٤٤٧هـ (٣ نوفمبر ٢٠٢٥م)") },
    });
    expect(checkDateBounds("2025-11-04", { notAfter: "2025-11-03" })).toMatchObject({
      code: "date_after_limit",
    });
    expect(checkDateBounds("2025-11-03", { notBefore: "2025-11-03", notAfter: "2025-11-03" })).toBeNull();
  });
});
