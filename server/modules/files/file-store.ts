import { createReadStream } from "node:fs";
import { mkdir, open, rename, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

/**
 * Files on disk, addressed by association and content hash: the same scan uploaded twice is kept
 * once, and a stored file is never overwritten. A write is flushed to disk before the upload is
 * acknowledged, so an acknowledged file survives a crash.
 */
export type FileStore = {
  put(associationId: string, sha256: string, bytes: Uint8Array): Promise<void>;
  read(associationId: string, sha256: string): Readable;
  exists(associationId: string, sha256: string): Promise<boolean>;
};

export function createDiskFileStore(root: string): FileStore {
  const where = (associationId: string, sha256: string) =>
    path.join(root, associationId, sha256.slice(0, 2), sha256);

  async function exists(associationId: string, sha256: string) {
    try {
      await stat(where(associationId, sha256));
      return true;
    } catch {
      return false;
    }
  }

  return {
    exists,
    async put(associationId, sha256, bytes) {
      if (await exists(associationId, sha256)) return;
      const target = where(associationId, sha256);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.${Date.now()}.part`;
      const handle = await open(temporary, "w", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    },
    read(associationId, sha256) {
      return createReadStream(where(associationId, sha256));
    },
  };
}
