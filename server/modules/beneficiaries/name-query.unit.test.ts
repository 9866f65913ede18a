import { describe, expect, it } from "vitest";
import { queryContainment, withinOneEdit } from "./name-query.js";

const full = "إبراهيم بن عبدالله بن حمد آل سعيد";

describe("search query containment", () => {
  it("finds a name from any parts a person remembers, in any spelling", () => {
    for (const q of [
      "ابراهيم عبد الله",
      "إبراهيم آل سعيد",
      "ابراهيم سعيد",
      "عبدالله حمد",
      "إبْرَاهِيم",
      "ابراه",
    ]) {
      expect(queryContainment(q, full), q).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("tolerates one slip of the finger in a longer part", () => {
    expect(queryContainment("ابراهين السعيد", full)).toBeGreaterThanOrEqual(0.85);
  });

  it("does not match other people", () => {
    expect(queryContainment("خديجة المطيري", full)).toBe(0);
    expect(queryContainment("ابراهيم المطيري", full)).toBe(0.5);
  });

  it("recognises single edits only", () => {
    expect(withinOneEdit("محمد", "محمود")).toBe(true);
    expect(withinOneEdit("سعيد", "سعد")).toBe(true);
    expect(withinOneEdit("فهد", "دهف")).toBe(false);
    expect(withinOneEdit("ابراهيم", "ابرهيم")).toBe(true);
  });
});
