import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportedPolicy, importPolicyText, parseArabicNumber } from "./policy-import.js";

// The seeds live beside the repository (../shared/seeds), as in the CI clone.
const seedsDir = new URL("../../../../../shared/seeds/", import.meta.url);

const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) {
  console.warn(
    `Skipping the seed policies: none at ${seedsDir.pathname} (CI lays shared/ beside the repository).`,
  );
}

function seed(name: string): string {
  return readFileSync(new URL(name, seedsDir), "utf8");
}

const noSections = {
  compensation: false,
  complaints: false,
  privacy: false,
  liaisonOfficer: false,
  staffAcknowledgement: false,
};

const expected000: ImportedPolicy = {
  association: { name: "جمعية التنمية الاجتماعية بشرق نجران", licenseNumber: "1215" },
  channels: [
    "interview",
    "phone",
    "social_media",
    "letters",
    "assistance_requests",
    "volunteering",
    "website",
    "branch_representatives",
  ],
  officerTools: ["bylaws", "social_research_guide", "support_policy_guide", "support_request_form"],
  handlingSteps: [
    "استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي.",
    "التأكيد من تقديم المراجع بكافة المعلومات المطلوبة ، وعلى الموقف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم.",
    "في حالة عدم وضوح الإجراءات للمستفيد فعلى الموظف إحالته لمسمّى البحث الاجتماعي للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية.",
    "التأكيد على صحة البيانات المقدمة من طالب الدعم والتوجيه إليها وأنه مسؤول مسؤولية مباشرة عن صحة المعلومات.",
    "التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين.",
    "استكمال إجراءات التسجيل مع اكتمال الطلبات",
    "تقديم الخدمة الازمة .",
  ],
  referralRole: "مسمّى البحث الاجتماعي",
  responsePeriod: { value: 2, unit: "weeks", bound: "min", startsAt: "submission" },
  sections: {
    compensation: false,
    complaints: false,
    privacy: false,
    liaisonOfficer: false,
    staffAcknowledgement: false,
  },
  satisfactionMethods: [],
  boardApproval: {
    hijriDate: null,
    meeting: null,
    term: null,
    members: [
      { name: "د. صالح بن سالم بن أحمد الحارثي", position: "رئيس المجلس" },
      { name: "ناصر حسين ناصر الحارثي", position: "نائب رئيس المجلس" },
      { name: "عبد الله بن علي بن علي القحطاني", position: "المسؤول المالي" },
      { name: "د. نايف عبد الله حسين الحازمي", position: "عضو" },
      { name: "محمد يحيى محمد عسيري", position: "عضو" },
      { name: "سعيد هادي محمد المحامض", position: "عضو" },
      { name: "تركي بن يحيى عبيده آل داشل", position: "عضو" },
    ],
  },
};

const expected002: ImportedPolicy = {
  association: { name: "جمعية أطباء طيبة الطبية الخيرية - حياة", licenseNumber: null },
  channels: [
    "interview",
    "phone",
    "social_media",
    "letters",
    "assistance_requests",
    "volunteering",
    "website",
  ],
  officerTools: ["bylaws", "aid_disbursement_policy", "support_request_form"],
  handlingSteps: [
    "استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي",
    "التأكد من تقديم المراجع كافة المعلومات المطلوبة، وعلى الموظف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم",
    "في حالة عدم وضوح الإجراءات للمستفيد فعلى الموظف إحالته لمدير الإدارة الصحية للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية",
    "التأكد على صحة البيانات المقدمة من طالب الخدمة والدعم والتوقيع عليها وأنه مسؤول مسئولية مباشرة عن صحة المعلومات",
    "التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين",
    "استكمال اجراءات التسجيل مع اكتمال الطلبات",
    "تقديم الخدمة اللازمة",
  ],
  referralRole: "مدير الإدارة الصحية",
  responsePeriod: { value: 2, unit: "weeks", bound: "min", startsAt: "submission" },
  sections: {
    compensation: false,
    complaints: false,
    privacy: false,
    liaisonOfficer: false,
    staffAcknowledgement: false,
  },
  satisfactionMethods: [],
  boardApproval: { hijriDate: "1441-03-02", meeting: "2", term: "4", members: [] },
};

const expected004: ImportedPolicy = {
  association: { name: "الجمعية التعاونية متعددة الأغراض بالقرينة", licenseNumber: null },
  channels: [
    "interview",
    "phone",
    "social_media",
    "letters",
    "assistance_requests",
    "volunteering",
    "website",
    "branch_representatives",
  ],
  officerTools: [
    "bylaws",
    "social_research_guide",
    "support_policy_guide",
    "support_request_form",
    "charity_work_policies",
    "official_regulations",
  ],
  handlingSteps: [
    "استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي",
    "التأكد من تقديم المراجع كافة المعلومات المطلوبة ، وعلى الموظف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم",
    "في حالة عدم وضوح الإجراءات للمستفيد فعلى الموظف إحالته لمسئول البحث الاجتماعي للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية",
    "التأكد على صحة البيانات المقدمة من طالب الدعم والتوقيع عليها وأنه مسؤول مسئولية مباشرة عن صحة المعلومات",
    "التوضيح للمستفيد بأن طلبه سيرفع للجنة البحث لدراسة طلبه والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين",
    "استكمال اجراءات التسجيل مع اكتمال الطلبات.",
    "تقديم الخدمة اللازمة.",
  ],
  referralRole: "مسئول البحث الاجتماعي",
  responsePeriod: { value: 2, unit: "weeks", bound: "min", startsAt: "submission" },
  sections: {
    compensation: false,
    complaints: false,
    privacy: false,
    liaisonOfficer: false,
    staffAcknowledgement: false,
  },
  satisfactionMethods: [],
  boardApproval: null,
};

describe.skipIf(!seedsPresent)("importPolicyText on the three seed policies", () => {
  it("reads the East Najran social development policy (page headers, typos, members table)", () => {
    expect(importPolicyText(seed("000_2af3041e405d8efa.txt"))).toEqual(expected000);
  });

  it("reads the Hayat medical charity policy (markdown, footers, a bullet split in two, board approval)", () => {
    expect(importPolicyText(seed("002_b14b27f6bfdeb9b7.txt"))).toEqual(expected002);
  });

  it("reads the Al-Qurainah cooperative policy (Arabic-Indic numbering, name broken over two lines)", () => {
    expect(importPolicyText(seed("004_b132cf30204af5ff.txt"))).toEqual(expected004);
  });
});

const page = (association: string, license: string) =>
  ["المملكة العربية السعودية", association, `ترخيص رقم (${license})`, ""].join("\n");

describe("importPolicyText on policies written the same way by other associations", () => {
  it("drops a running header repeated on every page and takes the association from it", () => {
    for (const [name, license] of [
      ["جمعية البر الخيرية بالعلا", "345"],
      ["جمعية رعاية الأيتام بتبوك", "77"],
    ] as const) {
      const text = [
        page(name, license),
        "القنوات المستخدمة للتواصل مع المستفيدين:",
        "1- المقابلة",
        "2- الفاكس",
        page(name, license),
        "3- البريد الإلكتروني",
        "4- الموقع الالكتروني للجمعية",
        page(name, license),
        "الأدوات المتاحة لموظف علاقات المستفيدين:",
        "- اللائحة الأساسية",
      ].join("\n");
      const policy = importPolicyText(text);
      expect(policy.association).toEqual({ name, licenseNumber: license });
      expect(policy.channels).toEqual(["interview", "fax", "email", "website"]);
      expect(policy.officerTools).toEqual(["bylaws"]);
    }
  });

  it("reads other numbering styles: -١, (أ), •, *, 1), and numbers moved to the end", () => {
    const text = [
      "قنوات التواصل مع المستفيدين:",
      "-١ الفاكس",
      "(ب) البريد الإلكتروني",
      "• خدمة التطوع",
      "* مناديب المكاتب الفرعية",
      "1) الخطابات والمراسلات",
      "الاتصال الهاتفي -6",
      "",
      "الأدوات المتاحة لموظف خدمة المستفيدين",
      "أ- سياسة التعامل مع الشركاء المنفذين",
      "ب- سياسة إدارة التطوع",
      "ج- نموذج طلب خدمة",
      "د- دليل سياسة صرف المساعدات",
    ].join("\n");
    const policy = importPolicyText(text);
    expect(policy.channels).toEqual([
      "fax",
      "email",
      "volunteering",
      "branch_representatives",
      "letters",
      "phone",
    ]);
    expect(policy.officerTools).toEqual([
      "partners_policy",
      "volunteer_policy",
      "service_request_form",
      "aid_disbursement_policy",
    ]);
  });

  it("reads channels listed on one line, and other wordings of the section titles", () => {
    const policy = importPolicyText(
      [
        "وسائل التواصل مع المستفيدين: المقابلة الشخصية، الفاكس، البريد الإلكتروني ووسائل التواصل الاجتماعي",
        "خطوات التعامل مع المستفيد:",
        "* استقبال المستفيد.",
        "* يحيله الموظف إلى الأخصائي الاجتماعي ليجيب عن أسئلته.",
      ].join("\n"),
    );
    expect(policy.channels).toEqual(["interview", "fax", "email", "social_media"]);
    expect(policy.handlingSteps).toEqual([
      "استقبال المستفيد.",
      "يحيله الموظف إلى الأخصائي الاجتماعي ليجيب عن أسئلته.",
    ]);
    expect(policy.referralRole).toBe("الأخصائي الاجتماعي");
  });

  it("reads lists without markers under titles numbered «أولاً:», «ثانياً -»", () => {
    const policy = importPolicyText(
      [
        "أولاً: قنوات التواصل مع المستفيدين",
        "المقابلة الشخصية",
        "الاتصال الهاتفي",
        "الموقع الإلكتروني",
        "ثانياً - أدوات موظف علاقات المستفيدين",
        "سياسة إدارة التطوع",
        "نموذج طلب خدمة",
        "ثالثاً: آلية التعامل مع المستفيد",
        "استقبال المستفيد والترحيب به",
        "التعامل مع الاستفسارات بسرعة",
        "يحيله الموظف إلى الباحث الاجتماعي ليجيب عن أسئلته",
        "يرد على الطلب خلال عشرة أيام عمل من تاريخ اكتمال الطلب",
      ].join("\n"),
    );
    expect(policy.channels).toEqual(["interview", "phone", "website"]);
    expect(policy.officerTools).toEqual(["volunteer_policy", "service_request_form"]);
    expect(policy.handlingSteps).toHaveLength(4);
    expect(policy.referralRole).toBe("الباحث الاجتماعي");
    expect(policy.responsePeriod).toEqual({
      value: 10,
      unit: "working_days",
      bound: "max",
      startsAt: "completion",
    });
  });

  it("reads «not less than a month» from submission", () => {
    const policy = importPolicyText(
      [
        "إجراءات تقديم الخدمة للمستفيد:",
        "١. استقبال المستفيد.",
        "٢. إبلاغ المستفيد بأن طلبه يرد عليه خلال مدة لا تقل عن شهر من تاريخ تقديم الطلب.",
      ].join("\n"),
    );
    expect(policy.responsePeriod).toEqual({ value: 1, unit: "months", bound: "min", startsAt: "submission" });
  });

  it("reads «at most 15 working days from completion», in digits or in words", () => {
    for (const wording of [
      "يتم البت في الطلب خلال 15 يوم عمل من تاريخ اكتمال الطلب",
      "يتم الرد على الطلب بحد أقصى خمسة عشر يوم عمل من تاريخ اكتمال الطلب",
      "يرد على الطلب في مدة أقصاها (١٥) يوم عمل من استكمال الطلب",
    ]) {
      const policy = importPolicyText(`التعامل مع المستفيد لإنهاء معاملته:\n- ${wording}`);
      expect(policy.responsePeriod, wording).toEqual({
        value: 15,
        unit: "working_days",
        bound: "max",
        startsAt: "completion",
      });
    }
  });

  it("reads other response-period wordings: weeks, days, at most, in words", () => {
    const cases: [string, ImportedPolicy["responsePeriod"]][] = [
      [
        "الرد على الطلب خلال مدة لا تزيد عن عشرة أيام",
        { value: 10, unit: "days", bound: "max", startsAt: "submission" },
      ],
      [
        "الرد بقبول الطلب أو رفضه خلال ثلاثة أسابيع",
        { value: 3, unit: "weeks", bound: "max", startsAt: "submission" },
      ],
      [
        "دراسة الطلب في مدة لا تقل عن أسبوع",
        { value: 1, unit: "weeks", bound: "min", startsAt: "submission" },
      ],
      ["الرد على الطلب خلال شهرين", { value: 2, unit: "months", bound: "max", startsAt: "submission" }],
      ["الرد على الطلب خلال يومين", { value: 2, unit: "days", bound: "max", startsAt: "submission" }],
      ["البت في الطلب في حدود ٣٠ يوما", { value: 30, unit: "days", bound: "target", startsAt: "submission" }],
    ];
    for (const [wording, expected] of cases) {
      expect(importPolicyText(`خطوات التعامل مع المستفيد:\n- ${wording}`).responsePeriod, wording).toEqual(
        expected,
      );
    }
  });

  it("does not take a complaint deadline or «من خلال» for the response period", () => {
    const policy = importPolicyText(
      [
        "الأهداف التفصيلية:",
        "- تقديم المعلومات من خلال عدة قنوات",
        "الشكاوى:",
        "يتم الرد على الشكوى خلال 3 أيام عمل.",
      ].join("\n"),
    );
    expect(policy.responsePeriod).toBeNull();
    expect(policy.sections.complaints).toBe(true);
  });

  it("reads the optional sections, satisfaction methods and board approval of a fuller policy", () => {
    const policy = importPolicyText(
      [
        "الجمعية الخيرية لرعاية الأيتام بتبوك - ترخيص رقم 88",
        "تعويض المستفيدين:",
        "يعوض المستفيد إذا ثبت الضرر بمحضر لجنة التحقيق والمتابعة.",
        "استقبال الشكوى والخلافات وتسويتها:",
        "يمكن تقديم الشكوى عبر الرابط المباشر في الموقع.",
        "بناء العلاقة وضمان استمراريتها:",
        "- المحافظة على خصوصية بيانات المستفيدين وسريتها.",
        "تزويد وتمكين المستفيد بالمعلومات:",
        "- تعيين ضابط اتصال لكل فئة من فئات المستفيدين.",
        "قياس رضا المستفيدين:",
        "• استبانة قياس الرضا بعد كل خدمة",
        "• المسح الميداني",
        "• الزيارات الإشرافية للمكاتب",
        "• المقابلات",
        "• متابعة الإدارة العليا للشكاوى والاستفسارات بشكل مستمر",
        "• الإشراف على ضباط الاتصال",
        "المسؤوليات:",
        "- تعمل إدارة الموارد البشرية على اطلاع جميع الموظفين على السياسة والتوقيع عليها.",
        "اعتماد مجلس الإدارة:",
        "اعتمد مجلس الإدارة هذه السياسة في اجتماعه رقم (5) في الدورة الثالثة بتاريخ ٢٢ ذو الحجة ١٤٤٢هـ",
        "الاسم\tالصفة\tالتوقيع",
        "أمين محمد العلي\tرئيس مجلس الإدارة\t",
        "سارة عبدالله القحطاني\tأمين الصندوق\t",
      ].join("\n"),
    );
    expect(policy.association).toEqual({ name: "الجمعية الخيرية لرعاية الأيتام بتبوك", licenseNumber: "88" });
    expect(policy.sections).toEqual({
      compensation: true,
      complaints: true,
      privacy: true,
      liaisonOfficer: true,
      staffAcknowledgement: true,
    });
    expect(policy.satisfactionMethods).toEqual([
      "periodic_survey",
      "field_survey",
      "supervisory_visits",
      "interviews",
      "management_followup",
      "liaison_supervision",
    ]);
    expect(policy.boardApproval).toEqual({
      hijriDate: "1442-12-22",
      meeting: "5",
      term: "3",
      members: [
        { name: "أمين محمد العلي", position: "رئيس مجلس الإدارة" },
        { name: "سارة عبدالله القحطاني", position: "أمين الصندوق" },
      ],
    });
  });

  it("reads Hijri dates as people write them in the approval", () => {
    for (const [date, iso] of [
      ["02/03/1441هـ", "1441-03-02"],
      ["1442/12/22 هـ", "1442-12-22"],
      ["٢٢ ذو الحجة ١٤٤٢", "1442-12-22"],
    ] as const) {
      const policy = importPolicyText(
        `اعتمد مجلس إدارة الجمعية هذه السياسة في اجتماعه الأول في دورته الثانية بتاريخ ${date}`,
      );
      expect(policy.boardApproval, date).toEqual({ hijriDate: iso, meeting: "1", term: "2", members: [] });
    }
  });

  it("answers null and [] for everything a policy does not say", () => {
    expect(importPolicyText("سياسة تنظيم العلاقة مع المستفيدين\nتمهيد:\nنص قصير.")).toEqual({
      association: { name: null, licenseNumber: null },
      channels: [],
      officerTools: [],
      handlingSteps: [],
      referralRole: null,
      responsePeriod: null,
      sections: noSections,
      satisfactionMethods: [],
      boardApproval: null,
    });
    expect(importPolicyText("").channels).toEqual([]);
  });
});

describe("the referral role", () => {
  it("reads the role after «إحالته ل…» or «يحيله … إلى …», up to what the referral is for", () => {
    const cases: [string, string][] = [
      ["فعلى الموظف إحالته لمدير الإدارة الصحية للإجابة على تساؤلاته", "مدير الإدارة الصحية"],
      ["فعلى الموظف إحالته للباحث الاجتماعي للإجابة على تساؤلاته", "الباحث الاجتماعي"],
      ["يحيله الموظف إلى الأخصائي الاجتماعي ليجيب عن أسئلته", "الأخصائي الاجتماعي"],
      ["يتم تحويله إلى مسؤول البحث الاجتماعي، الذي يوضح الإجراءات", "مسؤول البحث الاجتماعي"],
      ["إحالته للجنة البحث لدراسة حالته", "لجنة البحث"],
    ];
    for (const [step, role] of cases) {
      expect(importPolicyText(`خطوات التعامل مع المستفيد:\n- ${step}`).referralRole, step).toBe(role);
    }
  });
});

describe("parseArabicNumber", () => {
  it("reads digits and number words", () => {
    expect(parseArabicNumber("15")).toBe(15);
    expect(parseArabicNumber("خمسة عشر")).toBe(15);
    expect(parseArabicNumber("خمسة وعشرين")).toBe(25);
    expect(parseArabicNumber("ثلاثين")).toBe(30);
    expect(parseArabicNumber("عشرة")).toBe(10);
    expect(parseArabicNumber("اثنا عشر")).toBe(12);
    expect(parseArabicNumber("كثير")).toBeNull();
  });
});
