import { inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "./client.js";

/**
 * The words a record is known by (a name, a reference, a version number), by id: what the audit
 * page shows for an event's subject instead of its uuid. Runs in the reader's tenant transaction, so
 * row-level security keeps it to the reader's association.
 */
export async function labelsById(
  tx: Tx,
  table: PgTable,
  id: PgColumn,
  label: PgColumn | SQL,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: sql<string>`${id}::text`, label: sql<string | null>`${label}::text` })
    .from(table)
    .where(inArray(id, [...ids]));
  return new Map(rows.filter((row) => row.label).map((row) => [row.id, row.label as string]));
}
