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
  it("keeps a placeholder whose value is left out, for <Interpolate> to fill with isolated user text", () => {
    expect(translate("ar", "contacts.timeline.by")).toBe("بواسطة {name}");
    expect(translate("en", "meetings.recusal.conflict")).toBe("{name}: declared a conflict of interest");
  });

  it("fills placeholders in both languages", () => {
    expect(translate("ar", "home.greeting", { name: "نورة" })).toBe("مرحبًا، نورة");
    expect(translate("en", "home.greeting", { name: "Noura" })).toBe("Welcome, Noura");
    // Without values: the template <Interpolate> fills, each value isolated (a page crashed on this).
    expect(translate("ar", "contacts.timeline.by")).toBe("بواسطة {name}");
  });

  it("keeps a text value asked for later as its placeholder, for <Interpolate> to fill", () => {
    expect(translate("ar", "home.greeting")).toBe("مرحبًا، {name}");
    expect(translate("ar", "common.notANumber")).toContain("«{field}»");
    expect(translate("ar", "contacts.timeline.by", { name: "نورة" })).toBe("بواسطة نورة");
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

  it("agrees every count-bearing message with its number in Arabic: 0, 1, 2, 3, 10, 11, 99, 100, 101", () => {
    const forms = (key: MessageKey, name: string) =>
      [0, 1, 2, 3, 10, 11, 99, 100, 101].map((value) => translate("ar", key, { [name]: value }));
    expect(forms("policy.amount.days", "n")).toEqual([
      "٠ يوم",
      "يوم واحد",
      "يومين",
      "٣ أيام",
      "١٠ أيام",
      "١١ يومًا",
      "٩٩ يومًا",
      "١٠٠ يوم",
      "١٠١ يوم",
    ]);
    expect(forms("policy.amount.working_days", "n")).toEqual([
      "٠ يوم عمل",
      "يوم عمل واحد",
      "يومي عمل",
      "٣ أيام عمل",
      "١٠ أيام عمل",
      "١١ يوم عمل",
      "٩٩ يوم عمل",
      "١٠٠ يوم عمل",
      "١٠١ يوم عمل",
    ]);
    expect(forms("policy.amount.weeks", "n").slice(1, 6)).toEqual([
      "أسبوع واحد",
      "أسبوعين",
      "٣ أسابيع",
      "١٠ أسابيع",
      "١١ أسبوعًا",
    ]);
    expect(forms("policy.amount.months", "n").slice(1, 6)).toEqual([
      "شهر واحد",
      "شهرين",
      "٣ أشهر",
      "١٠ أشهر",
      "١١ شهرًا",
    ]);
    expect(forms("compensation.proof.members", "count")).toEqual([
      "لا أعضاء",
      "عضو واحد",
      "عضوان",
      "٣ أعضاء",
      "١٠ أعضاء",
      "١١ عضوًا",
      "٩٩ عضوًا",
      "١٠٠ عضو",
      "١٠١ عضو",
    ]);
    expect(forms("secondFactor.codesLeft", "count")).toEqual([
      "لم يبقَ أي رمز استرداد",
      "بقي رمز استرداد واحد",
      "بقي رمزا استرداد",
      "بقيت ٣ رموز استرداد",
      "بقيت ١٠ رموز استرداد",
      "بقي ١١ رمزًا للاسترداد",
      "بقي ٩٩ رمزًا للاسترداد",
      "بقي ١٠٠ رمز استرداد",
      "بقي ١٠١ رمز استرداد",
    ]);
    expect(forms("library.olderVersions", "count").slice(0, 4)).toEqual([
      "لا إصدارات سابقة",
      "إصدار سابق واحد",
      "إصداران سابقان",
      "٣ إصدارات سابقة",
    ]);
    expect(forms("committees.quorumOf", "quorum").slice(1, 6)).toEqual([
      "النصاب: عضو واحد",
      "النصاب: عضوان",
      "النصاب: ٣ أعضاء",
      "النصاب: ١٠ أعضاء",
      "النصاب: ١١ عضوًا",
    ]);
    expect(translate("ar", "meetings.quorumProgress", { votes: 1, quorum: 2 })).toBe(
      "صوّت ١ من عضوين مطلوبين",
    );
    expect(translate("ar", "meetings.quorumProgress", { votes: 2, quorum: 3 })).toBe(
      "صوّت ٢ من ٣ أعضاء مطلوبين",
    );
    expect(translate("ar", "import.columns", { rows: 12 })).toBe(
      "الأعمدة التي تعرّفنا عليها · ١٢ صفًّا من البيانات",
    );
    expect(translate("ar", "complaints.form.detailsCount", { count: 5, max: 2000 })).toBe("٥ من ٢٬٠٠٠ حرف");
    expect(translate("ar", "complaints.dashboard.days", { from: 3, to: 7 })).toBe("٣–٧ أيام");
    expect(translate("ar", "complaints.dashboard.daysOrMore", { from: 15 })).toBe("١٥ يومًا فأكثر");
    expect(translate("ar", "requests.due.overdueBy", { days: 12 })).toBe("متأخر ١٢ يوم عمل");
  });

  it("says English counts in the singular only for one", () => {
    expect(translate("en", "policy.amount.working_days", { n: 1 })).toBe("one working day");
    expect(translate("en", "policy.amount.working_days", { n: 15 })).toBe("15 working days");
    expect(translate("en", "compensation.proof.members", { count: 1 })).toBe("1 member");
    expect(translate("en", "secondFactor.codesLeft", { count: 0 })).toBe("No recovery codes left");
    expect(translate("en", "library.olderVersions", { count: 2 })).toBe("2 earlier versions");
  });
});
