import { describe, expect, it } from "vitest";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { translate } from "./i18n.js";

describe("translate", () => {
  it("fills placeholders in both languages", () => {
    expect(translate("ar", "home.greeting", { name: "نورة" })).toBe("مرحبًا، نورة");
    expect(translate("en", "home.greeting", { name: "Noura" })).toBe("Welcome, Noura");
  });

  it("answers every Arabic key in English, with the same placeholders", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(ar) as (keyof typeof ar)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(ar[key]));
    }
  });
});
