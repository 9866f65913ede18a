import type { FastifyInstance } from "fastify";
import { secondFactorRequired } from "../shared/domain/second-factor.js";
import { buildApp, createModules, type Modules } from "./app.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { demoEmail, demoOperator, demoPassword, demoUsers, seedDemo } from "./db/seed-demo.js";
import { createRateLimits } from "./http/rate-limit.js";
import { createJobQueue, startWorker } from "./jobs/queue.js";

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const db = await openDatabase(
    config.database.kind === "pglite"
      ? { kind: "pglite", dataDir: config.database.dataDir }
      : { kind: "postgres", url: config.database.url },
  );
  try {
    await migrateDatabase(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export type RunningSilah = {
  app: FastifyInstance;
  db: Database;
  modules: Modules;
  url: string;
  stop(): Promise<void>;
};

/** Start-up: database, migrations, the demo on a first run outside production, HTTP, jobs. */
export async function startSilah(
  config: Config,
  print: (line: string) => void = console.log,
): Promise<RunningSilah> {
  const db = await openConfiguredDatabase(config);
  try {
    return await serve(config, db, print);
  } catch (error) {
    // A port already taken must not leave the data directory held by a process that is not serving.
    await db.close();
    throw error;
  }
}

async function serve(config: Config, db: Database, print: (line: string) => void): Promise<RunningSilah> {
  const clock = systemClock;
  const queue = createJobQueue({ db, clock });
  const limits = createRateLimits({ db, secret: config.session.secret });
  const modules = createModules({ config, db, clock, queue, limits });

  if (config.env !== "production" && (await modules.associations.service.isEmpty())) {
    await seedDemo(modules, {
      ...(config.demoHistory ? { history: (at: Clock) => createModules({ config, db, clock: at }) } : {}),
      now: clock.now(),
    });
    print("تم إنشاء جمعية تجريبية — A demo association was created. Sign in with any of:");
    for (const user of demoUsers) {
      const twoStep = secondFactorRequired([user.role]) ? " *" : "";
      print(`  ${demoEmail(user.local).padEnd(42)} (${user.role})${twoStep}`);
    }
    print(`  ${demoEmail(demoOperator.local).padEnd(42)} (platform_operator) *`);
    print(`  password / كلمة المرور: ${demoPassword}`);
    print("  * تفعيل التحقق بخطوتين عند أول دخول — enrols two-step verification at first sign-in");
  }

  const app = await buildApp({ config, db, clock, modules });
  const worker = config.runJobs ? startWorker(queue) : null;
  const pruning = limits.startPruning();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  print(`صِلة تعمل على ${url} — Silah is running at ${url} (database: ${db.kind})`);

  return {
    app,
    db,
    modules,
    url,
    async stop() {
      pruning.stop();
      await worker?.stop();
      await app.close();
      await db.close();
    },
  };
}
