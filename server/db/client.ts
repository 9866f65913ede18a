import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDirectory } from "./data-dir-lock.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
/** What a repository runs its SQL on: always a transaction opened by `Database.tenant` or `.system`. */
export type Tx = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseTarget = { kind: "pglite"; dataDir: string | null } | { kind: "postgres"; url: string };

export type Database = {
  kind: "pglite" | "postgres";
  target: DatabaseTarget;
  /**
   * A transaction acting for one association: it runs as the application role with the tenant set,
   * so row-level security confines every statement to that association.
   */
  tenant<T>(associationId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction with the owner's rights, for the few lookups that precede a tenant (sign-in, jobs). */
  system<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Drizzle on the owner connection, for migrations and health checks. */
  raw: Tx;
  close(): Promise<void>;
};

export const applicationRole = "silah_app";

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === "pglite") {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    // One process per data directory (ADR 0016): taken before PGlite reads a byte, so a refused
    // process changes nothing; released after PGlite has written its last page.
    const lock = target.dataDir ? lockDataDirectory(target.dataDir) : null;
    try {
      // pg_trgm is registered for name search; btree_gin must not be registered with it (ADR 0001).
      const client = await PGlite.create(target.dataDir ?? undefined, { extensions: { pg_trgm } });
      const db = drizzlePglite(client, { schema }) as unknown as Tx;
      return wrap(target, db, async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      });
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  const db = drizzleNodePg(pool, { schema }) as unknown as Tx;
  return wrap(target, db, () => pool.end());
}

function wrap(target: DatabaseTarget, db: Tx, close: () => Promise<void>): Database {
  return {
    kind: target.kind,
    target,
    raw: db,
    close,
    system: (work) => db.transaction((tx) => work(tx as unknown as Tx)),
    tenant: (associationId, work) =>
      db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${applicationRole}`));
        await tx.execute(sql`select set_config('app.association_id', ${associationId}, true)`);
        return work(tx as unknown as Tx);
      }),
  };
}
