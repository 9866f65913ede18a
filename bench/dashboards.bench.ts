import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createModules, type Modules } from "../server/app.js";
import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { type Database, openDatabase } from "../server/db/client.js";
import { migrateDatabase } from "../server/db/migrate.js";
import type { Actor } from "../server/http/actor.js";
import {
  allSections,
  createDashboardsRepository,
} from "../server/modules/dashboards/dashboards.repository.js";
import { isoFromDayNumber, riyadhDayNumber } from "../shared/domain/index.js";

/**
 * The management dashboard at scale (issue 12, ADR 0026): one association with BENCH_DASHBOARD_SIZE
 * support requests and as many inquiries and their answers, spread over two years, and a twentieth
 * as many complaints, seeded with generate_series (the triggers of migration 0036 fill the daily
 * counts as the rows go in). Prints p50/p95 of each section of the page alone, of all of them in the
 * one statement the page runs, of the liaison load, of field oversight's summary and of the whole
 * page, for a month and a year.
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL) at 1,000,000 by default, in a database this
 * bench creates and drops — or, with BENCH_DASHBOARD_KEEP=1, keeps as silah_bench_dashboards_<size>
 * and reuses on the next run (migrating it first). Without a server: PGlite in memory at 20,000.
 * BENCH_DASHBOARD_RUNS (default 20) timed runs after one warm-up.
 */

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, runs: number, work: () => Promise<unknown>) {
  await work(); // warm the cache and the plan
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95)
      .toFixed(1)
      .padStart(7)} ms`,
  );
}

export async function runDashboardsBench(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  // PostgreSQL at a million by default; without a server, the embedded database at a smaller size.
  const size = Number(process.env.BENCH_DASHBOARD_SIZE ?? (base ? 1_000_000 : 20_000));
  // BENCH_DASHBOARD_KEEP=1 keeps the database (named by its size) and reuses it on the next run.
  const keep = Boolean(base && process.env.BENCH_DASHBOARD_KEEP);
  console.log(`Management dashboard (${base ? "PostgreSQL" : "PGlite, in memory"})`);
  const name = keep ? `silah_bench_dashboards_${size}` : `silah_bench_dashboards_${Date.now()}`;
  let url: URL | null = null;
  if (base) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
    await admin.end();
    url = new URL(base);
    url.pathname = `/${name}`;
  }
  const db = await openDatabase(
    url ? { kind: "postgres", url: url.toString() } : { kind: "pglite", dataDir: null },
  );
  let failed = false;
  try {
    await migrateDatabase(db);
    const config = loadConfig({ NODE_ENV: "test", SILAH_LOG_LEVEL: "silent" });
    const modules = createModules({ config, db, clock: systemClock });
    const slug = "bench-dashboards";
    const seeded = await modules.associations.service.findBySlug(slug);
    const association =
      seeded ?? (await modules.associations.service.createBySystem({ slug, nameAr: "جمعية القياس" }));
    const a = association.id;
    if (seeded) {
      console.log(`  reusing ${name} (seeded earlier with ${size.toLocaleString("en")} requests)`);
    } else {
      await seedBench(db, modules, a, size);
    }
    const found = await db.system((tx) =>
      tx.execute(sql`select id from users where association_id = ${a} and full_name = 'موظف القياس 1'`),
    );
    const actor: Actor = {
      userId: (found as unknown as { rows: { id: string }[] }).rows[0]!.id,
      associationId: a,
      roles: ["manager"],
      sessionId: randomUUID(),
      requestId: "bench",
    };
    const today = riyadhDayNumber(new Date());
    const repo = createDashboardsRepository();
    const runs = Number(process.env.BENCH_DASHBOARD_RUNS ?? 20);
    for (const [label, days] of [
      ["a month", 30],
      ["a year", 365],
    ] as const) {
      const period = { from: isoFromDayNumber(today - days), to: isoFromDayNumber(today) };
      const window = { fromDay: today - days, toDay: today };
      const now = new Date();
      console.log(`  ${label} (${period.from} – ${period.to})`);
      // Each section alone, in its own transaction, as the page would run it if it ran one at a time.
      for (const section of allSections)
        await time(`    ${section}`, runs, () =>
          db.tenant(a, (tx) => repo.figures(tx, window, now, [section])),
        );
      await time("    all sections, one statement", runs, () =>
        db.tenant(a, (tx) => repo.figures(tx, window, now)),
      );
      await time("    liaison load", runs, () => modules.contacts.service.liaisonLoad(actor, period));
      await time("    field actions", runs, () => modules.fieldwork.service.summary(actor));
      await time("    the whole dashboard", runs, () => modules.dashboards.service.overview(actor, period));
    }
  } catch (error) {
    failed = true;
    console.log(`  failed: ${(error as { cause?: Error }).cause?.message ?? (error as Error).message}`);
    throw error;
  } finally {
    await db.close();
    if (base && (!keep || failed)) await dropDatabase(base, name);
  }
}

async function dropDatabase(base: string, name: string) {
  const dropper = new pg.Client({ connectionString: base });
  await dropper.connect();
  // The pool's clients say goodbye after close() returns: wait for them before dropping.
  for (let i = 0; i < 50; i++) {
    const { rows } = await dropper.query(
      "select count(*)::int as n from pg_stat_activity where datname = $1",
      [name],
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await dropper.query(`drop database if exists ${name} with (force)`);
  await dropper.end();
}

/**
 * Twenty staff, thirty services, 20,000 beneficiaries, then `size` requests and as many inquiries
 * over the last two years and a twentieth as many complaints, all with generate_series.
 */
async function seedBench(db: Database, modules: Modules, a: string, size: number) {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) {
    await modules.users.service.createBySystem(a, {
      fullName: `موظف القياس ${i + 1}`,
      email: `bench-${randomUUID()}@example.test`,
      password: "quarry lemon 58 saddle",
      roles: i === 0 ? ["manager"] : ["officer", "liaison_officer"],
      locale: "ar",
    });
  }
  await db.system(async (tx) => {
    await tx.execute(sql`
      insert into services (association_id, code, name_ar, kind)
      select ${a}, 'service_' || g, 'خدمة ' || g,
             (array['financial','in_kind','medical','housing','education','membership','other'])[1 + g % 7]
      from generate_series(1, 30) g`);
    await tx.execute(sql`
      insert into beneficiaries (association_id, file_number, full_name, name_key)
      select ${a}, g, 'مستفيد ' || g, 'مستفيد ' || g from generate_series(1, 20000) g`);
    // Requests over the last two years. As in an association at work, what is older than six weeks
    // is decided (accepted, rejected, delivering, closed) or cancelled; of the newer half is still open.
    await tx.execute(sql`
      with s as (select array_agg(id) ids from services where association_id = ${a}),
           b as (select array_agg(id) ids from beneficiaries where association_id = ${a}),
           u as (select array_agg(id) ids from users where association_id = ${a}),
           r as (select g, now() - (random() * interval '730 days') opened from generate_series(1, ${size}) g),
           d as (select g, opened, (opened < now() - interval '42 days' or g % 2 = 0) decided from r)
      insert into support_requests (association_id, reference_number, beneficiary_id, service_id, channel, state,
                                    requirements, opened_by, opened_at, due_at, decided_at)
      select ${a}, 'REQ-' || d.g, b.ids[1 + d.g % 20000], s.ids[1 + d.g % 30],
             (array['interview','phone','website','whatsapp','email','letters'])[1 + d.g % 6],
             case when d.decided then (array['accepted','rejected','closed','delivering'])[1 + d.g % 4]
                  else (array['complete','in_committee','referred','incomplete'])[1 + d.g % 4] end,
             '[]'::jsonb, u.ids[1 + d.g % 20], d.opened, d.opened + interval '10 days',
             case when d.decided then d.opened + (random() * interval '20 days') end
      from d, s, b, u`);
    await tx.execute(sql`
      insert into interactions (association_id, kind, channel, direction, occurred_at, staff_user_id, subject,
                                answer, answered_at, routed_to_user_id)
      select ${a}, 'inquiry', (array['phone','whatsapp','email','website'])[1 + g % 4], 'inbound', o.t,
             u.ids[1 + g % 20], 'استفسار ' || g,
             case when g % 10 <> 0 or o.t < now() - interval '42 days' then 'الإجابة' end,
             case when g % 10 <> 0 or o.t < now() - interval '42 days' then o.t + interval '2 days' end,
             u.ids[1 + (g + 7) % 20]
      from generate_series(1, ${size}) g,
           lateral (select now() - (random() * interval '730 days') + (g * interval '0 second') as t) o,
           (select array_agg(id) ids from users where association_id = ${a}) u`);
    await tx.execute(sql`
      insert into complaints (association_id, reference_number, tracking_token_hash, source, channel, category,
                              subject, details, status, outcome, assigned_to, received_at, due_at)
      select ${a}, 'CMP-' || g, 'hash-' || g, 'staff', 'phone', 'delay', 'شكوى', 'تفاصيل',
             case when g % 730 < 60 then (array['received','assigned','investigating','closed'])[1 + g % 4] else 'closed' end,
             case when g % 730 >= 60 or g % 4 = 3 then (array['resolved','amicable_settlement','rejected'])[1 + g % 3] end,
             u.ids[1 + g % 20], now() - (g % 730) * interval '1 day', now() - (g % 730) * interval '1 day' + interval '10 days'
      from generate_series(1, ${Math.max(1, Math.floor(size / 20))}) g,
           (select array_agg(id) ids from users where association_id = ${a}) u`);
  });
  // Fresh statistics and visibility map, as autovacuum would leave them (VACUUM runs outside a transaction).
  await db.raw.execute(sql`vacuum analyze`);
  console.log(
    `  seeded ${size.toLocaleString("en")} requests, ${size.toLocaleString("en")} inquiries (all but a tenth of the last six weeks' answered), ${Math.floor(size / 20).toLocaleString("en")} complaints in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}
