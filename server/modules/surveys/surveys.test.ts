import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SaveSurveyRequest } from "../../../shared/contracts/surveys.js";
import { notifications, surveyAnswers, surveyInvitations, surveyVersions } from "../../db/schema.js";
import {
  auditTypes,
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import type { Transports } from "../notifications/notifications.service.js";
import type { OutgoingMessage } from "../notifications/transports.js";

/**
 * Satisfaction surveys (SPEC S1, G6; issue 12; ADR 0027): a survey is built and versioned, an
 * invitation follows a service when nothing holds it back, the person answers once on a small
 * Arabic page without an account, the answer is kept with no path back to them, staff ratings show
 * only over five answers, one reminder goes, and a follow-up exists only when the person allowed it.
 */
let h: Harness;
let associationId: string;
let manager: Client;
let admin: Client;
let officer: Client;
let board: Client;
let committee: Client;
let staffer: Client;
let otherManager: Client;
let officerId: string;
let stafferId: string;
let postServiceId: string;
let periodicId: string;
let people = 0;

const sent: OutgoingMessage[] = [];
const transport = {
  name: "test",
  async send(m: OutgoingMessage) {
    sent.push(m);
    return { providerId: "t" };
  },
};
const transports: Transports = { email: transport, sms: transport };

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: { statusCode: number; body: string; json(): any }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function register(extra: Record<string, unknown> = {}) {
  people++;
  return (
    await ok(
      await officer.request("POST", "/api/beneficiaries", {
        fullName: `مستفيدة الاستبانة رقم ${people} آل سالم`,
        gender: "female",
        lawfulBasis: "service_request",
        email: `survey${people}@example.test`,
        preferredChannel: "email",
        confirmNotDuplicate: true,
        ...extra,
      }),
      201,
    )
  ).id as string;
}

/** A service given through the module event itself (as the requests service announces it). */
async function delivered(beneficiaryId: string, staffId = stafferId) {
  const actor = { userId: staffId, associationId, roles: ["officer" as const], sessionId: "", requestId: "" };
  return h.db.tenant(associationId, (tx) =>
    h.modules.surveys.invitations.afterDelivery(tx, {
      associationId,
      subjectId: crypto.randomUUID(),
      beneficiaryId,
      staffId,
      actor,
    }),
  );
}

async function invitationsOf(beneficiaryId: string) {
  return h.db.system((tx) =>
    tx.select().from(surveyInvitations).where(sql`${surveyInvitations.beneficiaryId} = ${beneficiaryId}`),
  );
}

/** The personal link the person received (the link is only in their message). */
async function tokenOf(beneficiaryId: string): Promise<string> {
  const rows = await h.db.system((tx) =>
    tx
      .select({ body: notifications.body, key: notifications.eventKey })
      .from(notifications)
      .where(
        sql`${notifications.beneficiaryId} = ${beneficiaryId} and ${notifications.eventKey} like 'survey_invitation:%:invite'`,
      )
      .orderBy(sql`${notifications.createdAt} desc`),
  );
  const match = /https:\/\/silah\.example\/s\/([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? "");
  expect(match, "the invitation carries its link").not.toBeNull();
  return match![1]!;
}

const page = (method: "GET" | "POST", url: string, form?: string) =>
  h.app.inject({
    method,
    url,
    ...(form !== undefined
      ? {
          payload: form,
          headers: { "content-type": "application/x-www-form-urlencoded", host: "silah.example" },
        }
      : {}),
  });

const publicJson = (method: "GET" | "POST", token: string, body?: unknown) =>
  h.app.inject({ method, url: `/api/public/surveys/${token}`, ...(body ? { payload: body as object } : {}) });

beforeAll(async () => {
  h = await createHarness({ SILAH_PUBLIC_URL: "https://silah.example" }, { transports });
  // Thursday 16 April 2026, 09:00 in Riyadh.
  h.clock.set("2026-04-16T06:00:00.000Z");
  const a = await createAssociation(h, "surveys-a");
  associationId = a.id;
  manager = await signIn(h, (await createUser(h, a.id, ["manager"], "مديرة الجمعية")).email);
  admin = await signIn(h, (await createUser(h, a.id, ["administrator"])).email);
  const officerUser = await createUser(h, a.id, ["officer"], "موظفة الاستقبال");
  officerId = officerUser.id;
  officer = await signIn(h, officerUser.email);
  board = await signIn(h, (await createUser(h, a.id, ["board_member"])).email);
  committee = await signIn(h, (await createUser(h, a.id, ["followup_committee_member"])).email);
  const stafferUser = await createUser(h, a.id, ["officer"], "موظف التسليم");
  stafferId = stafferUser.id;
  staffer = await signIn(h, stafferUser.email);
  const b = await createAssociation(h, "surveys-b");
  otherManager = await signIn(h, (await createUser(h, b.id, ["manager"])).email);
});
afterAll(() => h.close());

const simple: SaveSurveyRequest = {
  name: "استبانة تجريبية",
  purpose: "periodic",
  questions: [{ key: "csat", kind: "csat", text: { ar: "ما مدى رضاك؟" }, required: true }],
};

describe("the builder", () => {
  it("lets management and the administrator build; an officer and the board may not", async () => {
    expect((await officer.request("POST", "/api/surveys", simple)).statusCode).toBe(403);
    expect((await board.request("POST", "/api/surveys", simple)).statusCode).toBe(403);
    expect((await officer.request("GET", "/api/surveys")).statusCode).toBe(403);
    const created = await ok(await admin.request("POST", "/api/surveys", simple), 201);
    expect(created).toMatchObject({ status: "draft", currentVersion: 1, answers: 0 });
  });

  it("refuses bad questions with a code each, and saves nothing", async () => {
    const before = (await ok(await manager.request("GET", "/api/surveys"))).items.length;
    const response = await manager.request("POST", "/api/surveys", {
      name: "استبانة خاطئة",
      purpose: "periodic",
      questions: [
        { key: "a", kind: "single_choice", text: { ar: "اختر" }, options: [{ key: "x", text: { ar: "س" } }] },
        { key: "a", kind: "csat", text: { ar: "رضا" }, options: [{ key: "y", text: { ar: "ص" } }] },
        {
          key: "b",
          kind: "multiple_choice",
          text: { ar: "اختر" },
          options: [
            { key: "x", text: { ar: "س" } },
            { key: "x", text: { ar: "ص" } },
          ],
        },
        { key: "c", kind: "text", text: { ar: "لماذا؟" }, showIf: { questionKey: "d", anyOf: ["1"] } },
        { key: "d", kind: "csat", text: { ar: "رضا" } },
        { key: "e", kind: "text", text: { ar: "لماذا؟" }, showIf: { questionKey: "d", anyOf: ["9"] } },
        { key: "f", kind: "nps", aboutStaff: true, text: { ar: "توصية" } },
      ],
    });
    expect(response.statusCode).toBe(400);
    const codes = response.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        "questions.0.options:options_count",
        "questions.1.key:duplicate_question_key",
        "questions.1.options:options_not_allowed",
        "questions.2.options.1.key:duplicate_option_key",
        "questions.3.showIf.questionKey:show_if_not_earlier",
        "questions.5.showIf.anyOf.0:show_if_value",
        "questions.6.aboutStaff:about_staff_kind",
      ]),
    );
    expect((await ok(await manager.request("GET", "/api/surveys"))).items.length).toBe(before);
  });

  it("offers a post-service survey and a periodic questionnaire as templates", async () => {
    const { items } = await ok(await manager.request("GET", "/api/survey-templates"));
    expect(items.map((t: { code: string }) => t.code)).toEqual(["post_service", "periodic"]);
    const periodic = items[1].survey;
    expect(periodic.questions.map((q: { kind: string }) => q.kind)).toEqual(
      expect.arrayContaining(["csat", "nps", "likert", "single_choice", "text"]),
    );
    expect(periodic.questions.some((q: { aboutStaff: boolean }) => q.aboutStaff)).toBe(true);
    const wrong = periodic.questions.find((q: { key: string }) => q.key === "what_went_wrong");
    expect(wrong.showIf).toEqual({ questionKey: "csat", anyOf: ["1", "2"] });

    postServiceId = (await ok(await manager.request("POST", "/api/surveys", items[0].survey), 201)).id;
    periodicId = (await ok(await manager.request("POST", "/api/surveys", periodic), 201)).id;
    for (const id of [postServiceId, periodicId])
      await ok(await manager.request("POST", `/api/surveys/${id}/status`, { status: "active" }));
  });
});

describe("settings and post-service invitations", () => {
  it("starts with everything off, quiet 90 days, links for 14, a reminder after 3", async () => {
    expect(await ok(await manager.request("GET", "/api/survey-settings"))).toEqual({
      postServiceSurveyId: null,
      afterDelivery: false,
      afterRequestClosed: false,
      afterComplaintClosed: false,
      quietDays: 90,
      linkValidDays: 14,
      reminderAfterDays: 3,
    });
  });

  it("invites nobody while the trigger is off", async () => {
    const person = await register();
    expect(await delivered(person)).toEqual({});
    expect(await invitationsOf(person)).toEqual([]);
  });

  it("refuses a periodic survey as the post-service one", async () => {
    const response = await manager.request("PUT", "/api/survey-settings", {
      postServiceSurveyId: periodicId,
      afterDelivery: true,
      afterRequestClosed: false,
      afterComplaintClosed: true,
      quietDays: 90,
      linkValidDays: 14,
      reminderAfterDays: 3,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].code).toBe("not_post_service");
  });

  it("invites after a closed complaint, with a hashed personal link sent on the agreed channel", async () => {
    await ok(
      await manager.request("PUT", "/api/survey-settings", {
        postServiceSurveyId: postServiceId,
        afterDelivery: true,
        afterRequestClosed: true,
        afterComplaintClosed: true,
        quietDays: 90,
        linkValidDays: 14,
        reminderAfterDays: 3,
      }),
    );
    const person = await register();
    const receipt = await ok(
      await manager.request("POST", "/api/complaints", {
        channel: "phone",
        beneficiaryId: person,
        category: "service",
        subject: "تأخر التسليم",
        details: "تأخر تسليم السلة الغذائية أسبوعين.",
      }),
      201,
    );
    const complaint = (await ok(await manager.request("GET", "/api/complaints?status=all"))).items.find(
      (c: { referenceNumber: string }) => c.referenceNumber === receipt.referenceNumber,
    );
    await ok(
      await manager.request("POST", `/api/complaints/${complaint.id}/close`, {
        outcome: "resolved",
        note: "سُلّمت السلة واعتذرنا.",
      }),
    );
    const [invitation] = await invitationsOf(person);
    expect(invitation).toMatchObject({ trigger: "complaint_closed", answered: false, reminded: false });
    const token = await tokenOf(person);
    // Only a keyed hash of the token is stored.
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation!.expiresAt.getTime() - invitation!.invitedAt.getTime()).toBe(14 * 86_400_000);
  });

  it("holds back, counted by reason: opted out, recently invited, unreachable", async () => {
    const before = await ok(await manager.request("GET", "/api/surveys/post-service-counts"));
    const optedOut = await register();
    await ok(
      await officer.request("PUT", `/api/beneficiaries/${optedOut}/survey-preference`, { optedOut: true }),
    );
    expect(
      await ok(await officer.request("GET", `/api/beneficiaries/${optedOut}/survey-preference`)),
    ).toMatchObject({
      optedOut: true,
    });
    await delivered(optedOut);
    const twice = await register();
    await delivered(twice);
    await delivered(twice);
    const byPhone = await register({ email: undefined, phones: ["0551234567"], preferredChannel: "phone" });
    await delivered(byPhone);
    expect(await invitationsOf(optedOut)).toEqual([]);
    expect(await invitationsOf(twice)).toHaveLength(1);
    expect(await invitationsOf(byPhone)).toEqual([]);
    const after = await ok(await manager.request("GET", "/api/surveys/post-service-counts"));
    expect(after.heldBack).toEqual({
      optedOut: before.heldBack.optedOut + 1,
      recentlySurveyed: before.heldBack.recentlySurveyed + 1,
      unreachable: before.heldBack.unreachable + 1,
    });
    expect(after.invited).toBe(before.invited + 1);
  });

  it("invites the same person again once the quiet days have passed", async () => {
    const person = await register();
    await delivered(person);
    h.clock.advance(91 * 86_400_000);
    await delivered(person);
    expect(await invitationsOf(person)).toHaveLength(2);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });
});

describe("answering on the public page", () => {
  let person: string;
  let token: string;

  it("serves a small accessible Arabic page without an account, under its own CSP", async () => {
    person = await register();
    await delivered(person);
    token = await tokenOf(person);
    const response = await page("GET", `/s/${token}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/html");
    const html = response.body;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain("<fieldset");
    expect(html).toContain("<legend>");
    expect(html).toMatch(
      /<label for="q0-0"><input type="radio" id="q0-0" name="q_csat" value="1"[^>]*>1<\/label>/,
    );
    expect(html).toContain("لا أرغب في الاستبانات");
    expect(html).toContain("هل تسمح للجمعية بالتواصل معك");
    expect(html).toContain("data-show-if");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("script-src-attr 'none'");
    const bytes = Buffer.byteLength(html);
    console.info(`survey page: ${bytes} bytes`);
    expect(bytes).toBeLessThan(50 * 1024);
    const json = await ok(await publicJson("GET", token));
    expect(json).toMatchObject({ name: "استبانة رضا بعد الخدمة" });
  });

  it("refuses a bad answer naming the question, and keeps nothing", async () => {
    const response = await page("POST", `/s/${token}`, "q_csat=9&q_nps=7&allowContact=1");
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("الإجابة غير صالحة لهذا السؤال.");
    // The page keeps what was sent: the person corrects one answer, not the whole form.
    expect(response.body).toMatch(/name="q_nps" value="7" checked/);
    expect(response.body).toMatch(/name="allowContact" value="1" checked/);
    expect((await invitationsOf(person))[0]!.answered).toBe(false);
  });

  it("keeps one answer; a second gets a clear Arabic page (409)", async () => {
    const form = new URLSearchParams({
      q_csat: "1",
      q_staff: "2",
      q_what_went_wrong: "انتظرت طويلاً ولم يتصل بي أحد",
      q_nps: "3",
      allowContact: "1",
    }).toString();
    const response = await page("POST", `/s/${token}`, form);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).toContain("شكرًا لك");
    const again = await page("POST", `/s/${token}`, form);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("سبق إرسال الإجابة");
    const json = await publicJson("POST", token, { answers: { csat: 5 } });
    expect(json.statusCode).toBe(409);
    expect(json.json().errors[0].code).toBe("already_answered");
    expect((await page("GET", `/s/${token}`)).statusCode).toBe(409);
    expect((await invitationsOf(person))[0]!.answered).toBe(true);
  });

  it("made a follow-up with the person, a copy of the lowest score and the text — the permission given", async () => {
    const { items } = await ok(await committee.request("GET", "/api/survey-follow-ups"));
    const mine = items.find((f: { beneficiary: { id: string } | null }) => f.beneficiary?.id === person);
    expect(mine).toMatchObject({
      status: "open",
      lowestScore: { kind: "csat", value: 1 },
      text: "انتظرت طويلاً ولم يتصل بي أحد",
    });
    expect((await officer.request("GET", "/api/survey-follow-ups")).statusCode).toBe(403);
  });

  it("makes no follow-up without permission, even for the lowest score", async () => {
    const before = (await ok(await committee.request("GET", "/api/survey-follow-ups"))).items.length;
    const other = await register();
    await delivered(other);
    await ok(
      await publicJson("POST", await tokenOf(other), { answers: { csat: 1, what_went_wrong: "سيئ جدًا" } }),
      201,
    );
    expect((await ok(await committee.request("GET", "/api/survey-follow-ups"))).items.length).toBe(before);
  });

  it("answers an unknown or expired link with the same Arabic page", async () => {
    const unknown = await page("GET", `/s/${"x".repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("هذا الرابط لم يعد صالحًا");
    const late = await register();
    await delivered(late);
    const lateToken = await tokenOf(late);
    h.clock.advance(15 * 86_400_000);
    const expired = await page("GET", `/s/${lateToken}`);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).toBe(unknown.body);
    expect((await publicJson("POST", lateToken, { answers: { csat: 4 } })).statusCode).toBe(404);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });

  it("lets the person opt out from the page; nobody invites them again", async () => {
    const person2 = await register();
    await delivered(person2);
    const t = await tokenOf(person2);
    const response = await page("POST", `/s/${t}/opt-out`, "");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain("لن نرسل إليك استبانات");
    expect(
      await ok(await officer.request("GET", `/api/beneficiaries/${person2}/survey-preference`)),
    ).toMatchObject({
      optedOut: true,
    });
    h.clock.advance(100 * 86_400_000);
    await delivered(person2);
    expect(await invitationsOf(person2)).toHaveLength(1);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });

  it("refuses a form posted from another site", async () => {
    const response = await h.app.inject({
      method: "POST",
      url: `/s/${token}`,
      payload: "q_csat=5",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        host: "silah.example",
        origin: "https://elsewhere.example",
      },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("anonymity (ADR 0027)", () => {
  const answerTables = ["survey_answers", "survey_staff_ratings", "survey_rollups"];

  it("has no column path from an answer to an invitation, a person or a token, and no instant", async () => {
    const columns = (
      (await h.db.system((tx) =>
        tx.execute(sql`select table_name::text as t, column_name::text as c, data_type::text as type
          from information_schema.columns where table_schema = 'public'
          and table_name in ('survey_answers', 'survey_staff_ratings', 'survey_rollups')`),
      )) as unknown as { rows: { t: string; c: string; type: string }[] }
    ).rows;
    expect(new Set(columns.map((c) => c.t))).toEqual(new Set(answerTables));
    expect(columns.filter((c) => /invitation|beneficiar|person|token|respondent|user/.test(c.c))).toEqual([]);
    expect(columns.filter((c) => /timestamp|time|interval/.test(c.type))).toEqual([]);
    expect(
      columns
        .filter((c) => c.t === "survey_answers")
        .map((c) => c.c)
        .sort(),
    ).toEqual(["answered_on", "answers", "association_id", "id", "survey_id", "version"].sort());
    const keys = (
      (await h.db.system((tx) =>
        tx.execute(sql`select conrelid::regclass::text as t, confrelid::regclass::text as target
          from pg_constraint where contype = 'f'
          and conrelid::regclass::text in ('survey_answers', 'survey_staff_ratings', 'survey_rollups')`),
      )) as unknown as { rows: { t: string; target: string }[] }
    ).rows;
    expect(
      keys.map((k) => k.target).filter((t) => !["associations", "surveys", "users"].includes(t)),
    ).toEqual([]);
    // The only `users` key is the employee a monthly rating is about, never the respondent.
    expect(keys.filter((k) => k.target === "users").map((k) => k.t)).toEqual(["survey_staff_ratings"]);
    // And the invitation learns only that it was answered: no time.
    const invitationColumns = (
      (await h.db.system((tx) =>
        tx.execute(sql`select column_name::text as c from information_schema.columns
          where table_schema = 'public' and table_name = 'survey_invitations'`),
      )) as unknown as { rows: { c: string }[] }
    ).rows.map((r) => r.c);
    expect(invitationColumns.filter((c) => c.startsWith("answered"))).toEqual(["answered"]);
  });

  it("stores an answer as its survey, version, Riyadh day and answers only", async () => {
    const rows = await h.db.system((tx) => tx.select().from(surveyAnswers).limit(5));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        "answeredOn",
        "answers",
        "associationId",
        "id",
        "surveyId",
        "version",
      ]);
      expect(row.answeredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe("versions", () => {
  it("rewrites an unanswered version but starts a new one once answered, the answered questions unchanged", async () => {
    const survey = await ok(
      await manager.request("POST", "/api/surveys", { ...simple, purpose: "post_service" }),
      201,
    );
    const rewritten = await ok(
      await manager.request("PUT", `/api/surveys/${survey.id}`, {
        ...simple,
        purpose: "post_service",
        name: "استبانة معدلة",
      }),
    );
    expect(rewritten).toMatchObject({ currentVersion: 1, name: "استبانة معدلة", history: [] });
    await ok(await manager.request("POST", `/api/surveys/${survey.id}/status`, { status: "active" }));
    const settings = await ok(await manager.request("GET", "/api/survey-settings"));
    await ok(
      await manager.request("PUT", "/api/survey-settings", { ...settings, postServiceSurveyId: survey.id }),
    );
    const person = await register();
    await delivered(person);
    await ok(await publicJson("POST", await tokenOf(person), { answers: { csat: 4 } }), 201);
    const changed = await ok(
      await manager.request("PUT", `/api/surveys/${survey.id}`, {
        ...simple,
        purpose: "post_service",
        name: "استبانة معدلة",
        questions: [...simple.questions, { key: "nps", kind: "nps", text: { ar: "هل توصي بنا؟" } }],
      }),
    );
    expect(changed.currentVersion).toBe(2);
    expect(changed.current.questions).toHaveLength(2);
    expect(changed.history).toEqual([expect.objectContaining({ version: 1, answers: 1 })]);
    const [v1] = await h.db.system((tx) =>
      tx
        .select()
        .from(surveyVersions)
        .where(sql`${surveyVersions.surveyId} = ${survey.id} and ${surveyVersions.version} = 1`),
    );
    expect(v1!.questions).toHaveLength(1);
    await ok(
      await manager.request("PUT", "/api/survey-settings", {
        ...settings,
        postServiceSurveyId: postServiceId,
      }),
    );
  });
});

describe("the one reminder", () => {
  it("goes once to an unanswered, unexpired invitation after reminderAfterDays", async () => {
    const person = await register();
    await delivered(person);
    const reminders = () =>
      h.db.system((tx) =>
        tx
          .select()
          .from(notifications)
          .where(
            sql`${notifications.beneficiaryId} = ${person} and ${notifications.eventKey} like 'survey_invitation:%:reminder'`,
          ),
      );
    await h.queue.drain();
    expect(await reminders()).toHaveLength(0);
    h.clock.advance(3 * 86_400_000 + 1000);
    await h.queue.drain();
    expect(await reminders()).toHaveLength(1);
    expect((await invitationsOf(person))[0]!.reminded).toBe(true);
    h.clock.advance(3 * 86_400_000);
    await h.queue.drain();
    expect(await reminders()).toHaveLength(1);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });

  it("never goes after the answer", async () => {
    const person = await register();
    await delivered(person);
    await ok(await publicJson("POST", await tokenOf(person), { answers: { csat: 5 } }), 201);
    h.clock.advance(4 * 86_400_000);
    await h.queue.drain();
    expect((await invitationsOf(person))[0]!.reminded).toBe(false);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });

  it("never goes after the link expired", async () => {
    const settings = await ok(await manager.request("GET", "/api/survey-settings"));
    await ok(await manager.request("PUT", "/api/survey-settings", { ...settings, linkValidDays: 4 }));
    const person = await register();
    await delivered(person);
    await ok(await manager.request("PUT", "/api/survey-settings", settings));
    h.clock.advance(5 * 86_400_000);
    await h.queue.drain();
    expect((await invitationsOf(person))[0]!.reminded).toBe(false);
    h.clock.set("2026-04-16T06:00:00.000Z");
  });
});

describe("ratings about staff", () => {
  it("are withheld under five answers and shown from five, to the employee and as an aggregate", async () => {
    const answerFor = async (score: number) => {
      const person = await register();
      await delivered(person, officerId);
      await ok(await publicJson("POST", await tokenOf(person), { answers: { csat: 4, staff: score } }), 201);
    };
    const officerClient = officer;
    for (const score of [5, 4, 4, 5]) await answerFor(score);
    expect(await ok(await officerClient.request("GET", "/api/surveys/my-rating"))).toEqual({
      answers: 4,
      csat: null,
      withheld: true,
    });
    await answerFor(2);
    expect(await ok(await officerClient.request("GET", "/api/surveys/my-rating"))).toEqual({
      answers: 5,
      csat: 4,
      withheld: false,
    });
    // Nobody else's rating reaches the employee.
    const mine = await ok(await staffer.request("GET", "/api/surveys/my-rating"));
    expect(mine.answers).toBe(1);
    expect(mine.withheld).toBe(true);
  });
});

describe("results", () => {
  it("shows aggregates only: means, distributions, NPS groups, choice counts and themes", async () => {
    expect((await officer.request("GET", `/api/surveys/${postServiceId}/results`)).statusCode).toBe(403);
    const results = await ok(await board.request("GET", `/api/surveys/${postServiceId}/results`));
    const csat = results.questions.find((q: { key: string }) => q.key === "csat");
    expect(csat.answers).toBe(results.answered);
    expect(csat.distribution).toHaveLength(5);
    expect(csat.mean).toBeGreaterThan(1);
    const nps = results.questions.find((q: { key: string }) => q.key === "nps");
    expect(nps.nps).toMatchObject({ detractors: 1, score: -100 });
    const text = results.questions.find((q: { key: string }) => q.key === "what_went_wrong");
    const themes = text.themes.map((t: { theme: string }) => t.theme);
    expect(themes).toEqual(expect.arrayContaining(["waiting", "communication"]));
    const staff = results.questions.find((q: { key: string }) => q.key === "staff");
    expect(staff.withheld).toBe(false);
    expect(JSON.stringify(results)).not.toContain("beneficiar");
  });

  it("withholds a staff question under five answers", async () => {
    const results = await ok(await manager.request("GET", `/api/surveys/${periodicId}/results`));
    const staff = results.questions.find((q: { key: string }) => q.key === "staff");
    expect(staff).toMatchObject({ withheld: true, mean: null, distribution: [] });
  });

  it("fills the management dashboard's satisfaction from the rollups", async () => {
    const dashboard = await ok(await manager.request("GET", "/api/dashboards/management"));
    expect(dashboard.satisfaction.answers).toBeGreaterThan(5);
    expect(dashboard.satisfaction.byMonth[0].month).toBe("2026-04");
    expect(dashboard.satisfaction.csat).not.toBeNull();
    expect(dashboard.satisfaction.staffCsat).not.toBeNull();
    const csv = await manager.request(
      "GET",
      "/api/dashboards/management/export?section=satisfaction_themes&format=csv",
    );
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("الانتظار والمواعيد");
  });
});

describe("campaigns", () => {
  it("invites a random sample of the audience, holding back by the same rules, and counts", async () => {
    const optedOut = await register();
    await ok(
      await officer.request("PUT", `/api/beneficiaries/${optedOut}/survey-preference`, { optedOut: true }),
    );
    await register({ email: undefined, phones: ["0551234568"], preferredChannel: "phone" });
    const fresh = [await register(), await register(), await register(), await register()];
    const campaign = await ok(
      await manager.request("POST", "/api/survey-campaigns", {
        surveyId: periodicId,
        name: "الاستبيان الدوري للربع الثاني",
        audience: { kind: "everyone", sampleSize: 3 },
        closesOn: "2026-04-30",
      }),
      201,
    );
    expect(campaign.audienceSize).toBe(people);
    expect(campaign.invited).toBe(3);
    expect(campaign.heldBack.optedOut).toBeGreaterThanOrEqual(1);
    expect(campaign.heldBack.unreachable).toBeGreaterThanOrEqual(1);
    expect(campaign.heldBack.recentlySurveyed).toBeGreaterThan(1);
    // Those left (the fresh files, and one never invited) are sampled down to three.
    expect(
      campaign.audienceSize -
        campaign.heldBack.optedOut -
        campaign.heldBack.recentlySurveyed -
        campaign.heldBack.unreachable,
    ).toBe(fresh.length + 1);
    const invited = await h.db.system((tx) =>
      tx.select().from(surveyInvitations).where(sql`${surveyInvitations.campaignId} = ${campaign.id}`),
    );
    expect(invited).toHaveLength(3);
    expect(new Set(invited.map((i) => i.beneficiaryId)).size).toBe(3);
    expect(invited[0]!.expiresAt.toISOString()).toBe("2026-04-30T21:00:00.000Z");
    await ok(
      await publicJson("POST", await tokenOf(invited[0]!.beneficiaryId), { answers: { csat: 5, nps: 10 } }),
      201,
    );
    const { items } = await ok(await board.request("GET", "/api/survey-campaigns"));
    expect(items[0]).toMatchObject({ id: campaign.id, invited: 3, answered: 1, reminded: 0 });
  });

  it("takes a category's people as its audience", async () => {
    const category = await ok(
      await admin.request("POST", "/api/beneficiary-categories", {
        code: "survey_widows",
        nameAr: "الأرامل",
      }),
      201,
    );
    const members = [
      await register({ categoryCode: "survey_widows" }),
      await register({ categoryCode: "survey_widows" }),
    ];
    const campaign = await ok(
      await manager.request("POST", "/api/survey-campaigns", {
        surveyId: periodicId,
        name: "استبيان فئة الأرامل",
        audience: { kind: "category", categoryId: category.id },
        closesOn: "2026-04-30",
      }),
      201,
    );
    expect(campaign).toMatchObject({ audienceSize: 2, invited: 2 });
    for (const id of members) expect(await invitationsOf(id)).toHaveLength(1);
    const missing = await manager.request("POST", "/api/survey-campaigns", {
      surveyId: periodicId,
      name: "بلا فئة",
      audience: { kind: "category" },
      closesOn: "2026-04-30",
    });
    expect(missing.json().errors[0]).toMatchObject({ path: "audience.categoryId", code: "required" });
  });

  it("refuses a draft survey and a closing day in the past", async () => {
    const draft = await ok(await manager.request("POST", "/api/surveys", simple), 201);
    const response = await manager.request("POST", "/api/survey-campaigns", {
      surveyId: draft.id,
      name: "حملة",
      audience: { kind: "everyone" },
      closesOn: "2026-04-01",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].code).toBe("closes_in_past");
    const inactive = await manager.request("POST", "/api/survey-campaigns", {
      surveyId: draft.id,
      name: "حملة",
      audience: { kind: "everyone" },
      closesOn: "2026-04-30",
    });
    expect(inactive.json().errors[0].code).toBe("survey_not_active");
  });
});

describe("follow-ups", () => {
  it("become a task in the owner's «عملي», done by the owner; another a complaint; all audited", async () => {
    const open = async () => {
      const person = await register();
      await delivered(person);
      await ok(
        await publicJson("POST", await tokenOf(person), {
          answers: { csat: 2, what_went_wrong: "طلبوا أوراقًا كثيرة" },
          allowContact: true,
        }),
        201,
      );
      const { items } = await ok(await committee.request("GET", "/api/survey-follow-ups"));
      return items.find((f: { beneficiary: { id: string } }) => f.beneficiary.id === person);
    };
    const first = await open();
    const notWorking = await committee.request("POST", `/api/survey-follow-ups/${first.id}/actions`, {
      action: "task",
      ownerId: officerId,
      dueDate: "2026-04-17",
    });
    expect(notWorking.json().errors[0].code).toBe("not_working_day");
    const task = await ok(
      await committee.request("POST", `/api/survey-follow-ups/${first.id}/actions`, {
        action: "task",
        ownerId: officerId,
        dueDate: "2026-04-20",
      }),
    );
    expect(task).toMatchObject({ status: "task", task: { dueDate: "2026-04-20", doneAt: null } });
    const work = await ok(await officer.request("GET", "/api/my-work"));
    expect(
      work.items.some(
        (i: { kind: string; ref: string }) => i.kind === "survey_follow_up" && i.ref === first.id,
      ),
    ).toBe(true);
    const done = await ok(
      await officer.request("POST", `/api/survey-follow-ups/${first.id}/actions`, { action: "task_done" }),
    );
    expect(done.task.doneAt).not.toBeNull();
    expect(
      (
        await staffer.request("POST", `/api/survey-follow-ups/${first.id}/actions`, {
          action: "close",
          note: "تم",
        })
      ).statusCode,
    ).toBe(403);
    await ok(
      await manager.request("POST", `/api/survey-follow-ups/${first.id}/actions`, {
        action: "close",
        note: "تواصلنا معها وبيّنا المتطلبات.",
      }),
    );

    const second = await open();
    const complaint = await ok(
      await manager.request("POST", `/api/survey-follow-ups/${second.id}/actions`, { action: "complaint" }),
    );
    expect(complaint.status).toBe("complaint");
    const made = await ok(await committee.request("GET", `/api/complaints/${complaint.complaintId}`));
    expect(made.beneficiary?.id ?? made.beneficiaryId).toBe(second.beneficiary.id);
    expect(
      (await manager.request("POST", `/api/survey-follow-ups/${second.id}/actions`, { action: "complaint" }))
        .statusCode,
    ).toBe(409);
    expect(await auditTypes(h, associationId)).toEqual(
      expect.arrayContaining([
        "survey.saved",
        "survey.status_changed",
        "survey_settings.updated",
        "survey_campaign.created",
        "survey.preference_changed",
        "survey_follow_up.created",
        "survey_follow_up.task_assigned",
        "survey_follow_up.task_done",
        "survey_follow_up.closed",
        "survey_follow_up.complaint_made",
      ]),
    );
  });
});

describe("tenancy", () => {
  it("keeps another association's surveys, results and follow-ups out of sight", async () => {
    expect((await otherManager.request("GET", `/api/surveys/${postServiceId}`)).statusCode).toBe(404);
    expect((await otherManager.request("GET", `/api/surveys/${postServiceId}/results`)).statusCode).toBe(404);
    expect((await ok(await otherManager.request("GET", "/api/surveys"))).items).toEqual([]);
    expect((await ok(await otherManager.request("GET", "/api/survey-follow-ups"))).items).toEqual([]);
    expect((await ok(await otherManager.request("GET", "/api/survey-campaigns"))).items).toEqual([]);
    const settings = await ok(await otherManager.request("GET", "/api/survey-settings"));
    expect(settings.postServiceSurveyId).toBeNull();
    const person = await register();
    expect(
      (await otherManager.request("GET", `/api/beneficiaries/${person}/survey-preference`)).statusCode,
    ).toBe(404);
    const dashboard = await ok(await otherManager.request("GET", "/api/dashboards/management"));
    expect(dashboard.satisfaction.answers).toBe(0);
  });
});
