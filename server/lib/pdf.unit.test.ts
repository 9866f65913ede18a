import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GateBusyError } from "./gate.js";
import { createPdfRenderer, systemChromium } from "./pdf.js";

/** Browsers this process started: children of this process whose command is Chromium. */
function browsersRunning(): number {
  const table = execFileSync("ps", ["-eo", "ppid=,comm="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([ppid, comm]) => Number(ppid) === process.pid && /chrom/i.test(comm ?? "")).length;
}

const page = (n: number) =>
  `<!doctype html><html lang="ar" dir="rtl"><body><h1>السياسة ${n}</h1><p>${"نص ".repeat(500)}</p></body></html>`;

describe.skipIf(!existsSync(systemChromium))("printing PDFs with one shared browser", () => {
  it("renders six at once through one browser, two at a time, and ends it on close", {
    timeout: 180_000,
  }, async () => {
    const renderer = createPdfRenderer({ concurrency: 2, queue: 6, waitMs: 120_000 });
    let most = 0;
    const sampler = setInterval(() => {
      most = Math.max(most, browsersRunning());
    }, 200);
    const started = performance.now();
    const pdfs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => renderer.render(page(n))));
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(most).toBe(1);
    console.info(`six PDFs at once through one browser: ${Math.round(elapsed)} ms`);
    await renderer.close();
    expect(browsersRunning()).toBe(0);
  });

  it("tells the excess to come back later instead of starting more browsers", {
    timeout: 180_000,
  }, async () => {
    const renderer = createPdfRenderer({ concurrency: 1, queue: 1, waitMs: 60_000 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => renderer.render(page(n))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(refused).toHaveLength(2);
    for (const reason of refused) expect(reason).toBeInstanceOf(GateBusyError);
    await renderer.close();
    expect(browsersRunning()).toBe(0);
  });
});
