import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";

export type UsageRow = {
  associationId: string;
  staff: number;
  beneficiaries: number;
  requestsThisMonth: number;
  storageBytes: number;
  lastActivityAt: Date | null;
};

export type PlatformRepository = ReturnType<typeof createPlatformRepository>;

/**
 * Usage of every association the platform serves, in system scope. Counts and one timestamp per
 * association only: the operator never reads a name, an address or a file (ADR 0024).
 */
export function createPlatformRepository() {
  return {
    async usage(tx: Tx, monthStart: Date): Promise<UsageRow[]> {
      const result = await tx.execute(sql`
        select a.id as "associationId",
          (select count(*) from users u where u.association_id = a.id and u.active)::int as "staff",
          (select count(*) from beneficiaries b
             where b.association_id = a.id and b.merged_into_id is null)::int as "beneficiaries",
          (select count(*) from support_requests r
             where r.association_id = a.id and r.opened_at >= ${monthStart.toISOString()}::timestamptz)::int
             as "requestsThisMonth",
          (select coalesce(sum(f.size), 0) from files f where f.association_id = a.id)::bigint::text
             as "storageBytes",
          (select max(s.last_seen_at) from sessions s where s.association_id = a.id) as "lastActivityAt"
        from associations a
        where a.kind = 'association'`);
      const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
      return rows.map((row) => ({
        associationId: String(row.associationId),
        staff: Number(row.staff),
        beneficiaries: Number(row.beneficiaries),
        requestsThisMonth: Number(row.requestsThisMonth),
        storageBytes: Number(row.storageBytes),
        lastActivityAt: row.lastActivityAt ? new Date(row.lastActivityAt as string) : null,
      }));
    },
  };
}
