import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Database, Tx } from "../db/client.js";
import { jobs } from "../db/schema.js";
import { describeError } from "../http/logger.js";

/**
 * A durable job queue in the database itself, so every server process shares it: a job is claimed
 * with `FOR UPDATE SKIP LOCKED`, held by a lease, and completed exactly once. While its handler runs
 * the process renews the lease (a heartbeat), so a slow job is never taken up by a second process;
 * a process that dies mid-job stops renewing, and once its lease runs out another process takes the
 * job up again.
 */
export type JobHandler = (job: {
  id: number;
  associationId: string | null;
  payload: unknown;
}) => Promise<void>;

export type EnqueueOptions = {
  associationId?: string | null;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
};

export type JobQueue = ReturnType<typeof createJobQueue>;

const defaultLeaseMs = 60_000;

export function createJobQueue(deps: {
  db: Database;
  clock: Clock;
  logger?: Pick<Logger, "error" | "info" | "warn">;
  /** How long a claim holds without renewal; renewed every third of it while the handler runs. */
  leaseMs?: number;
}) {
  const { db, clock, logger } = deps;
  const leaseMs = deps.leaseMs ?? defaultLeaseMs;
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler>();

  async function claim(): Promise<typeof jobs.$inferSelect | undefined> {
    const now = clock.now();
    return db.system(async (tx) => {
      const [candidate] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            isNull(jobs.completedAt),
            lte(jobs.runAt, now),
            sql`${jobs.attempts} < ${jobs.maxAttempts}`,
            or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
            sql`${jobs.kind} in (${sql.join(
              [...handlers.keys()].map((k) => sql`${k}`),
              sql`, `,
            )})`,
          ),
        )
        .orderBy(asc(jobs.runAt), asc(jobs.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!candidate) return undefined;
      const [claimed] = await tx
        .update(jobs)
        .set({
          lockedBy: workerId,
          lockedUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${jobs.attempts} + 1`,
        })
        .where(eq(jobs.id, candidate.id))
        .returning();
      return claimed;
    });
  }

  /**
   * Renews the lease on a real timer while the handler runs. Renewal counts from the injected clock
   * like the claim does; it stops, and waits for a renewal in flight, before the outcome is written,
   * so a late renewal can never hold a finished or failed job.
   */
  function keepLease(jobId: number): { stop(): Promise<void> } {
    let inFlight: Promise<unknown> = Promise.resolve();
    const timer = setInterval(
      () => {
        inFlight = inFlight
          .then(() =>
            db.system((tx) =>
              tx
                .update(jobs)
                .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
                .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId), isNull(jobs.completedAt)))
                .returning({ id: jobs.id }),
            ),
          )
          .then((renewed) => {
            if (Array.isArray(renewed) && renewed.length === 0) {
              logger?.warn({ jobId }, "job lease lost while its handler runs");
            }
          })
          .catch((error) => logger?.warn({ jobId, err: String(error) }, "job lease renewal failed"));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return {
      async stop() {
        clearInterval(timer);
        await inFlight;
      },
    };
  }

  return {
    workerId,

    register(kind: string, handler: JobHandler): void {
      handlers.set(kind, handler);
    },

    /** Enqueues inside the caller's transaction when given one, so a job exists only if its cause commits. */
    async enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}, tx?: Tx): Promise<void> {
      const insert = (t: Tx) =>
        t
          .insert(jobs)
          .values({
            kind,
            payload: payload ?? {},
            associationId: options.associationId ?? null,
            runAt: options.runAt ?? clock.now(),
            dedupeKey: options.dedupeKey ?? null,
            maxAttempts: options.maxAttempts ?? 5,
          })
          .onConflictDoNothing({ target: jobs.dedupeKey });
      if (tx) await insert(tx);
      else await db.system(insert);
    },

    /** Runs due jobs until none is left; returns how many this process completed. */
    async drain(): Promise<number> {
      if (handlers.size === 0) return 0;
      let done = 0;
      for (;;) {
        const job = await claim();
        if (!job) return done;
        const handler = handlers.get(job.kind)!;
        const lease = keepLease(job.id);
        try {
          try {
            await handler({ id: job.id, associationId: job.associationId, payload: job.payload });
          } finally {
            await lease.stop();
          }
          await db.system((tx) =>
            tx
              .update(jobs)
              .set({ completedAt: clock.now(), completedBy: workerId, lockedUntil: null, lastError: null })
              .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId))),
          );
          done++;
        } catch (error) {
          // A driver's message can quote the values it was given (a name, an ID number): the log
          // and the jobs table keep only what describes the failure, never its data.
          const { stack: _stack, ...summary } = describeError(error);
          const message = JSON.stringify(summary);
          logger?.error({ jobId: job.id, kind: job.kind, err: summary }, "job failed");
          // Back off: the next attempt waits longer each time.
          const retryAt = new Date(clock.now().getTime() + 2 ** job.attempts * 1000);
          await db.system((tx) =>
            tx
              .update(jobs)
              .set({ lockedUntil: null, runAt: retryAt, lastError: message.slice(0, 2000) })
              // A process whose lease was lost leaves the job to the one that holds it now.
              .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), isNull(jobs.completedAt))),
          );
        }
      }
    },
  };
}

/** Polls the queue in the background until stopped. */
export function startWorker(queue: JobQueue, intervalMs = 1000): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() => queue.drain()).catch(() => {});
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
