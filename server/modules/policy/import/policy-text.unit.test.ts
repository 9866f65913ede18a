import { describe, expect, it } from "vitest";
import { cleanPolicyText, foldArabic, sectionEntries, splitListMarker } from "./policy-text.js";

const texts = (text: string) => cleanPolicyText(text).lines.map((l) => `${l.kind}: ${l.text}`);

describe("cleanPolicyText", () => {
  it("drops a letterhead repeated on every page, whatever the association", () => {
    for (const association of ["جمعية البر بجدة", "الجمعية التعاونية بالقرينة"]) {
      const header = `المملكة العربية السعودية\n${association}\nالرقم:\n`;
      const cleaned = cleanPolicyText(
        `${header}تمهيد:\nنص الصفحة الأولى.\n${header}نص الصفحة الثانية.\n${header}النهاية.`,
      );
      expect(cleaned.lines.map((l) => l.text)).toEqual([
        "تمهيد",
        "نص الصفحة الأولى.",
        "نص الصفحة الثانية.",
        "النهاية.",
      ]);
      expect(cleaned.pageHeaderLines.map((i) => cleaned.rawLines[i])).toContain(association);
    }
  });

  it("drops a two-page header repeated only twice, as a block", () => {
    const header = "جمعية الوفاء الخيرية\nهاتف 0112345678\n";
    expect(texts(`${header}القنوات:\n- المقابلة\n${header}- الفاكس`)).toEqual([
      "heading: القنوات",
      "item: المقابلة",
      "item: الفاكس",
    ]);
  });

  it("joins lines the PDF broke, across blank lines and page headers", () => {
    const text = [
      "الأهداف التفصيلية :-",
      "* زيادة ثقة وانتماء المستفيدين بالجمعية من خلال تبني أفضل المعايير والممارسات وذلك عن",
      "",
      "طريق ما يلي :",
      "- نشر ثقافة تقييم الخدمة لدى المستفيد والتأكد على أن تقييم جودة الخدمة حق من حقوق",
      "",
      "المستفيد",
      "- في حالة عدم وضوح الإجراءات فعلى الموظف إحالته للباحث للإجابة على تساؤلاته وإيضاح",
      "- الجوانب التنظيمية",
      "- تقديم الخدمة",
    ].join("\n");
    expect(texts(text)).toEqual([
      "heading: الأهداف التفصيلية",
      "item: زيادة ثقة وانتماء المستفيدين بالجمعية من خلال تبني أفضل المعايير والممارسات وذلك عن طريق ما يلي :",
      "item: نشر ثقافة تقييم الخدمة لدى المستفيد والتأكد على أن تقييم جودة الخدمة حق من حقوق المستفيد",
      "item: في حالة عدم وضوح الإجراءات فعلى الموظف إحالته للباحث للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية",
      "item: تقديم الخدمة",
    ]);
  });

  it("removes tatweel, folds Arabic-Indic digits and strips markdown", () => {
    expect(texts("## القنـــوات المستخدمة\n١. **المقابلـة**\n٢. [الموقع](http://x.sa)")).toEqual([
      "heading: القنوات المستخدمة",
      "item: المقابلة",
      "item: الموقع",
    ]);
  });

  it("drops table-of-contents entries and keeps table rows as cells", () => {
    const cleaned = cleanPolicyText(
      "المحتويات\n01\tتمهيد\n01-02\tالأهداف\nأعضاء مجلس الإدارة\n١\tمحمد علي\tعضو\t",
    );
    expect(cleaned.lines.map((l) => l.kind)).toEqual(["heading", "heading", "row"]);
    expect(cleaned.lines[2]!.cells).toEqual(["1", "محمد علي", "عضو", ""]);
  });

  it("splits a title from its content on the same line", () => {
    const cleaned = cleanPolicyText("القنوات المستخدمة: المقابلة، الفاكس");
    expect(cleaned.sections).toEqual([
      { heading: "القنوات المستخدمة", lines: [{ kind: "text", text: "المقابلة، الفاكس", cells: [] }] },
    ]);
    expect(sectionEntries(cleaned.sections[0]!)).toEqual(["المقابلة، الفاكس"]);
  });
});

describe("splitListMarker", () => {
  it("recognises the numbering styles of extracted policies", () => {
    for (const line of [
      "1- المقابلة",
      "-1 المقابلة",
      "1. المقابلة",
      "1) المقابلة",
      "(1) المقابلة",
      "• المقابلة",
      "- المقابلة",
      "* المقابلة",
      "(أ) المقابلة",
      "أ- المقابلة",
      "المقابلة -1",
    ]) {
      expect(splitListMarker(line), line).toMatchObject({ text: "المقابلة" });
      expect(splitListMarker(line).marker, line).not.toBeNull();
    }
    expect(splitListMarker("المقابلة الشخصية")).toEqual({ marker: null, text: "المقابلة الشخصية" });
    expect(splitListMarker("02/03/1441هـ اعتمد").marker).toBeNull();
  });
});

describe("foldArabic", () => {
  it("sees through hamza forms, ى/ي, ة/ه, diacritics, tatweel and digits", () => {
    expect(foldArabic("إحالتُه لمسئول  الـلائحة ١٥")).toBe(foldArabic("احالته لمسيول اللايحه 15"));
    expect(foldArabic("على")).toBe("علي");
  });
});
