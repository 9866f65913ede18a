import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { ar, type MessageKey } from "./ar.js";
import { en } from "./en.js";
import { translate } from "./i18n.js";

/** The values a message takes, with the kind each is used as (a plural needs a number). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) {
        names.add(element.value);
      } else if (element.type === TYPE.plural || element.type === TYPE.select) {
        names.add(element.value);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type === TYPE.tag) {
        walk(element.children);
      }
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return [...names].sort();
}

describe("translate", () => {
  it("fills placeholders in both languages", () => {
    expect(translate("ar", "home.greeting", { name: "نورة" })).toBe("مرحبًا، نورة");
    expect(translate("en", "home.greeting", { name: "Noura" })).toBe("Welcome, Noura");
    // Without values: the template <Interpolate> fills, each value isolated (a page crashed on this).
    expect(translate("ar", "contacts.timeline.by")).toBe("بواسطة {name}");
  });

  it("answers every Arabic key in English, with the same values, and every message parses", () => {
    for (const key of Object.keys(ar) as MessageKey[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(argumentsOf(en[key]), key).toEqual(argumentsOf(ar[key]));
    }
  });

  it("agrees a count with its noun by Arabic's rules: 1, 2, 3–10, 11–99, 100+", () => {
    const left = (days: number) => translate("ar", "requests.due.daysLeft", { days });
    expect(left(1)).toBe("باقٍ يوم عمل واحد");
    expect(left(2)).toBe("باقٍ يوما عمل");
    expect(left(3)).toBe("باقية ٣ أيام عمل");
    expect(left(10)).toBe("باقية ١٠ أيام عمل");
    expect(left(11)).toBe("باقٍ ١١ يوم عمل");
    expect(left(100)).toBe("باقٍ ١٠٠ يوم عمل");
    expect(translate("en", "requests.due.daysLeft", { days: 1 })).toBe("1 working day left");
    expect(translate("en", "requests.due.daysLeft", { days: 3 })).toBe("3 working days left");
  });
});
