import type { StaffRole } from "../../shared/contracts/roles.js";
import {
  dayNumberFromHijri,
  riyadhDate,
  riyadhStartOfDay,
  toHijri,
  toIsoDate,
} from "../../shared/domain/index.js";
import type { Modules } from "../app.js";
import { type Clock, fixedClock } from "../clock.js";
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
 * modules' clock (dates read off the demo's documents are that day). With `history` (the modules
 * over another clock), also a year of its work for the dashboard (`seedDemoHistory`).
 */
export async function seedDemo(
  modules: Modules,
  options: { history?: (clock: Clock) => Modules; now?: Date } = {},
): Promise<{ created: boolean; associationId: string }> {
  const now = options.now ?? new Date();
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
  await seedSurveys(modules, created, association.id);
  if (options.history) await seedDemoHistory(options.history, created, now);
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

/** Remarks people write in a survey, in several themes (waiting, staff, documents, contact, value). */
const demoRemarks = [
  "انتظرت أكثر من ساعتين في الاستقبال حتى جاء دوري",
  "تأخر موعد صرف السلة الغذائية عن الموعد المعلن",
  "الموظفة كانت لطيفة ومتعاونة في التعامل",
  "أسلوب الموظف في الاستقبال غير مناسب",
  "طلبوا مني أوراقًا كثيرة وبعض المستندات مكررة",
  "لم يتصل بي أحد لإبلاغي بنتيجة الطلب",
  "أتمنى الرد على الاتصالات في وقت أسرع",
  "المبلغ قليل ولا يكفي لسداد الإيجار",
  "السلة الغذائية كافية وشكرًا لكم",
  "جزاكم الله خيرًا على جهودكم",
];

/**
 * Satisfaction surveys: the post-service survey active and set to follow every service, about 300
 * answers over the last twelve months (through the service's bulk answer path), a periodic
 * campaign, and two follow-ups whose respondents allowed contact.
 */
async function seedSurveys(modules: Modules, actors: Map<string, Actor>, associationId: string) {
  const manager = actors.get("manager")!;
  const admin = actors.get("admin")!;
  const officer = actors.get("officer")!;
  const surveys = modules.surveys.service;
  const [postTemplate, periodicTemplate] = await surveys.templates(manager);
  const post = await surveys.create(manager, postTemplate!.survey);
  const periodic = await surveys.create(manager, periodicTemplate!.survey);
  await surveys.setStatus(manager, post.id, "active");
  await surveys.setStatus(manager, periodic.id, "active");
  await surveys.saveSettings(admin, {
    postServiceSurveyId: post.id,
    afterDelivery: true,
    afterRequestClosed: true,
    afterComplaintClosed: true,
    quietDays: 90,
    linkValidDays: 14,
    reminderAfterDays: 3,
  });

  // A deterministic spread: each answer's month, scores and remark follow from its number.
  const today = new Date(`${surveys.today()}T12:00:00Z`);
  const staff = [officer.userId, actors.get("branch-representative")!.userId];
  const answers: { day: string; answers: Record<string, number | string>; staffId: string }[] = [];
  const periodicAnswers: { day: string; answers: Record<string, number | string> }[] = [];
  for (let i = 0; i < 300; i++) {
    const monthsBack = i % 12;
    const at = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsBack, 1 + ((i * 7) % 27)),
    );
    const day = at.toISOString().slice(0, 10);
    const csat = [5, 4, 5, 3, 4, 2, 5, 4, 1, 4, 5, 3][(i * 5) % 12]!;
    const nps = Math.min(10, Math.max(0, csat * 2 + ((i % 3) - 1)));
    const remark = demoRemarks[(i * 3) % demoRemarks.length]!;
    if (i % 4 === 3) {
      periodicAnswers.push({
        day,
        answers: {
          csat,
          nps,
          clear_requirements: Math.max(1, csat - (i % 2)),
          channel: ["sms", "whatsapp", "phone", "visit"][i % 4]!,
          ...(csat <= 2 ? { what_went_wrong: remark } : {}),
          ...(i % 3 === 0 ? { suggestions: remark } : {}),
        },
      });
    } else {
      answers.push({
        day,
        staffId: staff[i % 2]!,
        answers: {
          csat,
          staff: Math.min(5, csat + (i % 2)),
          nps,
          ...(csat <= 2 ? { what_went_wrong: remark } : {}),
        },
      });
    }
  }
  await surveys.loadAnswers(associationId, post.id, answers);
  await surveys.loadAnswers(associationId, periodic.id, periodicAnswers);

  // Two people reachable by e-mail, invited by the periodic campaign, who answer and allow contact.
  const respondents = [];
  for (const person of [
    { fullName: "هند بنت سعيد بن محمد آل مريح", nationalId: "1080000001", email: "hind@example.org" },
    { fullName: "راشد بن علي بن حمد الصقور", nationalId: "1090000009", email: "rashed@example.org" },
  ]) {
    const registered = await modules.beneficiaries.service.register(officer, {
      ...person,
      categoryCode: "elderly",
      gender: person.fullName.includes("بنت") ? "female" : "male",
      phones: [],
      preferredChannel: "email",
      lawfulBasis: "service_request",
      household: [],
      confirmNotDuplicate: true,
    });
    respondents.push(registered.beneficiary.id);
  }
  const closes = new Date(today.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
  // The quarter's campaign asks the elderly; everyone else can still be asked after their next service.
  const elderly = (await modules.beneficiaries.service.categories(officer)).find(
    (c) => c.code === "elderly",
  )!;
  await surveys.createCampaign(manager, {
    surveyId: periodic.id,
    name: "استبيان الرضا الدوري لكبار السن — الربع الحالي",
    audience: { kind: "category", categoryId: elderly.id },
    closesOn: closes,
  });
  await surveys.answerLatestFor(associationId, respondents[0]!, {
    answers: { csat: 2, nps: 4, what_went_wrong: "انتظرت طويلًا ولم يتصل بي أحد لإبلاغي بموعد الصرف" },
    allowContact: true,
  });
  await surveys.answerLatestFor(associationId, respondents[1]!, {
    answers: { csat: 3, nps: 6, suggestions: "أقترح توضيح المستندات المطلوبة قبل زيارة الجمعية" },
    allowContact: true,
  });
}

/**
 * A year of the demo association at work (issue 12), so every chart of «لوحة المؤشرات» has
 * something to show for the last twelve months on a fresh start: requests over several services
 * and channels, decided in time and late, some waiting and a few past due, one cancelled;
 * complaints closed with each outcome; inquiries answered, some late, by the liaison officer; two
 * field visits with their actions, one past due. Entered through the services as staff would, each
 * step on the day it happened: `history` builds the modules over a clock this function moves, the
 * narrowest way the services let the past be written. Nothing is left in anyone's «عملي» but the
 * requests waiting for a decision and the overdue field action.
 */
export async function seedDemoHistory(
  history: (clock: Clock) => Modules,
  actors: Map<string, Actor>,
  now: Date,
): Promise<void> {
  const clock = fixedClock(now);
  const m = history(clock);
  const officer = actors.get("officer")!;
  const manager = actors.get("manager")!;
  const liaison = actors.get("liaison-officer")!;
  const members = ["committee1", "committee2"].map((local) => actors.get(local)!);
  const day = 86_400_000;
  // 09:00 in Riyadh, `days` days before today.
  const morning = (days: number) => new Date(Math.floor(now.getTime() / day - days) * day + 6 * 3_600_000);
  const isoDay = (at: Date) => new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
  const pdf = async (name: string) =>
    (await m.files.service.upload(officer, { name, bytes: Buffer.from(`%PDF-1.4 ${name}`) })).id;

  const services = new Map(
    (await m.services.service.list(officer, { active: true })).map((s) => [s.code, s.id]),
  );
  // The requests are the demo family who hears by e-mail: every notice of the past year goes to the
  // outbox, none waits as a call or a failed text in anyone's list today.
  const people = [(await m.beneficiaries.service.search(officer, { q: "محمد بن إبراهيم", limit: 1 }))[0]!.id];
  const committee = (await m.requests.committees.committees(manager)).find(
    (c) => c.nameAr === demoCommitteeName,
  )!;

  // Requests: two a month, opened in the morning; `decideAfter` days later a decision, or none yet.
  clock.set(morning(370));
  const papers = {
    national_id: await pdf("هوية-وطنية.pdf"),
    lease_contract: await pdf("عقد-إيجار.pdf"),
    salary_certificate: await pdf("تعريف-بالراتب.pdf"),
    medical_report: await pdf("تقرير-طبي.pdf"),
    signature: await pdf("توقيع-المستفيد.pdf"),
  };
  const kinds = [
    { code: "food_basket", data: { family_size: 6 } },
    { code: "rent_support", data: { monthly_rent: 1500 } },
    { code: "medical_aid", data: { diagnosis: "داء السكري من النوع الثاني" } },
  ] as const;
  const channels = ["interview", "phone", "whatsapp", "website", "email"] as const;
  type Plan = {
    openedDaysAgo: number;
    decideAfter: number | null;
    outcome?: "accept" | "reject";
    cancel?: true;
  };
  const plans: Plan[] = [];
  for (let month = 11; month >= 0; month--) {
    const base = month * 30 + 12;
    plans.push({ openedDaysAgo: base + 8, decideAfter: month % 3 === 1 ? 34 : 6, outcome: "accept" });
    plans.push({
      openedDaysAgo: base,
      decideAfter: month % 4 === 0 ? 30 : 9,
      outcome: month % 2 ? "reject" : "accept",
    });
  }
  // Waiting now: two past their due time, two still within it; one withdrawn by its beneficiary.
  plans.push(
    { openedDaysAgo: 40, decideAfter: null },
    { openedDaysAgo: 33, decideAfter: null },
    { openedDaysAgo: 6, decideAfter: null },
    { openedDaysAgo: 2, decideAfter: null },
    { openedDaysAgo: 50, decideAfter: null, cancel: true },
  );
  // Every step is an event on its day; they are run in the order they happened.
  const events: { at: Date; run: () => Promise<void> }[] = [];
  for (const [i, plan] of plans.entries()) {
    const kind = kinds[i % kinds.length]!;
    let id = "";
    events.push({
      at: morning(plan.openedDaysAgo),
      run: async () => {
        const opened = await m.requests.service.open(officer, {
          beneficiaryId: people[i % people.length]!,
          serviceId: services.get(kind.code)!,
          channel: channels[i % channels.length]!,
          data: kind.data,
        });
        id = opened.row.id;
        const today = isoDay(clock.now());
        const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
        for (const requirement of opened.row.requirements as { kind: string; code: string }[]) {
          if (requirement.kind !== "document") continue;
          const code = requirement.code as keyof typeof papers;
          await m.requests.service.attachDocument(officer, id, {
            requirementCode: code,
            fileId: papers[code],
            ...(code === "national_id" || code === "lease_contract"
              ? { expiresOn: inAYear }
              : { issuedOn: today }),
          });
        }
        if (!plan.cancel)
          await m.requests.service.startDeclaration(officer, id, {
            method: "on_screen",
            fileId: papers.signature,
          });
      },
    });
    if (plan.cancel)
      events.push({
        at: morning(plan.openedDaysAgo - 3),
        run: async () => {
          await m.requests.service.cancel(officer, id, "طلب المستفيد إلغاء الطلب بعد تحسن دخله.");
        },
      });
    if (plan.decideAfter !== null) {
      const outcome = plan.outcome!;
      const at = morning(plan.openedDaysAgo - plan.decideAfter);
      // The committee meets on the day: two members vote, one records the decision.
      events.push({
        at,
        run: async () => {
          const meeting = await m.requests.committees.createMeeting(manager, {
            committeeId: committee.id,
            heldOn: isoDay(at),
            requestIds: [id],
          });
          for (const member of members)
            await m.requests.committees.vote(member, meeting.meeting.id, id, { vote: outcome });
          await m.requests.committees.decide(members[0]!, meeting.meeting.id, id, {
            outcome,
            reasons:
              outcome === "accept"
                ? "استوفى الطلب الشروط وثبتت الحاجة بعد دراسة الحالة."
                : "الدخل الشهري للأسرة أعلى من حد الاستحقاق في سياسة الجمعية.",
            ...(outcome === "accept" ? { approvedAmount: 150_000 } : {}),
          });
        },
      });
    }
  }
  await demoInquiriesAndComplaints(m, clock, { officer, manager, liaison, people, morning, events, now });
  for (const event of events.sort((x, y) => x.at.getTime() - y.at.getTime())) {
    clock.set(event.at);
    await event.run();
  }
  clock.set(now);
  const branch = actors.get("branch-representative")!;
  await demoFieldVisits(m, { manager, branch, morning, isoDay });
}

type DemoEvent = { at: Date; run: () => Promise<void> };

/** Inquiries from people without a file, answered by the liaison officer, and complaints closed each way. */
async function demoInquiriesAndComplaints(
  m: Modules,
  clock: Clock,
  ctx: {
    officer: Actor;
    manager: Actor;
    liaison: Actor;
    people: string[];
    morning: (days: number) => Date;
    events: DemoEvent[];
    now: Date;
  },
) {
  const { officer, liaison, morning, events } = ctx;
  const hour = 3_600_000;
  const subjects = [
    "مواعيد استقبال طلبات الدعم",
    "المستندات المطلوبة لطلب المساعدة في الإيجار",
    "هل تُصرف السلة الغذائية في رمضان",
    "طريقة تحديث رقم الجوال في ملف الأسرة",
    "مدة دراسة طلب المساعدة العلاجية",
  ];
  const channels = ["phone", "whatsapp", "email", "website", "social_media"] as const;
  for (let i = 0; i < 36; i++) {
    const at = new Date(morning(355 - i * 10).getTime() + (i % 5) * hour);
    const subject = subjects[i % subjects.length]!;
    const channel = channels[i % channels.length]!;
    // Answered on the spot by whoever took the call; so are all of the last six weeks', so the
    // liaison officer's load for this month is what happens today.
    if (i % 4 === 3 || 355 - i * 10 < 45) {
      events.push({
        at,
        run: async () => {
          await m.contacts.service.record(officer, {
            kind: "inquiry",
            channel,
            direction: "inbound",
            subject,
            answer: "أُجيب المستفيد في حينه.",
            fileIds: [],
          });
        },
      });
      continue;
    }
    let id = "";
    events.push({
      at,
      run: async () => {
        id = (
          await m.contacts.service.record(officer, {
            kind: "inquiry",
            channel,
            direction: "inbound",
            subject,
            fileIds: [],
          })
        ).id;
      },
    });
    // Most the next working morning; every fifth a week and more later, past its three working days.
    events.push({
      at: new Date(at.getTime() + (i % 5 === 1 ? 9 : 1) * 24 * hour),
      run: async () => {
        await m.contacts.service.answer(liaison, id, {
          answer:
            "تُستقبل الطلبات من الأحد إلى الخميس في مقر الجمعية وعبر موقعها، ويُرد خلال خمسة عشر يوم عمل.",
        });
      },
    });
  }

  // Complaints closed each way, all before this Hijri year began: the year's complaint numbers
  // (C-<year>-0001 …) are still the public page's to give.
  const holder = ctx.manager;
  const yearBegan = riyadhStartOfDay(
    dayNumberFromHijri({ year: toHijri(riyadhDate(ctx.now)).year, month: 1, day: 1 }),
  );
  const beforeYear = (days: number) =>
    Math.ceil((ctx.now.getTime() - yearBegan.getTime()) / (24 * hour)) + days;
  const complaints = [
    {
      days: beforeYear(95),
      category: "service",
      channel: "phone",
      outcome: "resolved",
      subject: "نقص في محتوى السلة الغذائية",
    },
    {
      days: beforeYear(80),
      category: "other",
      channel: "website",
      outcome: "amicable_settlement",
      subject: "صعوبة الوصول إلى مقر الجمعية",
    },
    {
      days: beforeYear(60),
      category: "staff_conduct",
      channel: "interview",
      outcome: "rejected",
      subject: "أسلوب تعامل موظف الاستقبال",
    },
    {
      days: beforeYear(40),
      category: "service",
      channel: "email",
      outcome: "referred_to_compensation",
      subject: "تلف الأجهزة المسلّمة ضمن المساعدة العينية",
    },
    {
      days: beforeYear(20),
      category: "technical_support",
      channel: "whatsapp",
      outcome: "resolved",
      subject: "تعذر إرسال الطلب عبر موقع الجمعية",
    },
    {
      days: beforeYear(8),
      category: "other",
      channel: "phone",
      outcome: "amicable_settlement",
      subject: "تأخر الرد على الاتصال الهاتفي",
    },
  ] as const;
  for (const c of complaints) {
    let id = "";
    events.push({
      at: morning(c.days),
      run: async () => {
        id = (
          await m.complaints.service.record(officer, {
            category: c.category,
            channel: c.channel,
            subject: c.subject,
            details: "تواصلت مع الجمعية أكثر من مرة بشأن هذا الأمر ولم يُحل حتى الآن.",
            notifyBy: "none",
            fileIds: [],
          })
        ).complaint.id;
        await m.complaints.service.assign(holder, id, holder.userId);
      },
    });
    events.push({
      at: morning(c.days - 6),
      run: async () => {
        await m.complaints.service.close(holder, id, {
          outcome: c.outcome,
          note:
            c.outcome === "rejected"
              ? "راجعنا الشكوى مع الموظف والسجلات ولم يثبت ما ورد فيها."
              : "تواصلنا مع المشتكي وعالجنا سبب الشكوى.",
          ...(c.outcome === "amicable_settlement"
            ? {
                settlementTerms: "صرف المساعدة خلال ثلاثة أيام عمل مع اعتذار مكتوب.",
                complainantAccepted: true,
              }
            : {}),
        });
      },
    });
  }
  void clock;
}

/**
 * Two supervisory visits with their follow-up actions: one done by management, one past its due
 * date in the branch representative's «عملي».
 */
async function demoFieldVisits(
  m: Modules,
  ctx: { manager: Actor; branch: Actor; morning: (days: number) => Date; isoDay: (at: Date) => string },
) {
  const { manager, morning, isoDay } = ctx;
  const checklist = (await m.fieldwork.service.checklists(manager))[0];
  const answers = (checklist?.items ?? []).map((_, i) => ({
    answer: i === 1 ? ("not_met" as const) : ("met" as const),
  }));
  const first = await m.fieldwork.service.record(manager, {
    kind: "supervisory_visit",
    participantIds: [],
    photoFileIds: [],
    visitedOn: isoDay(morning(120)),
    place: "مكتب الجمعية الفرعي في شرورة",
    ...(checklist ? { checklistId: checklist.id, answers } : {}),
    observations: "المكتب منظم وسجل المراجعين محدَّث، وصندوق الشكاوى لم يُفتح منذ شهرين.",
    actions: [
      { text: "فتح صندوق الشكاوى أسبوعيًا وتسجيل ما فيه", ownerId: manager.userId, dueInWorkingDays: 5 },
    ],
  });
  await m.fieldwork.service.markDone(manager, first.actions[0]!.id);
  await m.fieldwork.service.record(manager, {
    kind: "supervisory_visit",
    participantIds: [],
    photoFileIds: [],
    visitedOn: isoDay(morning(30)),
    place: "مكتب الجمعية الفرعي في حبونا",
    ...(checklist ? { checklistId: checklist.id, answers } : {}),
    observations: "لوحة قنوات التواصل غير معلّقة، ومكان الانتظار يحتاج إلى مقاعد لكبار السن.",
    actions: [
      { text: "تعليق لوحة قنوات التواصل ومواعيد العمل", ownerId: ctx.branch.userId, dueInWorkingDays: 5 },
    ],
  });
}
