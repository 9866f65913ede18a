import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileName } from "../db/data-dir-lock.js";

/**
 * The command line beside a running server on the embedded database (issue 10): both used to open
 * one PGlite directory, the command printed success, and what it wrote was gone after a restart.
 * Real processes, as an operator runs them: `silah start` and `silah association create`.
 */
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "silah-lock-"));
const env = {
  ...process.env,
  SILAH_DATA_DIR: dataDir,
  PORT: "0",
  HOST: "127.0.0.1",
  NODE_ENV: "test",
  SILAH_JOBS: "off",
  SILAH_DEMO_HISTORY: "off",
  SILAH_LOG_LEVEL: "silent",
  DATABASE_URL: "",
};
delete (env as Record<string, string | undefined>).DATABASE_URL;

const children: ChildProcess[] = [];

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["bin/silah.mjs", "start"], { cwd: repoRoot, env });
  children.push(child);
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Silah is running at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, url };
}

async function cli(...argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ["bin/silah.mjs", ...argv], { cwd: repoRoot, env });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    err += c.toString();
  });
  const code = await exited(child);
  return { code, out, err };
}

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("one process per embedded data directory", () => {
  it("refuses the command line while the server holds the directory, names the server and changes nothing; a server killed with -9 blocks nothing", async () => {
    const server = await startServer();
    const refused = await cli(
      "association",
      "create",
      "--slug",
      "while-running",
      "--name",
      "جمعية أثناء التشغيل",
    );
    expect(refused.code).toBe(75);
    expect(refused.out).not.toContain("association created");
    expect(refused.err).toContain(`pid ${server.child.pid}`);
    expect(refused.err).toContain(`رقمها ${server.child.pid}`);
    expect(refused.err).toContain("أوقف الخادم");
    expect(refused.err).toContain("Stop the server");

    const user = await cli(
      "user",
      "create",
      "--association",
      "demo",
      "--email",
      "late@demo.test",
      "--name",
      "موظف متأخر",
      "--roles",
      "officer",
      "--password",
      "a-long-passphrase-nobody-guesses",
    );
    expect(user.code).toBe(75);

    // The server still works, and a clean stop lets go of the directory.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect(await exited(server.child)).toBe(0);
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(false);

    // Killed with -9, a server leaves its lock behind; the next command sees its holder is gone.
    const killed = await startServer();
    killed.child.kill("SIGKILL");
    await exited(killed.child);
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(true);

    // The refused command wrote nothing: the slug is still free now.
    const created = await cli(
      "association",
      "create",
      "--slug",
      "while-running",
      "--name",
      "جمعية أثناء التشغيل",
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain("association created: while-running");
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(false);
  }, 600_000);
});
