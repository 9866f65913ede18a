import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema.js";

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UsersRepository = ReturnType<typeof createUsersRepository>;

export function createUsersRepository() {
  return {
    async insert(tx: Tx, user: NewUser): Promise<UserRow> {
      const [row] = await tx.insert(users).values(user).returning();
      return row!;
    },

    async findById(tx: Tx, id: string): Promise<UserRow | undefined> {
      const [row] = await tx.select().from(users).where(eq(users.id, id));
      return row;
    },

    /**
     * The active accounts holding an address, in every association (an address is unique per
     * association only), oldest first and at most `limit`. For sign-in, in system scope.
     */
    async findActiveByEmail(tx: Tx, email: string, limit: number): Promise<UserRow[]> {
      return tx
        .select()
        .from(users)
        .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, eq(users.active, true)))
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(limit);
    },

    async list(tx: Tx, associationId: string): Promise<UserRow[]> {
      return tx
        .select()
        .from(users)
        .where(eq(users.associationId, associationId))
        .orderBy(asc(users.fullName));
    },

    async withRole(tx: Tx, role: string): Promise<UserRow[]> {
      return tx
        .select()
        .from(users)
        .where(sql`${role} = any(${users.roles}) and ${users.active}`)
        .orderBy(asc(users.createdAt));
    },

    /** The active holders of a role, their rows locked until the transaction ends. */
    async lockActiveWithRole(tx: Tx, role: string): Promise<UserRow[]> {
      return tx
        .select()
        .from(users)
        .where(sql`${role} = any(${users.roles}) and ${users.active}`)
        .for("update");
    },

    async update(tx: Tx, id: string, changes: Partial<NewUser>): Promise<UserRow | undefined> {
      const [row] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
      return row;
    },
  };
}
