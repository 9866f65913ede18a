/**
 * A bounded gate for heavy work (rendering a PDF, parsing an upload): at most `concurrency` run at
 * once, at most `queue` more wait, each for at most `waitMs`. Anything beyond is refused at once with
 * `GateBusyError`, so a burst of heavy requests costs a short wait or a clean "try again", never a
 * pile of browsers or workers that starves every other association on the server.
 */
export class GateBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("busy: too many heavy requests at once");
    this.name = "GateBusyError";
  }
}

export type Gate = {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How many are running now (for tests and metrics). */
  readonly running: number;
};

export function createGate(options: { concurrency: number; queue: number; waitMs: number }): Gate {
  let running = 0;
  const waiting: Array<{ start: () => void; timer: NodeJS.Timeout }> = [];
  const retryAfter = Math.max(1, Math.ceil(options.waitMs / 1000));

  // A finishing run hands its slot straight to the first in line, so a newcomer cannot slip in
  // between and exceed the bound.
  function release() {
    const next = waiting.shift();
    if (!next) {
      running--;
      return;
    }
    clearTimeout(next.timer);
    next.start();
  }

  return {
    get running() {
      return running;
    },
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= options.concurrency) {
        if (waiting.length >= options.queue) throw new GateBusyError(retryAfter);
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: resolve,
            timer: setTimeout(() => {
              waiting.splice(waiting.indexOf(entry), 1);
              reject(new GateBusyError(retryAfter));
            }, options.waitMs),
          };
          waiting.push(entry);
        });
      } else running++;
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
