import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solveComplaintChallenge, solvedComplaintProof } from "../../test/complaint-proof.js";
import { createAssociation, createHarness, type Harness } from "../../test/harness.js";
import { workFor } from "./public-guard.js";

const work = 40;
let h: Harness;
let a: string;
let b: string;
let crowded: string;

beforeAll(async () => {
  h = await createHarness({
    SILAH_COMPLAINT_WORK: String(work),
    SILAH_COMPLAINT_LIMIT_PER_ADDRESS: "5",
    SILAH_COMPLAINT_LIMIT_PER_ASSOCIATION: "12",
  });
  a = (await createAssociation(h, "proof-a")).slug;
  b = (await createAssociation(h, "proof-b")).slug;
  crowded = (await createAssociation(h, "proof-crowded")).slug;
});
afterAll(() => h.close());

const complaint = {
  category: "delay",
  subject: "تأخر الرد على طلبي",
  details: "تقدمت بطلب مساعدة منذ شهر ولم يصلني رد حتى الآن.",
};

const file = (slug: string, altcha: string, ip: string) =>
  h.app.inject({
    method: "POST",
    url: `/api/public/associations/${slug}/complaints`,
    remoteAddress: ip,
    payload: { ...complaint, altcha },
  });

const proofCode = (response: { json(): { errors?: { path: string; code: string }[] } }) =>
  response.json().errors?.find((e) => e.path === "altcha")?.code;

describe("the public complaint page's human check (ALTCHA proof of work)", () => {
  it("hides its answer: the challenge names no number, and finding it takes work", async () => {
    const response = await h.app.inject({
      method: "GET",
      url: `/api/public/associations/${a}/complaint-challenge`,
      remoteAddress: "192.0.2.1",
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const { challenge } = response.json();
    expect(challenge.parameters.algorithm).toBe("PBKDF2/SHA-256");
    expect(JSON.stringify(challenge)).not.toMatch(/counter|number|answer/i);
    const { counter } = await solveComplaintChallenge(challenge);
    expect(counter).toBeGreaterThanOrEqual(work / 2);
  });

  it("accepts a solution once; the same solution sent again is refused", async () => {
    const { altcha } = await solvedComplaintProof(h.app, a, "192.0.2.2");
    expect((await file(a, altcha, "192.0.2.2")).statusCode).toBe(201);
    const replay = await file(a, altcha, "192.0.2.2");
    expect(replay.statusCode).toBe(400);
    expect(proofCode(replay)).toBe("challenge_used");
    // Nor from another address: the solution, not the sender, is spent.
    expect(proofCode(await file(a, altcha, "192.0.2.3"))).toBe("challenge_used");
  });

  it("refuses at association B a solution made for association A", async () => {
    const { altcha } = await solvedComplaintProof(h.app, a, "192.0.2.4");
    const elsewhere = await file(b, altcha, "192.0.2.4");
    expect(elsewhere.statusCode).toBe(400);
    expect(proofCode(elsewhere)).toBe("challenge_elsewhere");
    // Still unspent at A, where it was made for.
    expect((await file(a, altcha, "192.0.2.4")).statusCode).toBe(201);
  });

  it("refuses a solution once its challenge has expired", async () => {
    const { altcha } = await solvedComplaintProof(h.app, a, "192.0.2.5");
    h.clock.advance(21 * 60_000);
    const late = await file(a, altcha, "192.0.2.5");
    expect(late.statusCode).toBe(400);
    expect(proofCode(late)).toBe("challenge_expired");
  });

  it("refuses forged challenges and guessed solutions", async () => {
    const { challenge, altcha } = await solvedComplaintProof(h.app, a, "192.0.2.6");
    const payload = JSON.parse(Buffer.from(altcha, "base64").toString());
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");

    // Moved to B, or made easier, under the old signature.
    const bId = (await h.modules.associations.service.findBySlug(b))!.id;
    const moved = { ...payload, challenge: { ...challenge, parameters: { ...challenge.parameters } } };
    moved.challenge.parameters.data = { ...challenge.parameters.data, association: bId };
    expect(proofCode(await file(b, encode(moved), "192.0.2.6"))).toBe("challenge_forged");
    const easier = structuredClone(payload);
    easier.challenge.parameters.cost = 1;
    expect(proofCode(await file(a, encode(easier), "192.0.2.6"))).toBe("challenge_forged");
    // Signed by someone else's key.
    const unsigned = structuredClone(payload);
    unsigned.challenge.signature = "0".repeat(64);
    expect(proofCode(await file(a, encode(unsigned), "192.0.2.6"))).toBe("challenge_forged");
    // The right challenge, a guessed answer.
    const guessed = structuredClone(payload);
    guessed.solution = { counter: 1, derivedKey: "ab".repeat(32) };
    expect(proofCode(await file(a, encode(guessed), "192.0.2.6"))).toBe("challenge_unsolved");
    // Not a payload at all.
    for (const junk of ["%%%", Buffer.from("[1,2]").toString("base64"), encode({ challenge: 1 })]) {
      const response = await file(a, junk, "192.0.2.6");
      expect(response.statusCode).toBe(400);
      expect(proofCode(response)).toBe("challenge_malformed");
    }
    // The genuine one still goes through: nothing above spent it.
    expect((await file(a, altcha, "192.0.2.6")).statusCode).toBe(201);
  });

  it("lets exactly the per-address limit through when twenty arrive at once; another address is unaffected", async () => {
    const proofs = [];
    for (let i = 0; i < 20; i++) proofs.push((await solvedComplaintProof(h.app, b, "198.51.100.7")).altcha);
    const responses = await Promise.all(proofs.map((altcha) => file(b, altcha, "198.51.100.7")));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);

    const neighbour = await solvedComplaintProof(h.app, b, "198.51.100.8");
    expect((await file(b, neighbour.altcha, "198.51.100.8")).statusCode).toBe(201);
  });

  it("caps what many addresses together push into one association's register", async () => {
    const proofs = [];
    for (let i = 0; i < 15; i++) {
      const ip = `203.0.113.${10 + (i % 3)}`;
      proofs.push({ ip, altcha: (await solvedComplaintProof(h.app, crowded, ip)).altcha });
    }
    const statuses = (await Promise.all(proofs.map((p) => file(crowded, p.altcha, p.ip)))).map(
      (r) => r.statusCode,
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    // Other associations are not held back by one association's ceiling.
    const other = await solvedComplaintProof(h.app, a, "203.0.113.10");
    expect((await file(a, other.altcha, "203.0.113.10")).statusCode).toBe(201);
  });

  it("makes the check harder for an address that keeps asking, not for its neighbours", async () => {
    const counters = [];
    for (let i = 0; i < 11; i++) counters.push((await solvedComplaintProof(h.app, a, "192.0.2.77")).counter);
    // The first five at the base work, the next five up to twice, the eleventh up to four times.
    expect(Math.max(...counters.slice(0, 5))).toBeLessThanOrEqual(work);
    expect(Math.min(...counters.slice(5, 10))).toBeGreaterThanOrEqual(work);
    expect(counters[10]).toBeGreaterThanOrEqual(2 * work);
    expect((await solvedComplaintProof(h.app, a, "192.0.2.78")).counter).toBeLessThanOrEqual(work);
    expect(workFor(1_000, work)).toBe(64 * work);
  });

  it("refuses a robot-filled field and an unknown association", async () => {
    const { altcha } = await solvedComplaintProof(h.app, a, "192.0.2.9");
    const robot = await h.app.inject({
      method: "POST",
      url: `/api/public/associations/${a}/complaints`,
      remoteAddress: "192.0.2.9",
      payload: { ...complaint, altcha, website: "http://spam.example" },
    });
    expect(robot.statusCode).toBe(400);
    const unknown = await h.app.inject({
      method: "GET",
      url: "/api/public/associations/no-such-association/complaint-challenge",
    });
    expect(unknown.statusCode).toBe(404);
  });
});
