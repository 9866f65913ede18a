import { afterAll, describe, expect, it } from "vitest";
import { realBomb, workbook, zipBombs } from "../test/hostile-files.js";
import { docx } from "../test/zip.js";
import { createGate, GateBusyError } from "./gate.js";
import { OffThreadLimitError, OffThreadTaskError, runOffThread } from "./off-thread.js";
import { assertInflatesAsDeclared, inspectZipDirectory, ZipRefusedError } from "./zip-guard.js";

const limits = { maxEntries: 500, maxTotalBytes: 64 * 1024 * 1024, maxRatio: 200 };
const tasks = new URL("../test/off-thread-tasks.ts", import.meta.url);

describe("the zip gate in front of the Office libraries", () => {
  it("lets real Excel and Word files through", async () => {
    for (const file of [await workbook([["الاسم"], ["سالم"]]), docx("<w:p><w:r><w:t>نص</w:t></w:r></w:p>")]) {
      const entries = inspectZipDirectory(file, limits);
      expect(entries.length).toBeGreaterThan(1);
      expect(() => assertInflatesAsDeclared(file, entries)).not.toThrow();
    }
  });

  it("refuses every bomb of the corpus by its directory or its real inflation", { timeout: 30_000 }, () => {
    for (const kind of ["xlsx", "docx"] as const) {
      for (const { label, bytes } of zipBombs(kind)) {
        const refusal = (() => {
          try {
            assertInflatesAsDeclared(bytes, inspectZipDirectory(bytes, limits));
            return null;
          } catch (error) {
            return error;
          }
        })();
        expect(refusal, label).toBeInstanceOf(ZipRefusedError);
        expect((refusal as ZipRefusedError).code, label).toBe("archive_bomb");
      }
    }
  });

  it("refuses the reported 255 KB → 256 MiB sheet from its directory alone, in milliseconds", {
    timeout: 60_000,
  }, () => {
    const bomb = realBomb("xlsx");
    expect(bomb.length).toBeLessThan(400 * 1024);
    const started = performance.now();
    expect(() => inspectZipDirectory(bomb, limits)).toThrow(/bytes inflated/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("calls something that is not a zip unreadable", () => {
    expect(() => inspectZipDirectory(Buffer.from("not a zip at all"), limits)).toThrow(
      expect.objectContaining({ code: "archive_unreadable" }),
    );
  });
});

describe("work off the event loop", () => {
  it("answers with the task's result, and passes a refusal's code across", { timeout: 60_000 }, async () => {
    const limit = { timeoutMs: 20_000, maxHeapMb: 64 };
    expect(await runOffThread(tasks, "twice", [21], limit)).toBe(42);
    await expect(runOffThread(tasks, "refuse", [], limit)).rejects.toMatchObject({
      constructor: OffThreadTaskError,
      code: "archive_bomb",
    });
  });

  it("stops a task that runs too long, and one that eats its heap, while the loop stays free", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    await expect(runOffThread(tasks, "spinForever", [], { timeoutMs: 1500, maxHeapMb: 64 })).rejects.toThrow(
      OffThreadLimitError,
    );
    clearInterval(ticker);
    expect(performance.now() - started).toBeLessThan(6000);
    // The loop ticked all along while the thread spun (a tenth of the ticks, to allow a busy machine).
    expect(ticks).toBeGreaterThan(10);
    await expect(
      runOffThread(tasks, "eatHeap", [], { timeoutMs: 60_000, maxHeapMb: 32 }),
    ).rejects.toMatchObject({ reason: "memory" });
  }, 90_000);
});

describe("the gate for heavy work", () => {
  const gate = createGate({ concurrency: 2, queue: 1, waitMs: 200 });
  afterAll(() => undefined);

  it("runs two at once, queues one, and refuses the rest at once with a retry time", async () => {
    let running = 0;
    let most = 0;
    const job = () =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        return "done";
      });
    const results = await Promise.allSettled([job(), job(), job(), job(), job()]);
    expect(most).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results
      .filter((r) => r.status === "rejected")
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toBeInstanceOf(GateBusyError);
    expect(refused[0].retryAfterSeconds).toBe(1);
  });

  it("tells a waiter to come back when its wait runs out", async () => {
    const slow = () => gate.run(() => new Promise((r) => setTimeout(r, 600)));
    const results = await Promise.allSettled([slow(), slow(), slow()]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(gate.running).toBe(0);
  });
});
