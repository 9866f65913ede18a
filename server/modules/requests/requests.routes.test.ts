import type { AddressInfo } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, supportRequests, surveyInvitations } from "../../db/schema.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { createSmtpTransport } from "../notifications/transports.js";

/** The whole life of a support request (SPEC H1–H8), through HTTP, with a real SMTP server. */
const received: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push(Buffer.concat(chunks).toString("utf8"));
      done();
    });
  },
});

let h: Harness;
let associationId: string;
let admin: Client;
let officer: Client;
let researcher: Client;
let manager: Client;
let members: Client[];
let researcherId: string;
let memberIds: string[];
let serviceId: string;
let officerEmail: string;
let managerEmail: string;
let quickServiceId: string;

const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}`);

async function upload(client: Client, name: string) {
  const response = await client.request("POST", `/api/files?name=${name}`, pdf(name), {
    contentType: "application/pdf",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function beneficiary(fullName: string, email: string) {
  const response = await officer.request("POST", "/api/beneficiaries", {
    fullName,
    gender: "female",
    lawfulBasis: "service_request",
    email,
    preferredChannel: "email",
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

/** A request opened, completed and declared on screen: ready for a committee. */
async function declaredRequest(beneficiaryId: string) {
  const opened = await ok(
    await officer.request("POST", "/api/requests", {
      beneficiaryId,
      serviceId: quickServiceId,
      channel: "phone",
      data: { family_size: 4 },
    }),
    201,
  );
  expect(opened.state).toBe("complete");
  const signature = await upload(officer, "signature.pdf");
  const declared = await ok(
    await officer.request("POST", `/api/requests/${opened.id}/declaration`, {
      method: "on_screen",
      fileId: signature,
    }),
  );
  expect(declared.request.state).toBe("declared");
  return opened.id as string;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  h = await createHarness(
    {},
    {
      transports: {
        email: createSmtpTransport({
          url: `smtp://127.0.0.1:${port}`,
          from: "جمعية صلة <no-reply@silah.test>",
        }),
      },
    },
  );
  const association = await createAssociation(h, "requests");
  associationId = association.id;
  admin = await signIn(h, (await createUser(h, associationId, ["administrator"])).email);
  // The officer also sits on the committee: they must never vote on a request they opened.
  const officerUser = await createUser(h, associationId, ["officer", "committee_member"], "موظف الاستقبال");
  officer = await signIn(h, officerUser.email);
  officerEmail = officerUser.email;
  const researcherUser = await createUser(h, associationId, ["social_researcher"], "الباحثة");
  researcherId = researcherUser.id;
  researcher = await signIn(h, researcherUser.email);
  managerEmail = (await createUser(h, associationId, ["manager"], "المدير")).email;
  manager = await signIn(h, managerEmail);
  const memberUsers = await Promise.all(
    [1, 2, 3].map((n) => createUser(h, associationId, ["committee_member"], `عضو اللجنة ${n}`)),
  );
  memberIds = [officerUser.id, ...memberUsers.map((u) => u.id)];
  members = await Promise.all(memberUsers.map((u) => signIn(h, u.email)));

  const service = await ok(
    await admin.request("POST", "/api/services", {
      code: "monthly_aid",
      nameAr: "مساعدة مالية شهرية",
      nameEn: "Monthly financial aid",
      kind: "financial",
      eligibilityAr: "الأسر المسجلة التي يقل دخلها الشهري عن ٣٠٠٠ ريال.",
      requirements: [
        { kind: "field", code: "monthly_income", labelAr: "الدخل الشهري", fieldType: "number" },
        {
          kind: "document",
          code: "national_id",
          labelAr: "صورة الهوية الوطنية",
          validity: { kind: "not_expired" },
        },
        {
          kind: "document",
          code: "salary_certificate",
          labelAr: "شهادة راتب",
          validity: { kind: "issued_within", months: 3 },
        },
      ],
    }),
    201,
  );
  serviceId = service.id;
  quickServiceId = (
    await ok(
      await admin.request("POST", "/api/services", {
        code: "food_basket",
        nameAr: "سلة غذائية",
        kind: "in_kind",
        requirements: [
          { kind: "field", code: "family_size", labelAr: "عدد أفراد الأسرة", fieldType: "number" },
        ],
      }),
      201,
    )
  ).id;
  await ok(
    await admin.request("POST", "/api/committees", {
      nameAr: "لجنة البحث الاجتماعي",
      quorum: 2,
      memberIds,
    }),
    201,
  );
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("a support request from reception to delivered service", () => {
  it("goes through completeness, referral, OTP declaration, committee, notice and delivery", async () => {
    const beneficiaryId = await beneficiary("هند بنت عبدالله الشمري", "hind@example.test");
    const committee = (await ok(await manager.request("GET", "/api/committees"))).items[0];

    // Opened at reception: exactly what is missing is shown.
    const opened = await ok(
      await officer.request("POST", "/api/requests", { beneficiaryId, serviceId, channel: "interview" }),
      201,
    );
    expect(opened.state).toBe("incomplete");
    expect(opened.referenceNumber).toMatch(/^REQ-14\d\d-0001$/);
    expect(opened.completeness.complete).toBe(false);
    expect(
      opened.completeness.items.map((i: { code: string; status: string }) => [i.code, i.status]),
    ).toEqual([
      ["monthly_income", "missing"],
      ["national_id", "missing"],
      ["salary_certificate", "missing"],
    ]);
    expect(opened.completeness.items[1].message.ar).toBe("لم يُرفق: صورة الهوية الوطنية.");
    const id = opened.id as string;

    // An expired ID and an old salary certificate are refused at submission.
    const idFile = await upload(officer, "national-id.pdf");
    const expired = await officer.request("POST", `/api/requests/${id}/documents`, {
      requirementCode: "national_id",
      fileId: idFile,
      expiresOn: "2026-03-14",
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors[0]).toMatchObject({ path: "expiresOn", code: "document_expired" });
    expect(expired.json().errors[0].message.ar).toContain("انتهت صلاحيته");
    // The expiry date can be typed in Hijri, as it is printed on the card.
    await ok(
      await officer.request("POST", `/api/requests/${id}/documents`, {
        requirementCode: "national_id",
        fileId: idFile,
        expiresOn: "1450/01/01",
      }),
    );
    const salaryFile = await upload(officer, "salary.pdf");
    const old = await officer.request("POST", `/api/requests/${id}/documents`, {
      requirementCode: "salary_certificate",
      fileId: salaryFile,
      issuedOn: "2025-12-14",
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().errors[0].code).toBe("document_too_old");
    const attached = await ok(
      await officer.request("POST", `/api/requests/${id}/documents`, {
        requirementCode: "salary_certificate",
        fileId: salaryFile,
        issuedOn: "2025-12-15",
      }),
    );
    expect(attached.state).toBe("incomplete");
    expect(
      attached.completeness.items.filter((i: { status: string }) => i.status !== "present"),
    ).toHaveLength(1);

    // The officer's work list shows it.
    const officerWork = (await ok(await officer.request("GET", "/api/my-work"))).items;
    expect(
      officerWork.some(
        (w: { kind: string; requestId: string }) => w.kind === "incomplete_request" && w.requestId === id,
      ),
    ).toBe(true);

    // Referral to the social researcher; a declaration is not possible meanwhile.
    const referred = await ok(
      await officer.request("POST", `/api/requests/${id}/referrals`, {
        ownerUserId: researcherId,
        reason: "المستفيدة لا تعرف أي جهة تصدر شهادة الدخل",
      }),
    );
    expect(referred.state).toBe("referred");
    const referralId = referred.referrals[0].id;
    const early = await officer.request("POST", `/api/requests/${id}/declaration`, { method: "otp" });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("invalid_transition");
    expect(early.json().errors[0].message.ar).toBe("لا يمكن الإقرار والطلب في حالة «محال إلى الباحث».");
    const researcherWork = (await ok(await researcher.request("GET", "/api/my-work"))).items;
    expect(researcherWork[0]).toMatchObject({ kind: "referral", ref: referralId, requestId: id });
    expect(researcherWork[0].dueHijri).toMatch(/هـ$/);

    await ok(await officer.request("PUT", `/api/requests/${id}/data`, { data: { monthly_income: 1500 } }));
    // A visit is recorded once it has taken place (issue 10): tomorrow in Riyadh is refused.
    const visitTomorrow = await researcher.request("POST", `/api/referrals/${referralId}/study`, {
      kind: "home_visit",
      on: "2026-03-16",
      findings: "أسرة من خمسة أفراد في منزل مستأجر",
      recommendation: "يوصى بالمساعدة الشهرية",
    });
    expect(visitTomorrow.statusCode, visitTomorrow.body).toBe(400);
    expect(visitTomorrow.json().errors[0]).toMatchObject({ path: "on", code: "date_in_future" });
    await ok(
      await researcher.request("POST", `/api/referrals/${referralId}/study`, {
        kind: "home_visit",
        on: "2026-03-15",
        findings: "أسرة من خمسة أفراد في منزل مستأجر",
        recommendation: "يوصى بالمساعدة الشهرية",
      }),
    );
    const complete = await ok(
      await researcher.request("POST", `/api/referrals/${referralId}/close`, {
        outcome: "شُرحت الإجراءات للمستفيدة",
      }),
    );
    expect(complete.state).toBe("complete");
    expect(complete.completedAt).toBe("2026-03-15T06:00:00.000Z");
    expect(complete.referrals[0].study.kind).toBe("home_visit");
    // 15 working days from Sunday 15 March 2026, skipping the weekends and the Eid al-Fitr holiday.
    expect(complete.due).toMatchObject({ status: "on_track" });
    expect(complete.due.dueDate > "2026-04-01").toBe(true);
    expect(complete.due.dueHijri).toMatch(/^1447-/);

    // Declaration by a one-time code sent to the beneficiary's e-mail.
    const started = await ok(
      await officer.request("POST", `/api/requests/${id}/declaration`, { method: "otp" }),
    );
    expect(started.sentTo).toEqual({ channel: "email", status: "queued" });
    expect(started.request.declaration.status).toBe("pending");
    const [otpRow] = await h.db.system((tx) =>
      tx
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.associationId, associationId),
            like(notifications.eventKey, `%${id}:declaration%`),
          ),
        ),
    );
    const code = /(\d{6})/.exec(otpRow!.body)![1]!;
    const wrong = await officer.request("POST", `/api/requests/${id}/declaration/verify`, {
      code: code === "000000" ? "111111" : "000000",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].message.ar).toBe("الرمز غير صحيح. بقيت ٤ محاولات.");
    const declared = await ok(
      await officer.request("POST", `/api/requests/${id}/declaration/verify`, { code }),
    );
    expect(declared.state).toBe("declared");
    expect(declared.declaration).toMatchObject({ method: "otp", status: "signed", covering: true });

    // The committee meets.
    const meeting = await ok(
      await manager.request("POST", "/api/committee-meetings", {
        committeeId: committee.id,
        heldOn: "2026-03-16",
        requestIds: [id],
      }),
      201,
    );
    const meetingId = meeting.id as string;
    expect(meeting.items[0].request.state).toBe("in_committee");
    const [m1, m2, m3] = members as [Client, Client, Client];
    const memberWork = (await ok(await m1.request("GET", "/api/my-work"))).items;
    expect(memberWork).toEqual([
      expect.objectContaining({ kind: "vote", requestId: id, meetingId, dueDate: complete.due.dueDate }),
    ]);
    // Conflicts of interest: the officer opened it; member 2 declares a relation to the beneficiary.
    const vote = (client: Client, v: string) =>
      client.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/votes`, {
        vote: v,
        note: "ملاحظة",
      });
    expect((await vote(officer, "accept")).json().code).toBe("conflict_of_interest");
    await ok(
      await m2.request("POST", "/api/conflict-declarations", {
        beneficiaryId,
        reason: "قريبة من الدرجة الثانية",
      }),
      201,
    );
    expect((await vote(m2, "reject")).statusCode).toBe(403);
    expect((await ok(await m2.request("GET", "/api/my-work"))).items).toEqual([]);
    await ok(await vote(m1, "accept"));
    const decide = (client: Client) =>
      client.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/decision`, {
        outcome: "accept",
        reasons: "استوفت المستفيدة الشروط",
        approvedAmount: 100_000,
      });
    const noQuorum = await decide(m1);
    expect(noQuorum.statusCode).toBe(409);
    expect(noQuorum.json().errors[0].message.ar).toBe("لم يكتمل النصاب: صوّت ١ من عضوين مطلوبين.");
    await ok(await vote(m3, "accept"));

    // Two members record the decision at the same moment: exactly one decision.
    const [a, b] = await Promise.all([decide(m1), decide(m3)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const accepted = await ok(await officer.request("GET", `/api/requests/${id}`));
    expect(accepted.state).toBe("accepted");
    expect(accepted.decision).toMatchObject({ outcome: "accept", approvedAmount: 100_000 });
    expect(accepted.due.status).toBe("met");

    // The beneficiary is told on her agreed channel: completion, the code, the decision.
    await h.queue.drain();
    const mails = await Promise.all(received.map((raw) => simpleParser(raw)));
    const toHind = mails.filter((m) => m.to && "text" in m.to && m.to.text === "hind@example.test");
    expect(toHind.map((m) => m.subject)).toEqual([
      `اكتمل طلبكم رقم ${opened.referenceNumber}`,
      "رمز الإقرار",
      `قرار اللجنة في طلبكم رقم ${opened.referenceNumber}`,
    ]);
    expect(toHind[0]!.text).toContain("سيُدرس الطلب ويُرد عليكم بالقبول أو الرفض في موعد أقصاه");
    expect(toHind[2]!.text).toContain("بقبول طلبكم");
    expect(toHind[2]!.text).toContain("1000.00 ريال");

    // Minutes in Arabic, approved by every member.
    const drafted = await ok(await manager.request("POST", `/api/committee-meetings/${meetingId}/minutes`));
    expect(drafted.minutes.text).toContain("محضر اجتماع لجنة البحث الاجتماعي");
    expect(drafted.minutes.text).toContain("القرار: قبول بمبلغ معتمد قدره 1000.00 ريال");
    expect(drafted.minutes.text).toContain("الأصوات: قبول 2، رفض 0، إعادة 0");
    for (const client of [officer, m1, m2]) {
      const approved = await ok(
        await client.request("POST", `/api/committee-meetings/${meetingId}/minutes/approve`),
      );
      expect(approved.minutes.approvedAt).toBeNull();
    }
    const approved = await ok(
      await m3.request("POST", `/api/committee-meetings/${meetingId}/minutes/approve`),
    );
    expect(approved.minutes.approvedAt).not.toBeNull();

    // A post-service survey follows deliveries and the closing (the surveys module reacts, S1).
    const survey = await ok(
      await manager.request("POST", "/api/surveys", {
        name: "رضا المستفيدين بعد الخدمة",
        purpose: "post_service",
        questions: [{ key: "csat", kind: "csat", text: { ar: "ما مدى رضاك عن الخدمة؟" } }],
      }),
      201,
    );
    await ok(await manager.request("POST", `/api/surveys/${survey.id}/status`, { status: "active" }));
    await ok(
      await manager.request("PUT", "/api/survey-settings", {
        postServiceSurveyId: survey.id,
        afterDelivery: true,
        afterRequestClosed: true,
        afterComplaintClosed: false,
        quietDays: 90,
        linkValidDays: 14,
        reminderAfterDays: 3,
      }),
    );

    // Deliveries within the approved amount; two at once cannot pass it.
    const deliver = (amount: number) =>
      officer.request("POST", `/api/requests/${id}/deliveries`, { kind: "cash", amount, note: "تحويل بنكي" });
    const deliveredTomorrow = await officer.request("POST", `/api/requests/${id}/deliveries`, {
      kind: "cash",
      amount: 60_000,
      deliveredOn: "2026-03-16",
    });
    expect(deliveredTomorrow.statusCode, deliveredTomorrow.body).toBe(400);
    expect(deliveredTomorrow.json().errors[0]).toMatchObject({ path: "deliveredOn", code: "date_in_future" });
    expect((await ok(await deliver(60_000))).state).toBe("delivering");
    const [d1, d2] = await Promise.all([deliver(30_000), deliver(30_000)]);
    expect([d1.statusCode, d2.statusCode].sort()).toEqual([200, 409]);
    expect([d1, d2].find((d) => d.statusCode === 409)!.json().code).toBe("exceeds_approval");
    const delivered = await ok(await officer.request("GET", `/api/requests/${id}`));
    expect(delivered.deliveredAmount).toBe(90_000);
    expect(delivered.deliveries).toHaveLength(2);
    const closed = await ok(await officer.request("POST", `/api/requests/${id}/close`));
    expect(closed.state).toBe("closed");
    // One invitation after the first delivery; the second and the closing fall in the quiet days.
    const invitations = await h.db.system((tx) =>
      tx.select().from(surveyInvitations).where(eq(surveyInvitations.beneficiaryId, beneficiaryId)),
    );
    expect(invitations.map((i) => i.trigger)).toEqual(["delivery"]);

    // It all shows on her timeline, and every step left its audit event.
    const timeline = (await ok(await officer.request("GET", `/api/beneficiaries/${beneficiaryId}/timeline`)))
      .items;
    const titles = timeline.map((t: { title: { ar: string } }) => t.title.ar);
    for (const title of [
      "فتح طلب دعم",
      "اكتمال الطلب",
      "إقرار المستفيد بصحة البيانات",
      "قبول الطلب",
      "تسليم الخدمة",
      "إغلاق الطلب",
    ])
      expect(titles).toContain(title);
    const types = await auditTypes(h, associationId);
    for (const type of [
      "service.created",
      "committee.created",
      "support_request.opened",
      "support_request.document_attached",
      "support_request.referred",
      "support_request.data_updated",
      "support_request.study_recorded",
      "support_request.referral_closed",
      "support_request.completed",
      "support_request.declaration_started",
      "support_request.declaration_failed",
      "support_request.declared",
      "committee.meeting_created",
      "support_request.scheduled",
      "committee.conflict_declared",
      "support_request.vote_recorded",
      "support_request.accepted",
      "committee.minutes_generated",
      "committee.minutes_approved",
      "support_request.delivery_recorded",
      "support_request.closed",
    ])
      expect(types, type).toContain(type);
    expect(types.filter((t) => t === "support_request.accepted")).toHaveLength(1);
    expect(types.filter((t) => t === "support_request.delivery_recorded")).toHaveLength(2);
  });

  it("a declaration by one-time code no longer covers changed data: the request goes back to complete, says what changed, and is declared again", async () => {
    const beneficiaryId = await beneficiary("عائشة بنت سعد الحربي", "aisha@example.test");
    const opened = await ok(
      await officer.request("POST", "/api/requests", {
        beneficiaryId,
        serviceId: quickServiceId,
        channel: "interview",
        data: { family_size: 4 },
      }),
      201,
    );
    const id = opened.id as string;
    const codes = new Set<string>();
    const declareByCode = async () => {
      await ok(await officer.request("POST", `/api/requests/${id}/declaration`, { method: "otp" }));
      const rows = await h.db.system((tx) =>
        tx
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.associationId, associationId),
              like(notifications.eventKey, `%${id}:declaration%`),
            ),
          ),
      );
      const fresh = rows.filter((r) => !codes.has(r.id));
      codes.add(fresh[0]!.id);
      const code = /(\d{6})/.exec(fresh[0]!.body)![1]!;
      return ok(await officer.request("POST", `/api/requests/${id}/declaration/verify`, { code }));
    };
    const declared = await declareByCode();
    expect(declared.state).toBe("declared");
    expect(declared.declaration).toMatchObject({ status: "signed", covering: true, changed: [] });

    // The family size changes after signing: the declaration no longer covers the data.
    const changed = await ok(
      await officer.request("PUT", `/api/requests/${id}/data`, { data: { family_size: 5 } }),
    );
    expect(changed.state).toBe("complete");
    expect(changed.declaration).toMatchObject({
      status: "signed",
      covering: false,
      changed: ["family_size"],
    });
    expect(await auditTypes(h, associationId)).toContain("support_request.declaration_lapsed");
    const timeline = (await ok(await officer.request("GET", `/api/beneficiaries/${beneficiaryId}/timeline`)))
      .items;
    expect(timeline.map((t: { title: { ar: string } }) => t.title.ar)).toContain(
      "تغيّرت البيانات بعد الإقرار، فلم يعد يغطيها",
    );

    // The committee refuses it while the declaration does not cover it.
    const committee = (await ok(await manager.request("GET", "/api/committees"))).items[0];
    const schedule = () =>
      manager.request("POST", "/api/committee-meetings", {
        committeeId: committee.id,
        heldOn: "2026-03-17",
        requestIds: [id],
      });
    const refused = await schedule();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].message.ar).toBe("لا يمكن العرض على اللجنة والطلب في حالة «مكتمل».");

    // Declared again on the new data (no 409), it goes before the committee.
    const again = await declareByCode();
    expect(again.state).toBe("declared");
    expect(again.declaration).toMatchObject({ status: "signed", covering: true, changed: [] });
    const meeting = await ok(await schedule(), 201);
    expect(meeting.items[0].request.state).toBe("in_committee");
  });

  it("a field cleared after signing makes the request incomplete; restored to what was declared, the declaration covers it again", async () => {
    const beneficiaryId = await beneficiary("سارة بنت فهد العنزي", "sarah@example.test");
    const id = await declaredRequest(beneficiaryId);
    const cleared = await ok(
      await officer.request("PUT", `/api/requests/${id}/data`, { data: { family_size: null } }),
    );
    expect(cleared.state).toBe("incomplete");
    expect(cleared.declaration).toMatchObject({ covering: false, changed: ["family_size"] });
    const restored = await ok(
      await officer.request("PUT", `/api/requests/${id}/data`, { data: { family_size: 4 } }),
    );
    // The same data as declared: the declaration covers it again, but the request declares anew.
    expect(restored.state).toBe("complete");
    expect(restored.declaration.covering).toBe(true);
    const signature = await upload(officer, "signature-again.pdf");
    const declared = await ok(
      await officer.request("POST", `/api/requests/${id}/declaration`, {
        method: "on_screen",
        fileId: signature,
      }),
    );
    expect(declared.request.state).toBe("declared");
  });

  it("a request left declared over changed data (before the state followed the fingerprint) can be declared again", async () => {
    const beneficiaryId = await beneficiary("هيا بنت مبارك الدوسري", "haya@example.test");
    const id = await declaredRequest(beneficiaryId);
    // As a change saved before issue 11 left it: the data moved, the state did not.
    await h.db.system((tx) =>
      tx
        .update(supportRequests)
        .set({ data: { family_size: 7 } })
        .where(eq(supportRequests.id, id)),
    );
    const stuck = await ok(await officer.request("GET", `/api/requests/${id}`));
    expect(stuck.state).toBe("declared");
    expect(stuck.declaration).toMatchObject({ covering: false, changed: ["family_size"] });
    const signature = await upload(officer, "signature-legacy.pdf");
    const declared = await ok(
      await officer.request("POST", `/api/requests/${id}/declaration`, {
        method: "on_screen",
        fileId: signature,
      }),
    );
    expect(declared.request.state).toBe("declared");
    expect(declared.request.declaration).toMatchObject({ covering: true, changed: [] });
    expect(await auditTypes(h, associationId)).toContain("support_request.declaration_lapsed");
  });

  it("cancelling requires a reason, and keeps it on the request and in the beneficiary's history", async () => {
    const beneficiaryId = await beneficiary("أمل بنت ناصر الغامدي", "amal@example.test");
    const id = await declaredRequest(beneficiaryId);
    const blank = await officer.request("POST", `/api/requests/${id}/cancel`, { reason: "   " });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe("reason");
    expect((await ok(await officer.request("GET", `/api/requests/${id}`))).state).toBe("declared");
    const cancelled = await ok(
      await officer.request("POST", `/api/requests/${id}/cancel`, { reason: "انتقلت الأسرة إلى مدينة أخرى" }),
    );
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.cancellation).toMatchObject({ reason: "انتقلت الأسرة إلى مدينة أخرى" });
    const read = await ok(await manager.request("GET", `/api/requests/${id}`));
    expect(read.cancellation.reason).toBe("انتقلت الأسرة إلى مدينة أخرى");
    const timeline = (await ok(await officer.request("GET", `/api/beneficiaries/${beneficiaryId}/timeline`)))
      .items;
    expect(timeline.find((t: { kind: string }) => t.kind === "support_request.cancelled")).toMatchObject({
      detail: "انتقلت الأسرة إلى مدينة أخرى",
    });
  });

  it("lists meetings, records attendance and recusals, refuses a conflicted member's vote, and dates the minutes when drafted", async () => {
    const beneficiaryId = await beneficiary("نورة بنت سالم المطيري", "noura@example.test");
    const id = await declaredRequest(beneficiaryId);
    const committee = (await ok(await manager.request("GET", "/api/committees"))).items[0];
    const meeting = await ok(
      await manager.request("POST", "/api/committee-meetings", {
        committeeId: committee.id,
        heldOn: "2026-03-12",
        requestIds: [id],
      }),
      201,
    );
    const meetingId = meeting.id as string;
    const [m1, m2, m3] = members as [Client, Client, Client];
    expect(meeting.attendance.every((a: { present: boolean | null }) => a.present === null)).toBe(true);

    // Member 2 declares a relation to the beneficiary: recused, and the server refuses her vote.
    await ok(
      await m2.request("POST", "/api/conflict-declarations", { beneficiaryId, reason: "ابنة عمّها" }),
      201,
    );
    const refused = await m2.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/votes`, {
      vote: "accept",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("conflict_of_interest");
    const seen = await ok(await manager.request("GET", `/api/committee-meetings/${meetingId}`));
    // Test users' names carry a suffix: read them back by what they start with.
    const name = (start: string) =>
      seen.committee.members.find((m: { fullName: string }) => m.fullName.startsWith(start))
        .fullName as string;
    const [n1, n2, n3, nOfficer] = [
      name("عضو اللجنة 1"),
      name("عضو اللجنة 2"),
      name("عضو اللجنة 3"),
      name("موظف"),
    ];
    expect(
      seen.items[0].recusals.map((r: { member: { fullName: string }; kind: string }) => [
        r.member.fullName,
        r.kind,
      ]),
    ).toEqual([
      [n2, "conflict_declared"],
      [nOfficer, "opened_request"],
    ]);
    expect(seen.items[0].recusals[0].reason).toBe("ابنة عمّها");

    // Attendance: a non-member is refused and nothing changes; then members 1 and 3 are present.
    const stranger = await manager.request("PUT", `/api/committee-meetings/${meetingId}/attendance`, {
      presentMemberIds: [researcherId],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0]).toMatchObject({ path: "presentMemberIds.0", code: "not_a_member" });
    const m1Id = memberIds[1]!;
    const m3Id = memberIds[3]!;
    const attended = await ok(
      await manager.request("PUT", `/api/committee-meetings/${meetingId}/attendance`, {
        presentMemberIds: [m1Id, m3Id],
      }),
    );
    expect(
      attended.attendance.map((a: { member: { fullName: string }; present: boolean }) => [
        a.member.fullName,
        a.present,
      ]),
    ).toEqual([
      [n1, true],
      [n2, false],
      [n3, true],
      [nOfficer, false],
    ]);
    expect(await auditTypes(h, associationId)).toContain("committee.attendance_recorded");

    // A member recorded absent does not vote, whatever else is true of them.
    const absentVote = await m2.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/votes`, {
      vote: "accept",
    });
    expect(absentVote.statusCode).toBe(409);
    expect(absentVote.json().errors[0].message.ar).toContain("غائبًا");

    for (const m of [m1, m3])
      await ok(
        await m.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/votes`, { vote: "accept" }),
      );
    await ok(
      await m1.request("POST", `/api/committee-meetings/${meetingId}/items/${id}/decision`, {
        outcome: "accept",
        reasons: "استوفت الشروط",
        approvedAmount: 50_000,
      }),
    );
    const drafted = await ok(await manager.request("POST", `/api/committee-meetings/${meetingId}/minutes`));
    const text = drafted.minutes.text as string;
    // Held on the 12th, drafted on the 15th: the minutes carry the day they were drafted.
    expect(drafted.minutes.generatedAt).toBe("2026-03-15T06:00:00.000Z");
    expect(text).toContain("حُرّر هذا المحضر بتاريخ");
    expect(text).toMatch(/حُرّر هذا المحضر بتاريخ .* الموافق 15 مارس 2026م/);
    expect(text).toMatch(/المنعقد بتاريخ .* الموافق 12 مارس 2026م/);
    expect(text).toContain(`الحاضرون: ${n1}، ${n3}`);
    expect(text).toContain(`الغائبون: ${n2}، ${nOfficer}`);
    expect(text).toContain(`تنحّى ${n2} عن التصويت لتعارض المصالح المُفصَح عنه`);
    expect(text).toContain(`لم يصوّت ${nOfficer} لأنه فتح الطلب`);

    // The meetings list: date, committee, requests, status; closed to roles outside the committee.
    const list = (await ok(await m1.request("GET", "/api/committee-meetings"))).items;
    expect(list.find((m: { id: string }) => m.id === meetingId)).toMatchObject({
      heldOn: "2026-03-12",
      committee: { nameAr: "لجنة البحث الاجتماعي" },
      requests: 1,
      decided: 1,
      status: "minutes_drafted",
    });
    expect((await researcher.request("GET", "/api/committee-meetings")).statusCode).toBe(403);
  });

  it("keeps only a hash of the code, allows five tries, and lets a code expire after ten minutes", async () => {
    const beneficiaryId = await beneficiary("نوال بنت خالد السبيعي", "nawal@example.test");
    const opened = await ok(
      await officer.request("POST", "/api/requests", {
        beneficiaryId,
        serviceId: quickServiceId,
        channel: "interview",
        data: { family_size: 2 },
      }),
      201,
    );
    const id = opened.id as string;
    const seen = new Set<string>();
    const codeSent = async () => {
      await ok(await officer.request("POST", `/api/requests/${id}/declaration`, { method: "otp" }));
      const rows = await h.db.system((tx) =>
        tx
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.associationId, associationId),
              like(notifications.eventKey, `%${id}:declaration%`),
            ),
          ),
      );
      // Each code has its own event key; the newest row is the one just sent.
      const fresh = rows.filter((r) => !seen.has(r.id));
      expect(fresh).toHaveLength(1);
      seen.add(fresh[0]!.id);
      return /(\d{6})/.exec(fresh[0]!.body)![1]!;
    };
    const verify = (code: string) =>
      officer.request("POST", `/api/requests/${id}/declaration/verify`, { code });
    const code = await codeSent();
    const stored = await h.db.system((tx) => tx.query.declarations.findMany());
    expect(stored.some((d) => d.otpHash?.includes(code))).toBe(false);
    const wrong = code === "999999" ? "888888" : "999999";
    for (let i = 0; i < 4; i++) expect((await verify(wrong)).json().errors[0].code).toBe("otp_wrong_code");
    const fifth = await verify(wrong);
    expect(fifth.json().errors[0].message.ar).toContain("استُنفدت المحاولات");
    expect((await verify(code)).statusCode).toBe(409); // no code is waiting any more

    const second = await codeSent();
    h.clock.advance(10 * 60_000 + 1000);
    const late = await verify(second);
    expect(late.json().errors[0]).toMatchObject({ code: "otp_expired" });
    h.clock.advance(-(10 * 60_000 + 1000));
    const third = await codeSent();
    expect((await ok(await verify(third))).declaration).toMatchObject({ status: "signed", covering: true });
  });

  it("refuses illegal moves with an Arabic message and a stable code", async () => {
    const beneficiaryId = await beneficiary("لطيفة بنت محمد القرني", "latifa@example.test");
    const id = await declaredRequest(beneficiaryId);
    const deliver = await officer.request("POST", `/api/requests/${id}/deliveries`, {
      kind: "cash",
      amount: 100,
    });
    expect(deliver.statusCode).toBe(409);
    expect(deliver.json()).toMatchObject({ code: "invalid_transition", status: 409 });
    expect(deliver.json().errors[0].message.ar).toBe("لا يمكن تسليم الخدمة والطلب في حالة «مُقَرّ».");
    const close = await officer.request("POST", `/api/requests/${id}/close`);
    expect(close.json().code).toBe("invalid_transition");
    await ok(
      await officer.request("POST", `/api/requests/${id}/cancel`, { reason: "طلبت المستفيدة الإلغاء" }),
    );
    const after = await officer.request("PUT", `/api/requests/${id}/data`, { data: { family_size: 2 } });
    expect(after.statusCode).toBe(409);
    expect((await auditTypes(h, associationId)).includes("support_request.cancelled")).toBe(true);
  });

  it("returns a request for more information, which then needs completing again", async () => {
    const beneficiaryId = await beneficiary("منى بنت علي الزهراني", "mona@example.test");
    const id = await declaredRequest(beneficiaryId);
    const committee = (await ok(await manager.request("GET", "/api/committees"))).items[0];
    const meeting = await ok(
      await manager.request("POST", "/api/committee-meetings", {
        committeeId: committee.id,
        heldOn: "2026-03-17",
        requestIds: [id],
      }),
      201,
    );
    const [m1, m2] = members as [Client, Client];
    for (const m of [m1, members[2]!])
      await ok(
        await m.request("POST", `/api/committee-meetings/${meeting.id}/items/${id}/votes`, {
          vote: "return",
        }),
      );
    const decided = await ok(
      await m1.request("POST", `/api/committee-meetings/${meeting.id}/items/${id}/decision`, {
        outcome: "return",
        reasons: "يلزم صك الإعالة",
      }),
    );
    expect(decided.items[0].decision).toBe("return");
    const returned = await ok(await officer.request("GET", `/api/requests/${id}`));
    expect(returned.state).toBe("incomplete");
    expect(returned.due).toBeNull();
    expect(m2).toBeDefined();
    expect(await auditTypes(h, associationId)).toContain("support_request.returned");
  });

  it("warns before the deadline, escalates a breach to the manager, and reports compliance", async () => {
    const beneficiaryId = await beneficiary("سلوى بنت ناصر العنزي", "salwa@example.test");
    const opened = await ok(
      await officer.request("POST", "/api/requests", {
        beneficiaryId,
        serviceId: quickServiceId,
        channel: "website",
        data: { family_size: 3 },
      }),
      201,
    );
    const [row] = await h.db.system((tx) =>
      tx.select().from(supportRequests).where(eq(supportRequests.id, opened.id)),
    );
    const before = (await ok(await manager.request("GET", "/api/reports/response-compliance"))).pending;

    // Days pass: sessions end, so the staff sign in again.
    const later = async (at: Date) => {
      h.clock.set(at);
      await h.queue.drain();
      officer = await signIn(h, officerEmail);
      manager = await signIn(h, managerEmail);
    };
    await later(new Date(row!.warnAt!.getTime() + 1000));
    const officerWork = (await ok(await officer.request("GET", "/api/my-work"))).items;
    expect(officerWork).toContainEqual(
      expect.objectContaining({
        kind: "deadline_warning",
        requestId: opened.id,
        dueDate: opened.due.dueDate,
      }),
    );
    const list = (await ok(await officer.request("GET", `/api/requests?beneficiaryId=${beneficiaryId}`)))
      .items;
    expect(list[0].due.status).toBe("warning");

    await later(new Date(row!.dueAt!.getTime() + 1000));
    const managerWork = (await ok(await manager.request("GET", "/api/my-work"))).items;
    expect(managerWork).toContainEqual(
      expect.objectContaining({ kind: "deadline_breach", requestId: opened.id, dueDate: opened.due.dueDate }),
    );
    const types = await auditTypes(h, associationId);
    expect(types).toContain("support_request.deadline_warning");
    expect(types).toContain("support_request.deadline_breached");
    const report = await ok(await manager.request("GET", "/api/reports/response-compliance"));
    expect(report.overdue).toBeGreaterThanOrEqual(1);
    expect(report.answeredInTime).toBeGreaterThanOrEqual(1);
    expect(report.shareInTime).toBeGreaterThan(0);
    expect(report.shareInTime).toBeLessThan(1);
    expect(before).toBeGreaterThanOrEqual(1);
    expect((await officer.request("GET", "/api/reports/response-compliance")).statusCode).toBe(403);
  });
});
