import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arabicNameSearchKey, normalizeArabicName, tokenizeName } from "./arabic-name.js";

describe("normalizeArabicName", () => {
  it.each([
    ["أحمد", "احمد"],
    ["إبراهيم", "ابراهيم"],
    ["آمنة", "امنه"],
    ["ٱلحسن", "الحسن"],
    ["مصطفى", "مصطفي"],
    ["فاطمة", "فاطمه"],
    ["مُحَمَّدٌ", "محمد"],
    ["عبدالرحمٰن", "عبدالرحمن"],
    ["محـــمد", "محمد"],
    ["لؤي", "لوي"],
    ["هانئ", "هاني"],
    ["علاء", "علاء"],
    ["  سعد   بن\tفهد ", "سعد فهد"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeArabicName(input)).toBe(expected);
  });

  it("joins compound names whichever way they are spaced", () => {
    expect(normalizeArabicName("عبد الله")).toBe("عبدالله");
    expect(normalizeArabicName("عبدالله")).toBe("عبدالله");
    expect(normalizeArabicName("عبد الرحمن بن عبد العزيز")).toBe("عبدالرحمن عبدالعزيز");
    expect(normalizeArabicName("أبو بكر")).toBe("ابوبكر");
    expect(normalizeArabicName("محمد بن أبي بكر")).toBe("محمد ابوبكر");
    expect(normalizeArabicName("نور الدين")).toBe("نورالدين");
    expect(normalizeArabicName("ضيف الله")).toBe("ضيفالله");
    expect(normalizeArabicName("فيصل آل سعود")).toBe("فيصل السعود");
    expect(normalizeArabicName("ﷲ")).toBe("الله");
  });

  it("removes connectors so given, father and grandfather keep their places", () => {
    expect(tokenizeName("نورة بنت سعد بن محمد القحطاني")).toEqual(["نوره", "سعد", "محمد", "القحطاني"]);
    expect(tokenizeName("خالد ابن الوليد")).toEqual(["خالد", "الوليد"]);
  });

  it("keeps Latin names readable for transliteration matching", () => {
    expect(tokenizeName("Abdul Rahman bin Al-Shahri")).toEqual(["abdulrahman", "alshahri"]);
    expect(tokenizeName("Muḥammad")).toEqual(["muhammad"]);
  });

  it("builds a search key that ignores the article", () => {
    expect(arabicNameSearchKey("سعد الغامدي")).toBe(arabicNameSearchKey("سعد غامدي"));
    expect(arabicNameSearchKey("عبد الله")).toBe("عبدالله");
  });

  it("is idempotent", () => {
    const pieces = [
      "عبد",
      "الله",
      "ال",
      "له",
      "أبو",
      "ابي",
      "بن",
      "بنت",
      "آل",
      "الدين",
      "محمد",
      "فاطمة",
      "مُحَمَّد",
      "ـ",
      " ",
      "abd",
      "u",
      "al",
      "lah",
      "bin",
      "Mohammed",
      "٣",
      "ى",
      "ئ",
      "-",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 })), { maxLength: 12 }),
        (parts) => {
          const once = normalizeArabicName(parts.join(" "));
          expect(normalizeArabicName(once)).toBe(once);
          const glued = normalizeArabicName(parts.join(""));
          expect(normalizeArabicName(glued)).toBe(glued);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
