import type { StaffRole } from "../../shared/contracts/roles.js";
import { riyadhDate, toIsoDate } from "../../shared/domain/index.js";
import type { Modules } from "../app.js";
import type { Actor } from "../http/actor.js";

export const demoPassword = "silah-demo-2026";
export const demoAssociationSlug = "demo";

/**
 * One demo user per role (the e-mail's local part is the role, as README tells people), then the
 * research committee's other members, so its quorum can be reached by people signing in.
 */
export const demoUsers: { role: StaffRole; local: string; fullName: string }[] = [
  { role: "officer", local: "officer", fullName: "نورة بنت عبدالله القحطاني" },
  { role: "social_researcher", local: "social-researcher", fullName: "فاطمة بنت سعد الشهري" },
  { role: "committee_member", local: "committee-member", fullName: "خالد بن محمد العتيبي" },
  { role: "followup_committee_member", local: "followup-committee-member", fullName: "سارة بنت علي الغامدي" },
  { role: "liaison_officer", local: "liaison-officer", fullName: "عبدالرحمن بن فهد الدوسري" },
  { role: "branch_representative", local: "branch-representative", fullName: "ماجد بن ناصر اليامي" },
  { role: "manager", local: "manager", fullName: "عبدالعزيز بن إبراهيم الحربي" },
  { role: "hr", local: "hr", fullName: "هيفاء بنت سلمان الزهراني" },
  { role: "board_member", local: "board-member", fullName: "د. سليمان بن حمد المطيري" },
  { role: "administrator", local: "admin", fullName: "ريم بنت تركي السبيعي" },
  { role: "committee_member", local: "committee1", fullName: "أحمد بن سعيد القرني" },
  { role: "committee_member", local: "committee2", fullName: "منيرة بنت عبدالله العنزي" },
  { role: "committee_member", local: "committee3", fullName: "يوسف بن حسن الشمري" },
];

/** The platform operator of the demo deployment, in the platform's own association (ADR 0024). */
export const demoOperator = { local: "operator", fullName: "بدر بن عادل الرشيد" };

export const demoCommitteeName = "لجنة البحث والدراسة";

/**
 * Who can try the beneficiary portal (/p/demo/) on a fresh start: the codes go to these e-mail
 * addresses (the outbox directory without SMTP). Haila acts for her son Sultan, who has his own file.
 */
export const demoPortalPeople = {
  haila: { nationalId: "1060000005", email: "haila@example.org", fullName: "هيلة بنت محمد بن سعد العنزي" },
  sultan: { nationalId: "1070000003", fullName: "سلطان بن فهد بن محمد العنزي" },
  dosari: { nationalId: "2050000005", email: "m.dosari@example.org" },
} as const;

export function demoEmail(local: string): string {
  return `${local}@demo.silah.sa`;
}

/**
 * Creates the demo association and its users; does nothing if it already exists. `now` is the
 * modules' clock (dates read off the demo's documents are that day).
 */
export async function seedDemo(
  modules: Modules,
  now: Date = new Date(),
): Promise<{ created: boolean; associationId: string }> {
  const existing = await modules.associations.service.findBySlug(demoAssociationSlug);
  if (existing) return { created: false, associationId: existing.id };
  const association = await modules.associations.service.createBySystem({
    slug: demoAssociationSlug,
    nameAr: "جمعية صلة التجريبية للتنمية الاجتماعية",
    nameEn: "Silah Demo Social Development Association",
    licenseNumber: "9999",
    supervisingAuthority: "وزارة الموارد البشرية والتنمية الاجتماعية",
  });
  const created = new Map<string, Actor>();
  for (const user of demoUsers) {
    const row = await modules.users.service.createBySystem(
      association.id,
      {
        fullName: user.fullName,
        email: demoEmail(user.local),
        password: demoPassword,
        roles: [user.role],
        locale: "ar",
      },
      { acceptWeakPassword: true },
    );
    created.set(user.local, {
      userId: row.id,
      associationId: association.id,
      roles: [user.role],
      sessionId: "demo-seed",
      requestId: "demo-seed",
    });
  }
  await seedRegistry(modules, created);
  await seedCatalogue(modules, created);
  await seedPortalPeople(modules, created, now);
  // The demo's operator, whose password is published, never joins a platform that already has operators.
  if (!(await modules.platform.service.exists())) {
    await modules.platform.service.createOperatorBySystem(
      {
        fullName: demoOperator.fullName,
        email: demoEmail(demoOperator.local),
        password: demoPassword,
        locale: "ar",
      },
      { acceptWeakPassword: true },
    );
  }
  return { created: true, associationId: association.id };
}

/** Services with their requirements and a research committee of three with a quorum of two. */
async function seedCatalogue(modules: Modules, actors: Map<string, Actor>) {
  const admin = actors.get("admin")!;
  await modules.services.service.create(admin, {
    code: "food_basket",
    nameAr: "السلة الغذائية الشهرية",
    nameEn: "Monthly food basket",
    kind: "in_kind",
    eligibilityAr: "الأسر المسجلة لدى الجمعية التي يقل دخلها الشهري عن ٤٠٠٠ ريال.",
    requirements: [
      {
        kind: "field",
        code: "family_size",
        labelAr: "عدد أفراد الأسرة",
        fieldType: "number",
        required: true,
      },
      {
        kind: "document",
        code: "national_id",
        labelAr: "صورة الهوية الوطنية لرب الأسرة",
        fileKind: "identity_document",
        validity: { kind: "not_expired" },
        required: true,
      },
    ],
    active: true,
  });
  await modules.services.service.create(admin, {
    code: "rent_support",
    nameAr: "المساعدة في سداد الإيجار",
    nameEn: "Rent support",
    kind: "housing",
    eligibilityAr: "الأسر المستأجرة التي تعجز عن سداد الإيجار، بعد دراسة الباحث الاجتماعي.",
    requirements: [
      {
        kind: "field",
        code: "monthly_rent",
        labelAr: "قيمة الإيجار الشهري",
        fieldType: "number",
        required: true,
      },
      {
        kind: "document",
        code: "lease_contract",
        labelAr: "عقد الإيجار الموثق في منصة إيجار",
        fileKind: "supporting_document",
        validity: { kind: "not_expired" },
        required: true,
      },
      {
        kind: "document",
        code: "salary_certificate",
        labelAr: "شهادة راتب أو تعريف بالدخل",
        fileKind: "income_proof",
        validity: { kind: "issued_within", months: 3 },
        required: true,
      },
    ],
    active: true,
  });
  await modules.services.service.create(admin, {
    code: "medical_aid",
    nameAr: "المساعدة العلاجية",
    nameEn: "Medical aid",
    kind: "medical",
    eligibilityAr: "المرضى من المستفيدين الذين لا يغطي التأمين علاجهم.",
    requirements: [
      {
        kind: "field",
        code: "diagnosis",
        labelAr: "التشخيص كما في التقرير",
        fieldType: "text",
        required: true,
      },
      {
        kind: "document",
        code: "medical_report",
        labelAr: "تقرير طبي حديث",
        fileKind: "medical_report",
        validity: { kind: "issued_within", months: 6 },
        required: true,
      },
    ],
    active: true,
  });
  await modules.requests.committees.createCommittee(admin, {
    nameAr: demoCommitteeName,
    nameEn: "Research committee",
    quorum: 2,
    memberIds: ["committee1", "committee2", "committee3"].map((local) => actors.get(local)!.userId),
  });
  // A supervisory visit's checklist, so «الرقابة الميدانية» can be walked from the start (S2).
  await modules.fieldwork.service.createChecklist(admin, {
    name: "زيارة إشرافية لمكتب فرعي",
    items: [
      "لوحة قنوات التواصل ومواعيد العمل معلّقة في مكان ظاهر",
      "صندوق الشكاوى والمقترحات متاح ويُفتح دوريًا",
      "سجل المراجعين محدَّث",
      "نماذج طلب الدعم متوفرة",
      "مكان الانتظار مهيأ لكبار السن وذوي الإعاقة",
    ],
  });
}

/** Categories, a liaison officer, beneficiaries and a few contacts, entered as staff would. */
async function seedRegistry(modules: Modules, actors: Map<string, Actor>) {
  const admin = actors.get("admin")!;
  const officer = actors.get("officer")!;
  for (const [code, nameAr, nameEn] of [
    ["orphans", "الأيتام", "Orphans"],
    ["widows", "الأرامل", "Widows"],
    ["elderly", "كبار السن", "Elderly"],
    ["disability", "ذوو الإعاقة", "People with disabilities"],
    ["low_income", "الأسر محدودة الدخل", "Low-income families"],
  ] as const) {
    await modules.beneficiaries.service.createCategory(admin, { code, nameAr, nameEn });
  }
  await modules.contacts.service.setRoutes(admin, [
    { categoryCode: "orphans", liaisonUserId: actors.get("liaison-officer")!.userId },
    { liaisonUserId: actors.get("liaison-officer")!.userId },
  ]);
  const people = [
    {
      fullName: "عبدالرحمن بن صالح بن علي العجمي",
      gender: "male",
      nationalId: "1010000006",
      birthDate: "1985-06-12",
      phones: ["+966551119900"],
      categoryCode: "low_income",
      city: "نجران",
    },
    {
      fullName: "فاطمة بنت علي بن حسن آل منصور",
      gender: "female",
      nationalId: "1020000004",
      birthDate: "1978-02-03",
      phones: ["+966502223344"],
      categoryCode: "widows",
      city: "نجران",
      preferredChannel: "sms",
    },
    {
      fullName: "سعد بن ناصر بن فهد اليامي",
      gender: "male",
      nationalId: "1030000002",
      birthDate: "1950-11-20",
      phones: ["+966533334455"],
      categoryCode: "elderly",
      city: "شرورة",
      preferredChannel: "phone",
    },
    {
      fullName: "نورة بنت خالد بن عبدالرحمن القحطاني",
      gender: "female",
      nationalId: "1040000000",
      birthDate: "2012-09-01",
      phones: ["+966544445566"],
      categoryCode: "orphans",
      city: "نجران",
    },
    {
      fullName: "محمد بن إبراهيم بن عبدالعزيز الدوسري",
      gender: "male",
      nationalId: "2050000005",
      birthDate: "1990-04-15",
      phones: ["+966555556677"],
      categoryCode: "disability",
      city: "حبونا",
      email: "m.dosari@example.org",
      preferredChannel: "email",
    },
  ] as const;
  const files = [];
  for (const person of people) {
    files.push(
      await modules.beneficiaries.service.register(officer, {
        ...person,
        phones: [...person.phones],
        household: [],
        consent: { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "1" },
        confirmNotDuplicate: true,
      }),
    );
  }
  await modules.contacts.service.record(officer, {
    beneficiaryId: files[0]!.beneficiary.id,
    kind: "inquiry",
    channel: "phone",
    direction: "inbound",
    subject: "موعد صرف السلة الغذائية",
    answer: "يبدأ الصرف يوم الأحد القادم في مقر الجمعية.",
    fileIds: [],
  });
  await modules.contacts.service.record(officer, {
    beneficiaryId: files[3]!.beneficiary.id,
    kind: "inquiry",
    channel: "social_media",
    direction: "inbound",
    subject: "الاستفسار عن برنامج كفالة الأيتام",
    fileIds: [],
  });
}

/**
 * The beneficiary portal's demo (ADR 0029): a mother with an e-mail and a household (her son has a
 * file of his own), and Mohammed (an Iqama, an e-mail), with requests in different states — waiting
 * for a document, decided by the committee with its reasons, cancelled with its reason.
 */
async function seedPortalPeople(modules: Modules, actors: Map<string, Actor>, now: Date) {
  const officer = actors.get("officer")!;
  const manager = actors.get("manager")!;
  const members = ["committee1", "committee2"].map((local) => actors.get(local)!);
  const consent = { purpose: "معالجة بيانات المستفيد لتقديم الخدمات", noticeVersion: "1" };
  const { haila, sultan, dosari } = demoPortalPeople;
  const mother = await modules.beneficiaries.service.register(officer, {
    fullName: haila.fullName,
    gender: "female",
    nationalId: haila.nationalId,
    birthDate: "1982-03-08",
    phones: ["+966566667788"],
    email: haila.email,
    preferredChannel: "email",
    categoryCode: "widows",
    city: "نجران",
    household: [
      { relation: "son", fullName: sultan.fullName, nationalId: sultan.nationalId, gender: "male" },
      { relation: "daughter", fullName: "جود بنت فهد بن محمد العنزي", gender: "female" },
    ],
    consent,
    confirmNotDuplicate: true,
  });
  const son = await modules.beneficiaries.service.register(officer, {
    fullName: sultan.fullName,
    gender: "male",
    nationalId: sultan.nationalId,
    birthDate: "2004-10-21",
    phones: [],
    household: [],
    consent,
    confirmNotDuplicate: true,
  });
  const [found] = await modules.beneficiaries.service.search(officer, { q: dosari.nationalId, limit: 1 });
  const services = await modules.services.service.list(officer, {});
  const serviceId = (code: string) => services.find((service) => service.code === code)!.id;
  const today = toIsoDate(riyadhDate(now));
  const pdf = (name: string) =>
    modules.files.service.upload(officer, {
      name,
      bytes: new TextEncoder().encode(`%PDF-1.4 ${name}\n%%EOF`),
    });

  // Waiting for her: the ID document is missing.
  await modules.requests.service.open(officer, {
    beneficiaryId: mother.beneficiary.id,
    serviceId: serviceId("food_basket"),
    channel: "interview",
    data: { family_size: 3 },
  });
  // Decided: complete, declared, before the committee, accepted with its reasons.
  const medical = await modules.requests.service.open(officer, {
    beneficiaryId: mother.beneficiary.id,
    serviceId: serviceId("medical_aid"),
    channel: "interview",
    data: { diagnosis: "التهاب مزمن في المفاصل" },
  });
  await modules.requests.service.attachDocument(officer, medical.row.id, {
    requirementCode: "medical_report",
    fileId: (await pdf("medical-report.pdf")).id,
    issuedOn: today,
  });
  await modules.requests.service.startDeclaration(officer, medical.row.id, {
    method: "scanned",
    fileId: (await pdf("declaration.pdf")).id,
  });
  const [committee] = await modules.requests.committees.committees(manager);
  const meeting = await modules.requests.committees.createMeeting(manager, {
    committeeId: committee!.id,
    heldOn: today,
    requestIds: [medical.row.id],
  });
  for (const member of members) {
    await modules.requests.committees.vote(member, meeting.meeting.id, medical.row.id, { vote: "accept" });
  }
  await modules.requests.committees.decide(members[0]!, meeting.meeting.id, medical.row.id, {
    outcome: "accept",
    reasons: "التقرير الطبي حديث ويثبت الحاجة، والتأمين لا يغطي العلاج.",
    approvedAmount: 150_000,
  });
  // Her son's request, which she follows for him: the lease and the salary certificate are missing.
  await modules.requests.service.open(officer, {
    beneficiaryId: son.beneficiary.id,
    serviceId: serviceId("rent_support"),
    channel: "interview",
    data: { monthly_rent: 1_800 },
  });
  // Mohammed's: one waiting for his ID document, one cancelled with its reason.
  if (found) {
    await modules.requests.service.open(officer, {
      beneficiaryId: found.id,
      serviceId: serviceId("food_basket"),
      channel: "phone",
      data: { family_size: 2 },
    });
    const cancelled = await modules.requests.service.open(officer, {
      beneficiaryId: found.id,
      serviceId: serviceId("rent_support"),
      channel: "phone",
      data: {},
    });
    await modules.requests.service.cancel(
      manager,
      cancelled.row.id,
      "طلب المستفيد إلغاءه بعد أن تكفّل أحد أقاربه بالإيجار.",
    );
  }
}
