import { describe, expect, it } from "vitest";
import { PROBABLE_MATCH_SCORE, prepareName, scoreNames, scorePrepared } from "./name-match.js";

const SAME: [string, string][] = [
  ["أحمد علي محمد الشهري", "احمد علي محمد الشهري"],
  ["محمد عبد الله سعد الغامدي", "محمد عبدالله سعد الغامدي"],
  ["محمد بن عبدالله بن سعد الغامدي", "محمد عبدالله سعد الغامدي"],
  ["فاطمة محمد علي القحطاني", "فاطمه محمد علي القحطاني"],
  ["مصطفى يحيى الزهراني", "مصطفي يحيي الزهراني"],
  ["عَبْدُ الرَّحْمٰنِ ناصر الدوسري", "عبدالرحمن ناصر الدوسري"],
  ["سلطـــان فهد العتيبي", "سلطان فهد العتيبي"],
  ["محمد عبدالله الشهري", "محمد عبدالله سعد الشهري"],
  ["عبدالرحمن ناصر سعد المطيري", "عبدالرحمان ناصر سعد المطيري"],
  ["Mohammed Abdullah Alshahri", "محمد عبدالله الشهري"],
  ["Muhammad Abdullah Saad Al-Ghamdi", "محمد عبد الله سعد الغامدي"],
  ["Fatimah Nasser Al Qahtani", "فاطمة ناصر القحطاني"],
  ["Mohammed Abdullah Alshahri", "Muhammad Abdulla Al-Shahri"],
];

const DIFFERENT: [string, string][] = [
  ["محمد عبدالله سعد الشهري", "خالد فهد ناصر العتيبي"],
  ["محمد عبدالله سعد الشهري", "فهد عبدالله سعد الشهري"],
  ["محمد عبدالله سعد الشهري", "محمد ناصر علي الشهري"],
  ["نورة سعد محمد القحطاني", "ساره سعد محمد القحطاني"],
  ["محمد عبدالله سعد الشهري", "محمد عبدالله سعد الغامدي"],
  ["Khalid Fahad Alotaibi", "محمد عبدالله الشهري"],
  ["احمد", "احمد"],
];

describe("scoreNames", () => {
  it.each(SAME)("%s ≈ %s", (a, b) => {
    expect(scoreNames(a, b)).toBeGreaterThanOrEqual(PROBABLE_MATCH_SCORE);
  });

  it.each(DIFFERENT)("%s ≠ %s", (a, b) => {
    expect(scoreNames(a, b)).toBeLessThan(PROBABLE_MATCH_SCORE);
  });

  it("is symmetric, bounded and 1 for identical names", () => {
    const all = [...SAME, ...DIFFERENT].flat();
    for (const a of all) {
      expect(scoreNames(a, a)).toBe(a.split(" ").length > 1 ? 1 : 0.7);
      for (const b of all) {
        const ab = scoreNames(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(Math.abs(ab - scoreNames(b, a))).toBeLessThan(1e-12);
      }
    }
  });

  it("tolerates a typo but ranks it below an exact match", () => {
    const exact = scoreNames("سلطان فهد ناصر العتيبي", "سلطان فهد ناصر العتيبي");
    const typo = scoreNames("سلطان فهد ناصر العتيبي", "سلطان فهد ناصر العتيبى");
    const swapped = scoreNames("سلطان فهد ناصر العتيبي", "سطلان فهد ناصر العتيبي");
    expect(typo).toBe(exact);
    expect(swapped).toBeLessThan(exact);
    expect(swapped).toBeGreaterThan(0.75);
  });

  it("scores empty names as 0 and prepared names the same as raw ones", () => {
    expect(scoreNames("", "محمد")).toBe(0);
    const a = prepareName("محمد عبدالله الشهري");
    const b = prepareName("Mohammed Abdullah Alshahri");
    expect(scorePrepared(a, b)).toBe(scoreNames("محمد عبدالله الشهري", "Mohammed Abdullah Alshahri"));
  });
});
