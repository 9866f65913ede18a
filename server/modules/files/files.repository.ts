import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { files } from "../../db/schema.js";

export type FileRow = typeof files.$inferSelect;
export type FilesRepository = ReturnType<typeof createFilesRepository>;

export function createFilesRepository() {
  return {
    async insert(tx: Tx, values: typeof files.$inferInsert): Promise<FileRow> {
      const [row] = await tx.insert(files).values(values).returning();
      return row!;
    },
    async findById(tx: Tx, id: string): Promise<FileRow | undefined> {
      const [row] = await tx.select().from(files).where(eq(files.id, id));
      return row;
    },
  };
}
