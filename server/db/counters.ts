import { sql } from "drizzle-orm";
import type { Tx } from "./client.js";
import { registerCounters } from "./schema.js";

/**
 * The next number of a register (correspondence, complaints, …) for one association, taken inside
 * the caller's transaction: the row lock on the counter makes numbers gapless and never repeated.
 */
export async function nextRegisterNumber(tx: Tx, associationId: string, register: string): Promise<number> {
  const [row] = await tx
    .insert(registerCounters)
    .values({ associationId, register, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [registerCounters.associationId, registerCounters.register],
      set: { lastNumber: sql`${registerCounters.lastNumber} + 1` },
    })
    .returning();
  return row!.lastNumber;
}
