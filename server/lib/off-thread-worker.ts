import { parentPort, workerData } from "node:worker_threads";

/**
 * The body of one off-thread task (server/lib/off-thread.ts): load the named module, call the named
 * export with the arguments, post back the result or the refusal, and end. One task per thread, so
 * whatever a hostile file did to this heap goes away with it.
 */
type Task = { moduleUrl: string; exportName: string; args: unknown[] };

const { moduleUrl, exportName, args } = workerData as Task;
try {
  const loaded = (await import(moduleUrl)) as Record<string, (...a: unknown[]) => unknown>;
  const run = loaded[exportName];
  if (typeof run !== "function") throw new Error(`${moduleUrl} has no export ${exportName}`);
  parentPort?.postMessage({ ok: true, result: await run(...args) });
} catch (error) {
  const failure = error instanceof Error ? error : new Error(String(error));
  parentPort?.postMessage({
    ok: false,
    name: failure.name,
    message: failure.message,
    code: (failure as Error & { code?: unknown }).code,
  });
}
