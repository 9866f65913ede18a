import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portalCookie, portalCsrfHeader } from "../../../shared/contracts/portal.js";
import { nationalIdCheckDigit } from "../../../shared/domain/index.js";
import { auditEvents, notifications, portalCodes } from "../../db/schema.js";
import {
  type Client,
  createAssociation,
  createHarness,
  createUser,
  type Harness,
  signIn,
} from "../../test/harness.js";
import { createSmtpTransport } from "../notifications/transports.js";
import { codeAnswer } from "./portal.service.js";

/**
 * The beneficiary portal's foundation (ADR 0029), through HTTP, with a real SMTP server: sign-in by
 * ID and a one-time code read from the mail, the same answer for any ID, limits, its own session and
 * cookie, and the household scope.
 */
const received: { to: string; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, done) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", async () => {
      const mail = await simpleParser(Buffer.concat(chunks));
      received.push({
        to: mail.to && "text" in mail.to ? mail.to.text : "",
        text: mail.text ?? "",
      });
      done();
    });
  },
});

let h: Harness;
let associationA: { id: string; slug: string };
let associationB: { id: string; slug: string };
let officerA: Client;
let officerB: Client;
let serviceA: string;

let serial = 100_000;
/** A fresh, valid citizen ID each call (check digit from the shared toolkit). */
function newNationalId(): string {
  serial++;
  const firstNine = `1${String(serial).padStart(8, "0")}`;
  return `${firstNine}${nationalIdCheckDigit(firstNine)}`;
}

// Each test sends from its own address, so the per-address limits of one do not touch another.
let addressCounter = 1;
const newAddress = () => `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read as the test asserts them
async function ok(response: LightMyRequestResponse, status = 200): Promise<any> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function register(officer: Client, body: Record<string, unknown>) {
  return (await ok(
    await officer.request("POST", "/api/beneficiaries", {
      gender: "female",
      lawfulBasis: "service_request",
      ...body,
    }),
    201,
  )) as { id: string };
}

async function openRequest(beneficiaryId: string, data: Record<string, unknown> = {}) {
  return (await ok(
    await officerA.request("POST", "/api/requests", {
      beneficiaryId,
      serviceId: serviceA,
      channel: "phone",
      data,
    }),
    201,
  )) as { id: string; state: string };
}

function askCode(slug: string, nationalId: string, address = "10.9.9.9") {
  return h.app.inject({
    method: "POST",
    url: `/api/portal/associations/${slug}/sign-in/code`,
    payload: { nationalId },
    remoteAddress: address,
  });
}

function verify(slug: string, nationalId: string, code: string, address = "10.9.9.9") {
  return h.app.inject({
    method: "POST",
    url: `/api/portal/associations/${slug}/sign-in/verify`,
    payload: { nationalId, code },
    remoteAddress: address,
  });
}

/** Sends the queued mail and reads the code the person received at this address. */
async function codeMailedTo(email: string): Promise<string> {
  await h.queue.drain();
  const mail = received.filter((m) => m.to === email).at(-1);
  if (!mail) throw new Error(`no mail for ${email}`);
  const code = mail.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no code in the mail");
  return code;
}

type Portal = {
  token: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, csrf?: boolean): Promise<LightMyRequestResponse>;
};

function portalClient(token: string, csrf: string): Portal {
  return {
    token,
    csrf,
    get: (url) => h.app.inject({ method: "GET", url, cookies: { [portalCookie]: token } }),
    post: (url, withCsrf = true) =>
      h.app.inject({
        method: "POST",
        url,
        cookies: { [portalCookie]: token },
        headers: withCsrf ? { [portalCsrfHeader]: csrf } : {},
      }),
  };
}

async function signInToPortal(slug: string, nationalId: string, email: string): Promise<Portal> {
  const address = newAddress();
  await ok(await askCode(slug, nationalId, address));
  const response = await verify(slug, nationalId, await codeMailedTo(email), address);
  const me = await ok(response);
  const cookie = response.cookies.find((c) => c.name === portalCookie)!;
  return portalClient(cookie.value, me.csrfToken);
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
  associationA = await createAssociation(h, "portal-a");
  associationB = await createAssociation(h, "portal-b");
  officerA = await signIn(h, (await createUser(h, associationA.id, ["officer"])).email);
  officerB = await signIn(h, (await createUser(h, associationB.id, ["officer"])).email);
  const admin = await signIn(h, (await createUser(h, associationA.id, ["administrator"])).email);
  serviceA = (
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
});
afterAll(async () => {
  await h.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("signing in with an ID and a one-time code", () => {
  it("mails a six-digit code to the e-mail on file; it opens a session once, with its own cookie", async () => {
    const nationalId = newNationalId();
    const email = "amal@example.test";
    await register(officerA, { fullName: "أمل بنت سعد الحربي", nationalId, email, phones: ["0551112233"] });

    const asked = await askCode(associationA.slug, nationalId);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual(codeAnswer);
    const code = await codeMailedTo(email);
    expect(received.at(-1)!.text).toContain("صالح لمدة ١٠ دقائق");

    const opened = await verify(associationA.slug, nationalId, code);
    const me = await ok(opened);
    expect(me.person.fullName).toBe("أمل بنت سعد الحربي");
    expect(me.association.slug).toBe(associationA.slug);
    const cookie = opened.cookies.find((c) => c.name === portalCookie)!;
    expect(cookie).toMatchObject({ path: "/api/portal", httpOnly: true, sameSite: "Strict" });
    expect(opened.cookies.some((c) => c.name === "silah_session")).toBe(false);

    const portal = portalClient(cookie.value, me.csrfToken);
    expect((await ok(await portal.get("/api/portal/me"))).person.fileNumber).toBe(me.person.fileNumber);

    // Once only.
    const again = await verify(associationA.slug, nationalId, code);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].code).toBe("code_used");

    // The code is in no table: hashed in the codes, and the sent notice's text replaced.
    const rows = await h.db.system((tx) => tx.select().from(portalCodes));
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(nationalId);
    const notices = await h.db.system((tx) =>
      tx.select().from(notifications).where(eq(notifications.purpose, "sign_in_code")),
    );
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.map((n) => n.body).join()).not.toMatch(/\d{6}/);
    // Nothing in the audit names the ID or the code; the events are there.
    const events = await h.db.system((tx) =>
      tx.select().from(auditEvents).where(eq(auditEvents.associationId, associationA.id)),
    );
    const text = JSON.stringify(events, (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(text).not.toContain(nationalId);
    expect(text).not.toContain(code);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["portal.code_requested", "portal.signed_in", "portal.sign_in_failed"]),
    );
  });

  it("lets a code expire after ten minutes, and only the latest code works", async () => {
    const nationalId = newNationalId();
    const email = "basma@example.test";
    await register(officerA, { fullName: "بسمة بنت علي الشهري", nationalId, email });
    const address = newAddress();
    await ok(await askCode(associationA.slug, nationalId, address));
    const first = await codeMailedTo(email);
    h.clock.advance(11 * 60_000);
    const late = await verify(associationA.slug, nationalId, first, address);
    expect(late.json().errors[0].code).toBe("code_expired");

    await ok(await askCode(associationA.slug, nationalId, address));
    const second = await codeMailedTo(email);
    await ok(await askCode(associationA.slug, nationalId, address));
    const third = await codeMailedTo(email);
    if (second !== third) {
      expect((await verify(associationA.slug, nationalId, second, address)).statusCode).toBe(400);
    }
    await ok(await verify(associationA.slug, nationalId, third, address));
  });

  it("voids a code after five wrong tries, telling how many are left", async () => {
    const nationalId = newNationalId();
    const email = "jawaher@example.test";
    await register(officerA, { fullName: "جواهر بنت فهد العتيبي", nationalId, email });
    const address = newAddress();
    await ok(await askCode(associationA.slug, nationalId, address));
    const code = await codeMailedTo(email);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 0; left--) {
      const response = await verify(associationA.slug, nationalId, wrong, address);
      expect(response.statusCode).toBe(400);
      const error = response.json().errors[0];
      expect(error.code).toBe("code_wrong_code");
      if (left === 2) expect(error.message.ar).toBe("الرمز غير صحيح. بقيت محاولتان.");
      if (left === 0) expect(error.message.ar).toContain("استُنفدت المحاولات");
    }
    const right = await verify(associationA.slug, nationalId, code, address);
    expect(right.json().errors[0].code).toBe("code_too_many_tries");
  });

  it("accepts the code typed in Arabic-Indic digits", async () => {
    const nationalId = newNationalId();
    const email = "dalal@example.test";
    await register(officerA, { fullName: "دلال بنت حمد الدوسري", nationalId, email });
    const address = newAddress();
    await ok(await askCode(associationA.slug, nationalId, address));
    const code = await codeMailedTo(email);
    const arabic = code.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);
    await ok(await verify(associationA.slug, nationalId, arabic, address));
  });
});

describe("saying nothing about who is registered", () => {
  it("answers an unknown ID exactly as a known one, and does the same work", async () => {
    const known = newNationalId();
    await register(officerA, {
      fullName: "رزان بنت خالد القرني",
      nationalId: known,
      email: "razan@example.test",
    });
    const unknown = newNationalId();
    const noContact = newNationalId();
    await register(officerA, { fullName: "سلوى بنت ناصر المري", nationalId: noContact });

    const answers = [];
    for (const id of [known, unknown, noContact])
      answers.push(await askCode(associationA.slug, id, newAddress()));
    const shape = (r: LightMyRequestResponse) => ({
      status: r.statusCode,
      body: r.body,
      type: r.headers["content-type"],
      cookies: r.cookies.length,
      headers: Object.keys(r.headers)
        .filter((k) => !["date", "request-id", "x-request-id", "content-length"].includes(k))
        .sort(),
    });
    expect(shape(answers[1]!)).toEqual(shape(answers[0]!));
    expect(shape(answers[2]!)).toEqual(shape(answers[0]!));

    // A decoy row was written for the unknown ID too; no code ever opens it.
    const rows = await h.db.system((tx) => tx.select().from(portalCodes));
    expect(rows.some((r) => r.beneficiaryId === null)).toBe(true);
    const decoyTry = await verify(associationA.slug, unknown, "123456");
    const knownWrongTry = await verify(associationA.slug, known, "123456".replace(/./g, "9"));
    expect(decoyTry.statusCode).toBe(knownWrongTry.statusCode);
    expect(decoyTry.json().errors[0].code).toBe(knownWrongTry.json().errors[0].code);

    // Timing, measured loosely (reported, not a strict timed test): the same work both ways.
    const time = async (id: string) => {
      const started = process.hrtime.bigint();
      await askCode(associationA.slug, id, newAddress());
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const someone = newNationalId();
      await register(officerA, {
        fullName: `مستفيدة التوقيت ${i} بنت سعد`,
        nationalId: someone,
        email: `t${i}@example.test`,
      });
      knownTimes.push(await time(someone));
      unknownTimes.push(await time(newNationalId()));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.info(
      `portal code request: known ID median ${median(knownTimes).toFixed(1)} ms, unknown ID median ${median(unknownTimes).toFixed(1)} ms`,
    );
    expect(median(unknownTimes)).toBeLessThan(median(knownTimes) * 3 + 5);
    expect(median(knownTimes)).toBeLessThan(median(unknownTimes) * 3 + 5);
  });

  it("limits code requests per ID (registered or not, the same) and per source address", async () => {
    const registered = newNationalId();
    await register(officerA, {
      fullName: "لمى بنت سعود العنزي",
      nationalId: registered,
      email: "lama@example.test",
    });
    const unregistered = newNationalId();
    for (const id of [registered, unregistered]) {
      for (let i = 0; i < 5; i++) await ok(await askCode(associationA.slug, id, newAddress()));
      const refused = await askCode(associationA.slug, id, newAddress());
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe("too_many_attempts");
    }

    const address = newAddress();
    for (let i = 0; i < 30; i++) await ok(await askCode(associationA.slug, newNationalId(), address));
    const refused = await askCode(associationA.slug, newNationalId(), address);
    expect(refused.statusCode).toBe(429);
    // Another address is not held back by it.
    await ok(await askCode(associationA.slug, newNationalId(), newAddress()));
  });

  it("limits code tries per ID across codes and per source address", async () => {
    const nationalId = newNationalId();
    await register(officerA, { fullName: "عبير بنت راشد السبيعي", nationalId, email: "abeer@example.test" });
    // Ten wrong tries over two codes, from different addresses: the ID is held for a while.
    for (let round = 0; round < 2; round++) {
      await ok(await askCode(associationA.slug, nationalId, newAddress()));
      for (let i = 0; i < 5; i++) await verify(associationA.slug, nationalId, "000001", newAddress());
    }
    await ok(await askCode(associationA.slug, nationalId, newAddress()));
    const held = await verify(
      associationA.slug,
      nationalId,
      await codeMailedTo("abeer@example.test"),
      newAddress(),
    );
    expect(held.statusCode).toBe(429);

    const address = newAddress();
    for (let i = 0; i < 30; i++) await verify(associationA.slug, newNationalId(), "123456", address);
    expect((await verify(associationA.slug, newNationalId(), "123456", address)).statusCode).toBe(429);
  });
});

describe("the portal's session and the staff's never open each other's API", () => {
  it("refuses a staff cookie on the portal API and a portal cookie on the staff API; sign-out ends it", async () => {
    const nationalId = newNationalId();
    const email = "ghada@example.test";
    await register(officerA, { fullName: "غادة بنت صالح الغامدي", nationalId, email });
    const portal = await signInToPortal(associationA.slug, nationalId, email);

    // A signed-in officer, with a perfectly good staff session, reads nothing of the portal.
    for (const url of ["/api/portal/me", "/api/portal/requests", "/api/portal/notices"]) {
      const staffTry = await officerA.request("GET", url);
      expect(staffTry.statusCode, url).toBe(401);
    }
    // The portal's token opens nothing of the staff API, under either cookie name.
    const cookieSets: Record<string, string>[] = [
      { [portalCookie]: portal.token },
      { silah_session: portal.token },
    ];
    for (const cookies of cookieSets) {
      const tried = await h.app.inject({ method: "GET", url: "/api/beneficiaries?q=x", cookies });
      expect(tried.statusCode).toBe(401);
    }

    expect((await portal.post("/api/portal/sign-out", false)).statusCode).toBe(403);
    const out = await portal.post("/api/portal/sign-out");
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === portalCookie)).toMatchObject({
      value: "",
      path: "/api/portal",
    });
    expect((await portal.get("/api/portal/me")).statusCode).toBe(401);
  });

  it("ends a portal session after half an hour idle", async () => {
    const nationalId = newNationalId();
    const email = "manal@example.test";
    await register(officerA, { fullName: "منال بنت زايد الشمري", nationalId, email });
    const portal = await signInToPortal(associationA.slug, nationalId, email);
    h.clock.advance(31 * 60_000);
    const expired = await portal.get("/api/portal/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("session_expired");
  });
});

describe("the household the association recorded, and nobody else", () => {
  it("shows the head their requests and a dependant's, and answers 404 for anyone else's", async () => {
    const headId = newNationalId();
    const sonId = newNationalId();
    const email = "nouf@example.test";
    const head = await register(officerA, {
      fullName: "نوف بنت عبدالله القحطاني",
      nationalId: headId,
      email,
      household: [
        { relation: "son", fullName: "فهد بن سعد القحطاني", nationalId: sonId },
        { relation: "daughter", fullName: "ريم بنت سعد القحطاني" },
      ],
    });
    const son = await register(officerA, {
      fullName: "فهد بن سعد القحطاني",
      gender: "male",
      nationalId: sonId,
      confirmNotDuplicate: true,
    });
    const stranger = await register(officerA, {
      fullName: "سارة بنت محمد الدوسري",
      nationalId: newNationalId(),
      email: "sara.d@example.test",
    });
    const own = await openRequest(head.id, { family_size: 5 });
    const sons = await openRequest(son.id);
    const strangers = await openRequest(stranger.id, { family_size: 2 });

    const portal = await signInToPortal(associationA.slug, headId, email);
    const me = await ok(await portal.get("/api/portal/me"));
    expect(me.household).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fullName: "فهد بن سعد القحطاني", relation: "son", hasOwnFile: true }),
        expect.objectContaining({
          fullName: "ريم بنت سعد القحطاني",
          relation: "daughter",
          hasOwnFile: false,
        }),
      ]),
    );

    const list = (await ok(await portal.get("/api/portal/requests"))).items as {
      id: string;
      forSelf: boolean;
      forName: string;
      stateAr: string;
      awaited: { label: string }[];
      due: { dueDate: string; dueHijri: string } | null;
    }[];
    expect(list.map((r) => r.id).sort()).toEqual([own.id, sons.id].sort());
    const mine = list.find((r) => r.id === own.id)!;
    expect(mine).toMatchObject({ forSelf: true, stateAr: "مكتمل وينتظر إقرارك بصحة البيانات" });
    expect(mine.due?.dueHijri).toMatch(/^14\d\d-\d\d-\d\d$/);
    const sonsView = list.find((r) => r.id === sons.id)!;
    expect(sonsView).toMatchObject({ forSelf: false, forName: "فهد بن سعد القحطاني" });
    expect(sonsView.awaited.map((a) => a.label)).toEqual(["عدد أفراد الأسرة"]);

    const detail = await ok(await portal.get(`/api/portal/requests/${sons.id}`));
    expect(detail.requirements).toEqual([
      expect.objectContaining({ label: "عدد أفراد الأسرة", present: false }),
    ]);

    const guessed = await portal.get(`/api/portal/requests/${strangers.id}`);
    const missing = await portal.get(`/api/portal/requests/${randomUUID()}`);
    expect(guessed.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const comparable = (r: LightMyRequestResponse) => {
      const { instance: _i, requestId: _r, ...rest } = r.json();
      return rest;
    };
    expect(comparable(guessed)).toEqual(comparable(missing));
    expect(guessed.body).not.toContain("الدوسري");

    // «إشعاراتي» holds what she was sent, never a sign-in code.
    const notices = (await ok(await portal.get("/api/portal/notices"))).items as { body: string }[];
    expect(notices.every((n) => !/\d{6}/.test(n.body))).toBe(true);
  });

  it("never lets another association's beneficiary with the same ID sign in here", async () => {
    const nationalId = newNationalId();
    await register(officerB, { fullName: "هند بنت فيصل العمري", nationalId, email: "hind.b@example.test" });
    const before = received.filter((m) => m.to === "hind.b@example.test").length;
    // Asked at A's address: A has no such file; nothing goes to B's person.
    expect((await askCode(associationA.slug, nationalId, newAddress())).json()).toEqual(codeAnswer);
    await h.queue.drain();
    expect(received.filter((m) => m.to === "hind.b@example.test").length).toBe(before);
    // Her code from B's portal opens nothing at A's.
    const address = newAddress();
    await ok(await askCode(associationB.slug, nationalId, address));
    const code = await codeMailedTo("hind.b@example.test");
    expect((await verify(associationA.slug, nationalId, code, address)).statusCode).toBe(400);
    const atB = await ok(await verify(associationB.slug, nationalId, code, address));
    expect(atB.association.slug).toBe(associationB.slug);
  });

  it("answers 404 for an association that does not exist", async () => {
    expect((await askCode("no-such-association", newNationalId())).statusCode).toBe(404);
  });
});
