import { AppError } from "../../http/errors.js";
import { createGate, GateBusyError } from "../../lib/gate.js";
import {
  OffThreadLimitError,
  type OffThreadLimits,
  OffThreadTaskError,
  runOffThread,
} from "../../lib/off-thread.js";
import { documentLimits, inspectZipDirectory, workbookLimits, ZipRefusedError } from "../../lib/zip-guard.js";

/**
 * Reading an uploaded file's content (a spreadsheet, a Word document, a CSV, a large PDF) happens
 * here: in a worker thread with a time and heap limit, at most two at once on the server, a few more
 * waiting briefly, the rest told to come back (503 `busy`). Limits crossed become problems a person
 * can act on; the task's own refusals keep their code for the caller to word.
 */
export const untrustedLimits: OffThreadLimits = { timeoutMs: 30_000, maxHeapMb: 512 };

// One gate for the whole process: the CPU it protects is shared by every association.
const readers = createGate({ concurrency: 2, queue: 6, waitMs: 20_000 });

export async function readUntrusted<T>(
  moduleUrl: URL,
  exportName: string,
  args: unknown[],
  limits: OffThreadLimits = untrustedLimits,
): Promise<T> {
  try {
    return await readers.run(() => runOffThread<T>(moduleUrl, exportName, args, limits));
  } catch (error) {
    if (error instanceof GateBusyError) {
      throw new AppError("busy", "too many files being read", { retryAfterSeconds: error.retryAfterSeconds });
    }
    if (error instanceof OffThreadLimitError) throw new AppError("file_too_complex", error.message);
    if (error instanceof OffThreadTaskError && error.code === "archive_bomb") {
      throw new AppError("archive_bomb", error.message);
    }
    throw error;
  }
}

export { OffThreadTaskError } from "../../lib/off-thread.js";

/**
 * The cheap half of the zip gate, on the calling thread: the central directory's declared entries
 * and sizes, a few fixed-size records read without inflating anything. A bomb is refused here in
 * microseconds, before a thread is started for it; the worker repeats this and checks the real
 * inflation.
 */
export function measureArchive(bytes: Buffer, kind: "workbook" | "document"): void {
  try {
    inspectZipDirectory(bytes, kind === "workbook" ? workbookLimits : documentLimits);
  } catch (error) {
    if (error instanceof ZipRefusedError && error.code === "archive_bomb") {
      throw new AppError("archive_bomb", error.message);
    }
    // Unreadable archives are left to the reader, which words the problem for its own file type.
  }
}
