import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const healthTimeoutMs = 90_000;

export type RunningSilah = {
  baseUrl: string;
  /** The server's SILAH_DATA_DIR: without SMTP, each e-mail is written to `outbox/` here as a .eml file. */
  dataDir: string;
  stop(): Promise<void>;
};

function buildWebOnce(): void {
  if (existsSync(join(repoRoot, "dist/web/index.html"))) return;
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: repoRoot, stdio: "inherit" });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + healthTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`silah exited with code ${child.exitCode} before it was healthy:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`silah was not healthy within ${healthTimeoutMs / 1000} s:\n${stderr()}`);
}

/**
 * Starts the real server on a free port with a fresh data directory, as a person would run it;
 * `env` adds settings (an SMTP server for the journey that reads its e-mail, say).
 */
export async function startSilah(options: { env?: Record<string, string> } = {}): Promise<RunningSilah> {
  buildWebOnce();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "silah-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/silah.mjs", "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      SILAH_DATA_DIR: dataDir,
      NODE_ENV: "test",
      // Links in messages (a survey's, say) point back at this server.
      SILAH_PUBLIC_URL: baseUrl,
      // The journeys tell their stories on the compact demo; one that reads a year of work asks for it.
      SILAH_DEMO_HISTORY: "off",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  child.stdout?.resume();

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(killTimer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseUrl, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, stop };
}
