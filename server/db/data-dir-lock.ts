import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite is PostgreSQL compiled into one process: two processes that open one data directory each
 * keep their own copy in memory and overwrite each other's files, so writes acknowledged by one are
 * lost. The data directory is therefore held by one process at a time through a lock file that
 * names its holder (ADR 0016). A holder killed with -9 leaves the file behind; it is recognised as
 * stale because that process no longer exists, so it never blocks the next start.
 */
export const lockFileName = "silah.lock";

export type LockHolder = {
  pid: number;
  /** The process's start time as the kernel counts it, where readable: tells a reused pid apart. */
  processStart: string | null;
  host: string;
  command: string;
  since: string;
  token: string;
};

export class DataDirectoryLockedError extends Error {
  readonly code = "data_directory_locked";
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database ${dataDir} is open in process ${holder.pid} (${holder.command}, since ${holder.since})`,
    );
    this.name = "DataDirectoryLockedError";
  }

  /** What an operator reads: who holds the directory and the two ways forward, Arabic first. */
  explain(): string {
    const { dataDir, holder } = this;
    return [
      `قاعدة البيانات المضمّنة في ${dataDir} مفتوحة الآن في عملية أخرى: رقمها ${holder.pid} (${holder.command})، منذ ${holder.since}.`,
      "لا يجوز أن تفتحها عمليتان معًا، وإلا ضاعت البيانات. لم يتغيّر شيء.",
      "أوقف الخادم (Ctrl+C في نافذته، أو أنهِ العملية بالرقم أعلاه) ثم أعد الأمر، أو أنجز العمل نفسه من صفحات صِلة في المتصفح.",
      "",
      `The embedded database in ${dataDir} is open in another process: pid ${holder.pid} (${holder.command}), since ${holder.since}.`,
      "Two processes must never open it together, or data is lost. Nothing was changed.",
      "Stop the server (Ctrl+C in its window, or end the process above) and run the command again, or do the same job from Silah's pages in the browser.",
    ].join("\n");
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat); null where /proc is absent. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  // Our own pid in a file this process did not write (those are in `heldHere`): a previous life of
  // this container, which starts as the same pid every time.
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists under another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof parsed.pid === "number" && typeof parsed.token === "string" ? parsed : null;
  } catch {
    return null;
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** A file nobody could have finished writing this long ago is debris of a crash between open and write. */
const unreadableGraceMs = 5_000;

/**
 * Moves a stale lock aside rather than deleting it, so of two processes that found the same stale
 * lock only one removes it; the other finds the move failed (or moved a fresh lock, and puts it back).
 */
function removeStale(file: string, staleToken: string | null): void {
  const aside = `${file}.${randomBytes(6).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && moved.token !== staleToken) {
    try {
      linkSync(aside, file);
    } catch {
      // Someone else holds it now; the lock we moved belonged to a process that lost a race at start.
    }
  }
  unlinkSync(aside);
}

export type DataDirectoryLock = { release(): void; holder: LockHolder };

/** Directories this process holds: a second open from the same process is as harmful as another's. */
const heldHere = new Map<string, LockHolder>();

/** Takes the data directory for this process or throws `DataDirectoryLockedError` naming its holder. */
export function lockDataDirectory(dataDir: string): DataDirectoryLock {
  const file = path.join(dataDir, lockFileName);
  const key = path.resolve(dataDir);
  const mine = heldHere.get(key);
  if (mine) throw new DataDirectoryLockedError(dataDir, mine);
  const holder: LockHolder = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    host: os.hostname(),
    command: process.argv
      .slice(1)
      .map((a) => path.basename(a))
      .join(" ")
      .slice(0, 200),
    since: new Date().toISOString(),
    token: randomBytes(12).toString("hex"),
  };
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(file, holder)) break;
    const existing = readHolder(file);
    if (existing && isRunning(existing)) throw new DataDirectoryLockedError(dataDir, existing);
    if (!existing) {
      let age = Number.POSITIVE_INFINITY;
      try {
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        continue; // Gone meanwhile: try again.
      }
      if (age < unreadableGraceMs) {
        // Another process is writing it right now; count it as held rather than wait.
        throw new DataDirectoryLockedError(dataDir, {
          pid: 0,
          processStart: null,
          host: os.hostname(),
          command: "another process starting",
          since: new Date().toISOString(),
          token: "",
        });
      }
    }
    if (attempt >= 5) throw new Error(`could not take the lock ${file}`);
    removeStale(file, existing?.token ?? null);
  }

  heldHere.set(key, holder);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(key);
    process.removeListener("exit", release);
    // Remove only our own lock: never one another process took after ours was judged stale.
    if (readHolder(file)?.token === holder.token) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  };
  // A process that ends without closing the database (an error, process.exit) still lets go.
  process.on("exit", release);
  return { release, holder };
}
