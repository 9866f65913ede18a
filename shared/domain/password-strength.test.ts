import { describe, expect, it } from "vitest";
import { judgePassword, personalWords } from "./password-strength.js";

describe("password strength", () => {
  const mine = personalWords({
    email: "reem.alsubaie@amal.org.sa",
    fullName: "Reem Alsubaie",
    association: ["amal", "جمعية أمل"],
  });

  it.each([
    ["aaaaaaaaaa", "repeated"],
    ["1234567890", "common"],
    ["qwertyuiop", "common"],
    ["password123", "common"],
    ["abcdefghijk", "sequence"],
    ["reem.alsubaie@amal.org.sa", "personal"],
    ["alsubaie2026", "personal"],
    ["Amal-Amal-Amal", "personal"],
    ["Reem-Alsubaie-2026!", "personal"],
    ["amal.org.sa#2026", "personal"],
    ["short", "too_short"],
  ])("refuses %s (%s)", (password, weakness) => {
    expect(judgePassword(password, mine)).toEqual({ acceptable: false, weakness });
  });

  it.each([
    "correct-horse-battery",
    "plum vinegar tractor 48",
    "k7#mPq2vLx9w",
    "Reem: plum vinegar tractor 48",
  ])("accepts %s", (password) => {
    expect(judgePassword(password, mine)).toEqual({ acceptable: true });
  });

  it("judges a very long passphrase quickly", () => {
    const started = performance.now();
    expect(judgePassword("x".repeat(30) + "long passphrase ".repeat(30), mine).acceptable).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
