import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * Runs CPU-heavy work on hostile input (a spreadsheet, a Word file, a CSV) in a worker thread with
 * a time limit and a heap limit, so the event loop that serves every association stays free, and a
 * file built to exhaust memory or time kills only its own thread. See ADR 0014.
 */
export type OffThreadLimits = { timeoutMs: number; maxHeapMb: number };

/** The thread was stopped: it ran past its time, or past its memory. */
export class OffThreadLimitError extends Error {
  constructor(
    readonly reason: "timeout" | "memory",
    message: string,
  ) {
    super(message);
    this.name = "OffThreadLimitError";
  }
}

/** The task itself threw; its `code` (when it gave one) crosses the thread boundary. */
export class OffThreadTaskError extends Error {
  constructor(
    readonly code: string | undefined,
    readonly taskErrorName: string,
    message: string,
  ) {
    super(message);
    this.name = "OffThreadTaskError";
  }
}

// Source runs through tsx (bin/silah.mjs, vitest); a thread starts without the parent's loader, so
// it is given tsx explicitly when this file is TypeScript.
const runningTypeScript = import.meta.url.endsWith(".ts");
const workerUrl = new URL(
  runningTypeScript ? "./off-thread-worker.ts" : "./off-thread-worker.js",
  import.meta.url,
);
const execArgv = runningTypeScript
  ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href]
  : [];

type Reply = { ok: true; result: unknown } | { ok: false; name: string; message: string; code?: unknown };

/**
 * Calls `exportName(...args)` of the module at `moduleUrl` in a fresh thread. Arguments and result
 * are copied by structured clone: plain data and Buffers only.
 */
export function runOffThread<T>(
  moduleUrl: URL,
  exportName: string,
  args: unknown[],
  limits: OffThreadLimits,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(workerUrl, {
      workerData: { moduleUrl: moduleUrl.href, exportName, args },
      execArgv,
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxHeapMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(8, Math.floor(limits.maxHeapMb / 8))),
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new OffThreadLimitError("timeout", `${exportName} ran past ${limits.timeoutMs} ms`)),
        ),
      limits.timeoutMs,
    );
    worker.once("message", (reply: Reply) =>
      settle(() =>
        reply.ok
          ? resolve(reply.result as T)
          : reject(
              new OffThreadTaskError(
                typeof reply.code === "string" ? reply.code : undefined,
                reply.name,
                reply.message,
              ),
            ),
      ),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new OffThreadLimitError("memory", `${exportName} ran past ${limits.maxHeapMb} MiB`)
            : error,
        ),
      ),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`${exportName}: worker ended (exit ${code}) without an answer`))),
    );
  });
}
