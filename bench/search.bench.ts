import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createModules } from "../server/app.js";
import { systemClock } from "../server/clock.js";
import { loadConfig } from "../server/config.js";
import { openDatabase } from "../server/db/client.js";
import { migrateDatabase } from "../server/db/migrate.js";
import { beneficiaries } from "../server/db/schema.js";
import type { Actor } from "../server/http/actor.js";
import { normalizeArabicName } from "../shared/domain/index.js";
import { generateRegistry } from "./toolkit.bench.js";

/**
 * Beneficiary search: latency (median, p95) and recall on spelling variants at 100,000 and
 * 1,000,000 beneficiaries, through the real service (normalised key, trigram index, containment
 * ranking, and the audit event every search writes), beside plain pg_trgm on the raw names measured
 * on the same data and queries. Embedded database (PGlite) unless BENCH_DATABASE_URL is set.
 * Sizes: BENCH_SEARCH_SIZES (default "100000,1000000").
 */

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** What an officer types: two or three of the parts, re-spelled the way people do. */
function variantQuery(rng: () => number, name: string): string {
  const parts = name.split(" ");
  const [given, father, , family] = parts as [string, string, string, string];
  let chosen = rng() < 0.5 ? [given, family] : [given, father, family];
  const spell = (w: string) => {
    let out = w;
    if (rng() < 0.5) out = out.replace(/[أإآ]/g, "ا");
    if (rng() < 0.4) out = out.replace(/ة$/, "ه");
    if (rng() < 0.3) out = out.replace(/ي$/, "ى");
    if (rng() < 0.3) out = out.replace(/^عبد(?=\S)/, "عبد ");
    if (rng() < 0.1 && out.length > 3) out = `${out.slice(0, 2)}ـ${out.slice(2)}`;
    return out;
  };
  chosen = chosen.map(spell);
  if (chosen.length === 3 && rng() < 0.4) chosen.splice(1, 0, "بن");
  return chosen.join(" ");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(
  label: string,
  queries: { q: string; key: string }[],
  run: (q: string) => Promise<string[]>,
  keyOf: Map<string, string>,
) {
  const times: number[] = [];
  let found = 0;
  for (const { q, key } of queries) {
    const t0 = performance.now();
    const ids = await run(q);
    times.push(performance.now() - t0);
    // A hit: the person, or someone whose name is written identically (indistinguishable by name).
    if (ids.some((id) => keyOf.get(id) === key)) found++;
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} median ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(
      times,
      95,
    )
      .toFixed(1)
      .padStart(7)} ms   recall@20 ${(found / queries.length).toFixed(3)}`,
  );
}

async function runAt(size: number): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const db = await openDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: null });
  await migrateDatabase(db);
  const config = loadConfig({ NODE_ENV: "test", SILAH_LOG_LEVEL: "silent" });
  const modules = createModules({ config, db, clock: systemClock });
  const association = await modules.associations.service.createBySystem({
    slug: `bench-${Date.now()}`,
    nameAr: "جمعية القياس",
  });
  const user = await modules.users.service.createBySystem(association.id, {
    fullName: "موظف القياس",
    email: `bench-${randomUUID()}@example.test`,
    password: "quarry lemon 58 saddle",
    roles: ["officer"],
    locale: "ar",
  });
  const actor: Actor = {
    userId: user.id,
    associationId: association.id,
    roles: ["officer"],
    sessionId: randomUUID(),
    requestId: "bench",
  };

  const records = generateRegistry(size, 0, 7_777 + size);
  const t0 = performance.now();
  const idByIndex: string[] = [];
  const keyOf = new Map<string, string>();
  const batch = 2_000;
  for (let start = 0; start < records.length; start += batch) {
    const rows = records.slice(start, start + batch).map((r, i) => {
      const id = randomUUID();
      idByIndex.push(id);
      const key = normalizeArabicName(r.name);
      keyOf.set(id, key);
      return {
        id,
        associationId: association.id,
        fileNumber: start + i + 1,
        fullName: r.name,
        nameKey: key,
        gender: "male",
        phones: [`+966${r.phone.slice(1)}`],
      };
    });
    await db.system((tx) => tx.insert(beneficiaries).values(rows));
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  await db.raw.execute(sql`analyze beneficiaries`);

  const rng = mulberry32(size);
  const queries = Array.from({ length: 200 }, () => {
    const index = Math.floor(rng() * records.length);
    return { q: variantQuery(rng, records[index]!.name), key: keyOf.get(idByIndex[index]!)! };
  });

  console.log(
    `\n-- ${size.toLocaleString("en")} beneficiaries (${db.kind}; loaded in ${loadSeconds.toFixed(0)} s) --`,
  );
  await measure(
    "Silah search (normalised + ranked)",
    queries,
    async (q) => {
      const hits = await modules.beneficiaries.service.search(actor, { q, limit: 20 });
      return hits.map((h) => h.id);
    },
    keyOf,
  );

  // The same data searched the plain way: pg_trgm similarity on the raw names, with its own index.
  await db.raw.execute(
    sql`create index bench_full_name_trgm on beneficiaries using gin (full_name gin_trgm_ops)`,
  );
  await measure(
    "plain pg_trgm on raw names",
    queries,
    async (q) => {
      const result = (await db.raw.execute(
        sql`select id from beneficiaries where full_name % ${q} order by similarity(full_name, ${q}) desc limit 20`,
      )) as unknown as { rows: { id: string }[] };
      return result.rows.map((r) => r.id);
    },
    keyOf,
  );
  await db.close();
}

export async function runSearchBench(): Promise<void> {
  console.log("== Beneficiary search ==");
  const sizes = (process.env.BENCH_SEARCH_SIZES ?? "100000,1000000").split(",").map(Number);
  for (const size of sizes) await runAt(size);
}
