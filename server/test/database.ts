import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new database on
 * the PostgreSQL server named by TEST_DATABASE_URL (dropped again afterwards).
 */
export type TestDatabase = Database & {
  dispose(): Promise<void>;
  /** A second, independent connection to the same data, as another server process would have. */
  connectAgain(): Promise<Database>;
};

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ kind: "pglite", dataDir: null });
    await migrateDatabase(db);
    // PGlite lives inside one process; the nearest to a second process is a second app on it.
    return { ...db, dispose: () => db.close(), connectAgain: async () => ({ ...db, close: async () => {} }) };
  }
  const name = `silah_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  await migrateDatabase(db);
  const others: Database[] = [];
  return {
    ...db,
    async connectAgain() {
      const other = await openDatabase({ kind: "postgres", url: url.toString() });
      others.push(other);
      return other;
    },
    async dispose() {
      for (const other of others) await other.close();
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      // A pool's end() resolves before its clients' sockets have closed; dropping "with (force)"
      // at that moment kills a connection mid-goodbye, and its client throws 57P01 outside any test.
      // Wait (briefly) for the server to see them gone, then force only what is truly left.
      for (let attempt = 0; attempt < 50; attempt++) {
        const { rows } = await cleanup.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1",
          [name],
        );
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
