import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/database.js";

/**
 * Every foreign key has an index led by its column(s) (CONVENTIONS §7): without one, deleting or
 * re-pointing the referenced row scans the whole referring table under a lock, and the joins the
 * pages make by that column do the same. Read from the migrated database itself, so a key added
 * by any later migration is held to it too.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

type Row = { constraint_name: string; table_name: string; columns: string[]; indexed: boolean };

describe("foreign keys", () => {
  it("each has an index whose leading columns are the key's columns", async () => {
    const result = await db.raw.execute(sql`
      select c.conname as constraint_name,
             c.conrelid::regclass::text as table_name,
             array(select a.attname::text from unnest(c.conkey) k join pg_attribute a
                     on a.attrelid = c.conrelid and a.attnum = k order by a.attname) as columns,
             exists (
               select 1 from pg_index i
               where i.indrelid = c.conrelid
                 and i.indpred is null
                 and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(c.conkey) - 1]) x)
                   = (select array_agg(x order by x) from unnest(c.conkey) x)
             ) as indexed
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      order by 2, 1`);
    const rows = (result as unknown as { rows: Row[] }).rows;
    expect(rows.length).toBeGreaterThan(100);
    const missing = rows.filter((r) => !r.indexed).map((r) => `${r.table_name}(${r.columns.join(", ")})`);
    expect(missing).toEqual([]);
  });
});
