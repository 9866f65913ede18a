import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock, systemClock } from "../clock.js";
import type { Database } from "../db/client.js";
import { jobs } from "../db/schema.js";
import { createTestDatabase } from "../test/database.js";
import { createJobQueue } from "./queue.js";

let db: Database & { dispose(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

describe("the shared job queue", () => {
  it("runs each job exactly once when two server processes drain it together", async () => {
    const clock = fixedClock("2026-03-15T06:00:00Z");
    const runs: number[] = [];
    const process1 = createJobQueue({ db, clock });
    const process2 = createJobQueue({ db, clock });
    for (const queue of [process1, process2]) {
      queue.register("test.count", async (job) => {
        runs.push((job.payload as { n: number }).n);
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    for (let n = 0; n < 40; n++) await process1.enqueue("test.count", { n });

    const [done1, done2] = await Promise.all([process1.drain(), process2.drain()]);
    expect(done1 + done2).toBe(40);
    expect([...runs].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it("enqueues a keyed job once however many processes ask", async () => {
    const clock = fixedClock("2026-03-15T06:00:00Z");
    const queue = createJobQueue({ db, clock });
    let runs = 0;
    queue.register("test.keyed", async () => {
      runs++;
    });
    await Promise.all(
      [1, 2, 3].map(() => queue.enqueue("test.keyed", {}, { dedupeKey: "daily-2026-03-15" })),
    );
    await queue.drain();
    expect(runs).toBe(1);
  });

  it("retries a failed job later and keeps the error", async () => {
    const clock = fixedClock("2026-03-15T06:00:00Z");
    const queue = createJobQueue({ db, clock });
    let attempts = 0;
    queue.register("test.flaky", async () => {
      attempts++;
      if (attempts === 1) throw new Error("gateway unavailable");
    });
    await queue.enqueue("test.flaky", {});
    expect(await queue.drain()).toBe(0);
    expect(await queue.drain()).toBe(0); // not due yet: it backs off
    clock.advance(5_000);
    expect(await queue.drain()).toBe(1);
    expect(attempts).toBe(2);
  });

  it("keeps what failed but never the data a failing statement quoted, in the table and the log", async () => {
    const clock = fixedClock("2026-03-15T06:00:00Z");
    const lines: string[] = [];
    const logger = { error: (o: unknown) => lines.push(JSON.stringify(o)), info() {}, warn() {} };
    const queue = createJobQueue({ db, clock, logger: logger as never });
    const marker = "1098765432-سارة";
    queue.register("test.leaky", async () => {
      // A database error carries the values of its statement in its message.
      await db.system((tx) => tx.execute(sql`select ${marker}::int`));
    });
    await queue.enqueue("test.leaky", {});
    expect(await queue.drain()).toBe(0);
    const [row] = await db.system((tx) => tx.select().from(jobs).where(eq(jobs.kind, "test.leaky")));
    expect(row!.lastError).toContain("22P02");
    expect(row!.lastError).not.toContain(marker);
    expect(lines.join("\n")).toContain("22P02");
    expect(lines.join("\n")).not.toContain(marker);
  });

  it("takes up a job whose process died once its lease runs out", async () => {
    const clock = fixedClock("2026-03-15T06:00:00Z");
    const queue = createJobQueue({ db, clock });
    let ran = false;
    queue.register("test.lease", async () => {
      ran = true;
    });
    // What a process killed mid-job leaves behind: its claim, which nobody renews any more.
    await db.system((tx) =>
      tx.insert(jobs).values({
        kind: "test.lease",
        payload: {},
        runAt: clock.now(),
        lockedBy: "a-process-that-died",
        lockedUntil: new Date(clock.now().getTime() + 60_000),
        attempts: 1,
      }),
    );
    expect(await queue.drain()).toBe(0);
    clock.advance(61_000);
    expect(await queue.drain()).toBe(1);
    expect(ran).toBe(true);
  });

  it("renews the lease of a job slower than its lease, so a second process never runs it too", async () => {
    // Real time here: the handler outlives its lease three times over while another process polls.
    const leaseMs = 600;
    const starts: string[] = [];
    const slow = (name: string) => async () => {
      starts.push(name);
      await new Promise((resolve) => setTimeout(resolve, leaseMs * 3));
    };
    const first = createJobQueue({ db, clock: systemClock, leaseMs });
    const second = createJobQueue({ db, clock: systemClock, leaseMs });
    first.register("test.slow", slow("first"));
    second.register("test.slow", slow("second"));
    await first.enqueue("test.slow", {});

    const running = first.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    let secondDone = 0;
    for (let poll = 0; poll < 20 && starts.length < 2; poll++) {
      secondDone += await second.drain();
      await new Promise((resolve) => setTimeout(resolve, leaseMs / 4));
    }
    expect(await running).toBe(1);
    expect(secondDone).toBe(0);
    expect(starts).toEqual(["first"]);

    // Finished, the job holds no lease and nothing renews it any more.
    await new Promise((resolve) => setTimeout(resolve, leaseMs));
    const [row] = await db.system((tx) => tx.select().from(jobs).where(eq(jobs.kind, "test.slow")));
    expect(row?.completedAt).not.toBeNull();
    expect(row?.lockedUntil).toBeNull();
    expect(row?.attempts).toBe(1);
  });
});
