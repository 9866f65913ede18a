import { type FileKind, fileKinds, mayOpenFileKind } from "../../../shared/contracts/access.js";
import type { Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import type { FileRow } from "./files.repository.js";

/**
 * Where a module keeps files: the tables that point at `files`, and what kind of file each place
 * holds (shared/contracts/access.ts). The files module does not read other modules' tables; each
 * owner answers for its own, and a test fails when a table pointing at `files` is left unanswered.
 */
export type FileUses = {
  tables: readonly string[];
  kindsOf(tx: Tx, fileId: string): Promise<FileKind[]>;
};

export function createFileAccess() {
  const sources: FileUses[] = [];

  async function kindsOf(tx: Tx, fileId: string): Promise<FileKind[]> {
    const found = await Promise.all(sources.map((source) => source.kindsOf(tx, fileId)));
    return [...new Set(found.flat())];
  }

  return {
    declare(source: FileUses) {
      sources.push(source);
    },
    tables: () => sources.flatMap((source) => source.tables),
    kindsOf,

    /**
     * A file held in several places may be opened only by a role allowed every kind it is held as;
     * a file not yet attached anywhere only by whoever uploaded it.
     */
    async assertMayOpen(tx: Tx, actor: Actor, row: FileRow): Promise<void> {
      const kinds = await kindsOf(tx, row.id);
      if (kinds.length === 0) {
        if (row.uploadedBy === actor.userId) return;
        throw new AppError("forbidden", "an unattached file is its uploader's alone");
      }
      const refused = kinds.filter((kind) => !mayOpenFileKind(actor.roles, kind));
      if (refused.length > 0) {
        throw new AppError(
          "forbidden",
          `roles [${actor.roles.join(",")}] may not open ${refused.join(",")} (open to ${refused
            .map((kind) => fileKinds[kind].join("|"))
            .join("; ")})`,
        );
      }
    },
  };
}
export type FileAccess = ReturnType<typeof createFileAccess>;
