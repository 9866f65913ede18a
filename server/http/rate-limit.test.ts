import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitCounters } from "../db/schema.js";
import { createHarness, type Harness } from "../test/harness.js";
import { createRateLimits } from "./rate-limit.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe("rate limits shared by every server process", () => {
  it("lets exactly the allowed number through when twenty arrive at once on two processes", async () => {
    const other = await h.db.connectAgain();
    const here = createRateLimits({ db: h.db, secret: h.config.session.secret }).define("burst", {
      points: 5,
      windowSeconds: 3600,
    });
    const there = createRateLimits({ db: other, secret: h.config.session.secret }).define("burst", {
      points: 5,
      windowSeconds: 3600,
    });
    const decisions = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? here : there).consume("192.0.2.44")),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is untouched by the first one's flood.
    expect((await here.consume("192.0.2.45")).allowed).toBe(true);
  });

  it("keeps no address in the database, only a keyed hash", async () => {
    const limit = createRateLimits({ db: h.db, secret: h.config.session.secret }).define("hashing", {
      points: 3,
      windowSeconds: 60,
    });
    await limit.consume("203.0.113.77");
    const rows = await h.db.system((tx) => tx.select().from(rateLimitCounters));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("203.0.113.77");
    expect(JSON.stringify(rows)).not.toContain("203-0-113-77");
  });

  it("forgets a key on reset and prunes counters whose window has ended", async () => {
    const limits = createRateLimits({ db: h.db, secret: h.config.session.secret });
    const limit = limits.define("pruning", { points: 1, windowSeconds: 60 });
    await limit.consume("198.51.100.1");
    expect((await limit.peek("198.51.100.1")).allowed).toBe(false);
    await limit.reset("198.51.100.1");
    expect((await limit.peek("198.51.100.1")).allowed).toBe(true);

    await limit.consume("198.51.100.2");
    const before = await h.db.system((tx) => tx.select().from(rateLimitCounters));
    expect(await limits.prune(new Date(Date.now() - 60_000))).toBe(0);
    const removed = await limits.prune(new Date(Date.now() + 61_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    const after = await h.db.system((tx) => tx.select().from(rateLimitCounters));
    expect(after.length).toBe(before.length - removed);
  });
});
