import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import { createFileAccess, type FileUses } from "./file-access.js";
import type { FileStore } from "./file-store.js";
import { filesPolicy } from "./files.policy.js";
import type { FileRow, FilesRepository } from "./files.repository.js";
import { detectMediaType } from "./media-type.js";

export type FilesService = ReturnType<typeof createFilesService>;

/** A name is kept for display only: no path, no control characters, a sane length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 32 && char.charCodeAt(0) !== 127)
    .join("")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}

export function createFilesService(deps: {
  db: Database;
  repo: FilesRepository;
  store: FileStore;
  audit: AuditService;
  clock: Clock;
  maxBytes: number;
}) {
  const { db, repo, store, audit, clock, maxBytes } = deps;
  const access = createFileAccess();
  return {
    maxBytes,

    /** Each module that keeps files says where and of what kind; downloads are decided by it. */
    declareUses(uses: FileUses) {
      access.declare(uses);
    },
    declaredUseTables: access.tables,

    async upload(actor: Actor, input: { name: string; bytes: Uint8Array }): Promise<FileRow> {
      authorize(actor, filesPolicy, "upload");
      if (input.bytes.length === 0) {
        throw new AppError("validation_failed", "empty file", {
          fieldErrors: [
            { path: "file", code: "file_empty", message: { ar: "الملف فارغ.", en: "The file is empty." } },
          ],
        });
      }
      if (input.bytes.length > maxBytes)
        throw new AppError("payload_too_large", `file of ${input.bytes.length} bytes`);
      const mediaType = detectMediaType(input.bytes);
      if (!mediaType) throw new AppError("unsupported_file", "content is not an accepted type");
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      // Stored and flushed before the row commits: a row never points at a file that is not there.
      await store.put(actor.associationId, sha256, input.bytes);
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.insert(tx, {
          associationId: actor.associationId,
          sha256,
          size: input.bytes.length,
          mediaType,
          originalName: cleanFileName(input.name),
          uploadedBy: actor.userId,
          uploadedAt: clock.now(),
        });
        await audit.record(tx, actor, {
          type: "file.uploaded",
          payload: { mediaType, size: row.size },
          subject: { type: "file", id: row.id },
        });
        return row;
      });
    },

    /**
     * Opening a file is a read of what may be personal data: allowed by the kinds it is held as
     * (shared/contracts/access.ts), and logged.
     */
    async open(actor: Actor, id: string): Promise<{ row: FileRow; stream: Readable }> {
      authorize(actor, filesPolicy, "read");
      const row = await db.tenant(actor.associationId, async (tx) => {
        const found = await repo.findById(tx, id);
        if (!found) throw new AppError("not_found", "file not found");
        await access.assertMayOpen(tx, actor, found);
        await audit.record(tx, actor, {
          type: "file.downloaded",
          payload: {},
          subject: { type: "file", id },
        });
        return found;
      });
      return { row, stream: store.read(actor.associationId, row.sha256) };
    },

    /** For other modules, inside their transaction: a file of this association, if it exists. */
    async lookup(tx: Tx, id: string): Promise<FileRow | undefined> {
      return repo.findById(tx, id);
    },
  };
}
