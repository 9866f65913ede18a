import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Clock } from "../../clock.js";
import type { Database, Tx } from "../../db/client.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/errors.js";
import { authorize } from "../../http/policy.js";
import type { AuditService } from "../audit/index.js";
import { createFileAccess, type FileUses } from "./file-access.js";
import { safeFileName } from "./file-name.js";
import type { FileStore } from "./file-store.js";
import { filesPolicy } from "./files.policy.js";
import type { FileRow, FilesRepository } from "./files.repository.js";
import { detectMediaType, type StoredMediaType } from "./media-type.js";
import type { PdfFinding } from "./pdf-active-content.js";
import { findPdfActiveContent } from "./pdf-active-content.js";
import { readUntrusted } from "./untrusted.js";

export type FilesService = ReturnType<typeof createFilesService>;

/** Small PDFs are searched in place; larger ones (up to the upload limit) in a worker thread. */
const inlinePdfBytes = 512 * 1024;

async function pdfFinding(bytes: Uint8Array): Promise<PdfFinding | null> {
  if (bytes.length <= inlinePdfBytes) return findPdfActiveContent(bytes);
  return readUntrusted<PdfFinding | null>(
    new URL("./pdf-active-content.js", import.meta.url),
    "findPdfActiveContent",
    [bytes],
  );
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
      if (mediaType === "application/pdf") {
        const finding = await pdfFinding(input.bytes);
        if (finding) {
          throw new AppError(
            "unsafe_file",
            finding.kind === "active_content" ? `PDF names /${finding.name}` : `PDF ${finding.why}`,
          );
        }
      }
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      // Stored and flushed before the row commits: a row never points at a file that is not there.
      await store.put(actor.associationId, sha256, input.bytes);
      return db.tenant(actor.associationId, async (tx) => {
        const row = await repo.insert(tx, {
          associationId: actor.associationId,
          sha256,
          size: input.bytes.length,
          mediaType,
          originalName: safeFileName(input.name, mediaType),
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

    /**
     * A file the system made (an evidence pack's PDF or workbook), kept like an upload: on disk by
     * its hash first, then its row inside the caller's transaction, so the row commits with whatever
     * points at it or not at all. The calling module records the event that made it.
     */
    async storeGenerated(
      tx: Tx,
      input: {
        associationId: string;
        name: string;
        mediaType: StoredMediaType;
        bytes: Uint8Array;
        madeFor: string;
      },
    ): Promise<FileRow> {
      const sha256 = createHash("sha256").update(input.bytes).digest("hex");
      await store.put(input.associationId, sha256, input.bytes);
      return repo.insert(tx, {
        associationId: input.associationId,
        sha256,
        size: input.bytes.length,
        mediaType: input.mediaType,
        originalName: safeFileName(input.name, input.mediaType),
        uploadedBy: input.madeFor,
        uploadedAt: clock.now(),
      });
    },

    /** For other modules, inside their transaction: a file of this association, if it exists. */
    async lookup(tx: Tx, id: string): Promise<FileRow | undefined> {
      return repo.findById(tx, id);
    },
  };
}
