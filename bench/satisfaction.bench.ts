import { randomUUID } from "node:crypto";
import pg from "pg";
import { createModules } from "../server/app.js";
import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { type Database, openDatabase } from "../server/db/client.js";
import { migrateDatabase } from "../server/db/migrate.js";
import type { Actor } from "../server/http/actor.js";
import { isoFromDayNumber, riyadhDayNumber } from "../shared/domain/index.js";

/**
 * Satisfaction at scale (issue 12, ADR 0027): BENCH_SATISFACTION_SIZE answers (default 1,000,000 on
 * PostgreSQL, 50,000 on the embedded PGlite) loaded through the surveys module's bulk answer path
 * over two years, then p50/p95 of the dashboard's satisfaction summary for a month and a year and of
 * one survey's results for a year. Both read the monthly rollups, never the answers.
 */

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, runs: number, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(38)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(
      times,
      95,
    )
      .toFixed(1)
      .padStart(7)} ms`,
  );
}

const remarks = [
  "انتظرت طويلًا في الاستقبال",
  "الموظفة متعاونة ولطيفة",
  "طلبوا أوراقًا كثيرة",
  "لم يتصل بي أحد",
  "المبلغ لا يكفي",
  "شكرًا لكم",
];

export async function runSatisfactionBench(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  console.log(`Satisfaction summary (${base ? "PostgreSQL" : "PGlite"})`);
  const size = Number(process.env.BENCH_SATISFACTION_SIZE ?? (base ? 1_000_000 : 50_000));
  const name = `silah_bench_satisfaction_${Date.now()}`;
  let admin: pg.Client | undefined;
  let db: Database;
  if (base) {
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    db = await openDatabase({ kind: "postgres", url: url.toString() });
  } else {
    db = await openDatabase({ kind: "pglite", dataDir: null });
  }
  try {
    await migrateDatabase(db);
    const config = loadConfig({ NODE_ENV: "test", SILAH_LOG_LEVEL: "silent" });
    const modules = createModules({ config, db, clock: systemClock });
    const association = await modules.associations.service.createBySystem({
      slug: `bench-${Date.now()}`,
      nameAr: "جمعية القياس",
    });
    const staff = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        modules.users.service.createBySystem(association.id, {
          fullName: `موظف القياس ${i + 1}`,
          email: `bench-${randomUUID()}@example.test`,
          password: "quarry lemon 58 saddle",
          roles: i === 0 ? ["manager"] : ["officer"],
          locale: "ar",
        }),
      ),
    );
    const actor: Actor = {
      userId: staff[0]!.id,
      associationId: association.id,
      roles: ["manager"],
      sessionId: randomUUID(),
      requestId: "bench",
    };
    const surveys = modules.surveys.service;
    const [template] = await surveys.templates(actor);
    const survey = await surveys.create(actor, template!.survey);
    await surveys.setStatus(actor, survey.id, "active");

    const today = riyadhDayNumber(new Date());
    const t0 = performance.now();
    const batch = 10_000;
    for (let start = 0; start < size; start += batch) {
      const answers = [];
      for (let i = start; i < Math.min(size, start + batch); i++) {
        const csat = 1 + ((i * 7) % 5);
        answers.push({
          day: isoFromDayNumber(today - (i % 730)),
          staffId: staff[1 + (i % 9)]!.id,
          answers: {
            csat,
            staff: 1 + ((i * 3) % 5),
            nps: (i * 11) % 11,
            ...(csat <= 2 ? { what_went_wrong: remarks[i % remarks.length]! } : {}),
          },
        });
      }
      await surveys.loadAnswers(association.id, survey.id, answers);
    }
    console.log(
      `  loaded ${size.toLocaleString("en")} answers over two years in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const runs = Number(process.env.BENCH_SATISFACTION_RUNS ?? 20);
    const month = { from: isoFromDayNumber(today - 30), to: isoFromDayNumber(today) };
    const year = { from: isoFromDayNumber(today - 365), to: isoFromDayNumber(today) };
    await time("summary, a month", runs, () => surveys.satisfactionSummary(actor, month));
    await time("summary, a year", runs, () => surveys.satisfactionSummary(actor, year));
    await time("one survey's results, a year", runs, () => surveys.results(actor, survey.id, year));
  } finally {
    await db.close();
    if (admin) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
