import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { Database } from "./client.js";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Any fixed number: two processes starting together take turns instead of migrating twice.
const migrationLockKey = 7_415_001;

export async function migrateDatabase(db: Database): Promise<void> {
  if (db.target.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific drizzle type.
    await migratePglite(db.raw as any, { migrationsFolder });
    return;
  }
  // A session-level advisory lock lives on one connection, so migrations get a client of their own.
  const client = new pg.Client({ connectionString: db.target.url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [migrationLockKey]);
    await migrateNodePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [migrationLockKey]).catch(() => {});
    await client.end();
  }
}
