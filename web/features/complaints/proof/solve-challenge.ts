import type { ComplaintChallenge } from "../../../../shared/contracts/complaints.js";

type Solution = { counter: number; derivedKey: string; time?: number };

/** Beyond this the browser gives up and says so; the hardest challenge fits well inside it. */
const timeoutMs = 180_000;

/**
 * Finds the challenge's hidden number with a few workers, each trying every nth number, and
 * answers with ALTCHA's payload (base64 of the challenge and the solution) for the form.
 */
export function solveChallenge(challenge: ComplaintChallenge, signal: AbortSignal): Promise<string> {
  const count = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 2));
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL("./solver.worker.ts", import.meta.url), { type: "module" }),
  );
  const stop = () => {
    for (const worker of workers) worker.terminate();
  };
  return new Promise<string>((resolve, reject) => {
    let unanswered = count;
    const fail = (reason: unknown) => {
      stop();
      reject(reason instanceof Error ? reason : new Error("challenge not solved"));
    };
    signal.addEventListener("abort", () => fail(new DOMException("aborted", "AbortError")));
    workers.forEach((worker, index) => {
      worker.addEventListener("error", fail);
      worker.addEventListener("message", (message: MessageEvent<Solution | { error: unknown } | null>) => {
        const data = message.data;
        if (data && "counter" in data) {
          stop();
          resolve(btoa(JSON.stringify({ challenge, solution: data })));
        } else if (data && "error" in data) {
          fail(data.error);
        } else if (--unanswered === 0) {
          fail(new Error("challenge not solved in time"));
        }
      });
      worker.postMessage({
        type: "work",
        challenge,
        counterStart: index,
        counterStep: count,
        timeout: timeoutMs,
      });
    });
  });
}
