import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client.js";
import { demoEmail, demoPassword } from "./db/seed-demo.js";

/**
 * Crash durability (issue 10): the real server, started as people start it (`silah start`), takes
 * a stream of writes and is killed with SIGKILL at seeded random moments, then restarted on the
 * same data. Every write it acknowledged with a 2xx must be there at the end, and the data must
 * reopen every time. On the embedded database by default; on a fresh database of the PostgreSQL
 * server when TEST_DATABASE_URL is set (CI runs the db suites both ways).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Bounded by time as well as count: restarts take ~3 s on an idle machine, far more on a busy one.
const maxCycles = Number(process.env.SILAH_DURABILITY_CYCLES ?? 25);
const minCycles = 3;
const budgetMs = Number(process.env.SILAH_DURABILITY_SECONDS ?? 75) * 1000;
const seed = Number(process.env.SILAH_DURABILITY_SEED ?? 20_260_315);
const writers = 4;

/** A small seeded generator (mulberry32): the same seed kills at the same moments. */
function random(state: number) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const live = new Set<ChildProcess>();

type Server = {
  child: ChildProcess;
  url: Promise<string>;
  output: () => string;
  exited: Promise<number | null>;
};

function startServer(env: Record<string, string>): Server {
  const child = spawn(process.execPath, ["bin/silah.mjs", "start"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "development",
      HOST: "127.0.0.1",
      PORT: "0",
      SILAH_LOG_LEVEL: "warn",
      SILAH_JOBS: "off",
      // The compact demo: what is tested is what survives a kill, not the demo's year of work.
      SILAH_DEMO_HISTORY: "off",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /Silah is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) resolve(match[1]!.replace("localhost", "127.0.0.1"));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready:\n${output}`)));
  });
  url.catch(() => {});
  return { child, url, output: () => output, exited };
}

async function kill(server: Server) {
  server.child.kill("SIGKILL");
  await server.exited;
}

type Session = { cookie: string; csrf: string };

async function signIn(url: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: demoEmail("officer"), password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("silah_session="))!;
  return {
    cookie: cookie.split(";")[0]!,
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

/**
 * Writers post contacts until the server dies; a subject counts as acknowledged the moment its
 * 201 arrives (the server answers after the commit).
 */
function writeUntilKilled(url: string, session: Session, cycle: number, acknowledged: Set<string>) {
  let stopped = false;
  let attempted = 0;
  let acknowledgedHere = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  const refused: string[] = [];
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let n = 0; !stopped; n++) {
      const subject = `durability ${cycle}-${w}-${n}`;
      attempted++;
      try {
        const response = await fetch(`${url}/api/interactions`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie: session.cookie,
            "x-csrf-token": session.csrf,
          },
          body: JSON.stringify({ kind: "contact", channel: "phone", direction: "inbound", subject }),
        });
        if (response.status === 201) {
          acknowledged.add(subject);
          acknowledgedHere++;
          if (waiting && acknowledgedHere >= waiting.count) waiting.resolve();
        } else refused.push(`${response.status} ${await response.text()}`);
      } catch {
        return; // the connection died with the server: that write was never acknowledged
      }
    }
  });
  return {
    refused,
    attempted: () => attempted,
    /** Resolves once this many writes were acknowledged in this cycle (or after a minute regardless). */
    acknowledgedCount(count: number) {
      return new Promise<void>((resolve) => {
        if (acknowledgedHere >= count) return resolve();
        const timer = setTimeout(resolve, 60_000);
        waiting = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      });
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

async function storedSubjects(
  target: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string },
) {
  const db = await openDatabase(target);
  try {
    return await db.system(async (tx) => {
      const result = await tx.execute("select subject from interactions where subject like 'durability %'");
      return new Set((result as unknown as { rows: { subject: string }[] }).rows.map((r) => r.subject));
    });
  } finally {
    await db.close();
  }
}

const serverUrl = process.env.TEST_DATABASE_URL;
let postgresDatabase: string | undefined;
const dirs: string[] = [];

afterAll(async () => {
  for (const child of live) child.kill("SIGKILL");
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (serverUrl && postgresDatabase) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresDatabase} with (force)`);
    await admin.end();
  }
});

describe(`crash durability on ${serverUrl ? "PostgreSQL" : "the embedded database"}`, () => {
  it("loses no acknowledged write over repeated kill -9, and the data reopens each time", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "silah-durability-"));
    dirs.push(dataDir);
    const env: Record<string, string> = { SILAH_DATA_DIR: dataDir };
    let target: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string } = {
      kind: "pglite",
      dataDir: path.join(dataDir),
    };
    if (serverUrl) {
      postgresDatabase = `silah_durability_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${postgresDatabase}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${postgresDatabase}`;
      env.DATABASE_URL = url.toString();
      target = { kind: "postgres", url: url.toString() };
    }
    const next = random(seed);
    const acknowledged = new Set<string>();
    let attempted = 0;
    let startupKills = 0;

    // The first start migrates and seeds the demo; it is left to finish before any kill.
    let server = startServer(env);
    const session = await signIn(await server.url);
    await kill(server);

    const started = Date.now();
    let cycles = 0;
    while (cycles < minCycles || (cycles < maxCycles && Date.now() - started < budgetMs)) {
      const cycle = ++cycles;
      server = startServer(env);
      // Now and then the kill comes while the server is still opening its data.
      if (next() < 0.25) {
        await new Promise((resolve) => setTimeout(resolve, 100 + next() * 900));
        startupKills++;
        await kill(server);
        server = startServer(env);
      }
      const url = await server.url.catch((error: Error) => {
        throw new Error(`cycle ${cycle}: the data did not reopen: ${error.message}`);
      });
      const stream = writeUntilKilled(url, session, cycle, acknowledged);
      // The moment is counted in acknowledged writes, then a few milliseconds: the machine's speed
      // decides how long that takes, never whether writes are in flight when the kill comes.
      await stream.acknowledgedCount(1 + Math.floor(next() * 20));
      await new Promise((resolve) => setTimeout(resolve, next() * 40));
      await kill(server);
      await stream.stop();
      attempted += stream.attempted();
      expect(stream.refused, `cycle ${cycle}: writes refused`).toEqual([]);
    }

    // One last clean start: the data reopens after the final kill; then stop it and read the rows.
    server = startServer(env);
    await server.url;
    server.child.kill("SIGTERM");
    await server.exited;
    const stored = await storedSubjects(target);
    const lost = [...acknowledged].filter((subject) => !stored.has(subject));
    console.info(
      `crash durability (${target.kind}): ${cycles} kill -9 cycles (${startupKills} during start-up), ` +
        `${attempted} writes attempted, ${acknowledged.size} acknowledged, ${stored.size} stored, ${lost.length} lost`,
    );
    expect(acknowledged.size).toBeGreaterThan(cycles);
    expect(lost).toEqual([]);
  }, 600_000);
});
