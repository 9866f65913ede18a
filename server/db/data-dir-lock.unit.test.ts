import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirectoryLockedError, lockDataDirectory, lockFileName } from "./data-dir-lock.js";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "silah-lockfile-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function holderFile(dir: string, pid: number, token = "someone-else") {
  writeFileSync(
    path.join(dir, lockFileName),
    JSON.stringify({ pid, processStart: null, host: "h", command: "silah start", since: "x", token }),
  );
}

describe("the data directory lock", () => {
  it("is taken once, refused to a second taker, and free again after release", () => {
    const dir = freshDir();
    const lock = lockDataDirectory(dir);
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), "utf8")).pid).toBe(process.pid);
    // A live process holds it (here the test runner's parent, which is certainly alive).
    const other = freshDir();
    holderFile(other, process.ppid);
    expect(() => lockDataDirectory(other)).toThrow(DataDirectoryLockedError);
    lock.release();
    expect(existsSync(path.join(dir, lockFileName))).toBe(false);
    lockDataDirectory(dir).release();
  });

  it("refuses a second open of the same directory from the same process", () => {
    const dir = freshDir();
    const lock = lockDataDirectory(dir);
    expect(() => lockDataDirectory(path.join(dir, "."))).toThrow(DataDirectoryLockedError);
    lock.release();
    lockDataDirectory(dir).release();
  });

  it("takes over a lock whose holder has died", () => {
    const dir = freshDir();
    const finished = spawnSync(process.execPath, ["-e", "0"]);
    holderFile(dir, finished.pid!);
    const lock = lockDataDirectory(dir);
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), "utf8")).token).toBe(lock.holder.token);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to another process", () => {
    const dir = freshDir();
    writeFileSync(
      path.join(dir, lockFileName),
      JSON.stringify({
        pid: process.ppid,
        processStart: "1",
        host: "h",
        command: "silah start",
        since: "x",
        token: "old",
      }),
    );
    // On Linux the recorded start time tells the old holder from the process that reused its pid.
    if (existsSync("/proc/self/stat")) lockDataDirectory(dir).release();
  });

  it("does not remove a lock that another process took after ours was judged stale", () => {
    const dir = freshDir();
    const lock = lockDataDirectory(dir);
    holderFile(dir, process.ppid, "newcomer");
    lock.release();
    expect(JSON.parse(readFileSync(path.join(dir, lockFileName), "utf8")).token).toBe("newcomer");
  });
});
