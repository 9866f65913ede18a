import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { SessionView } from "../../shared/contracts/auth.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { buildApp, createModules, type Modules } from "../app.js";
import { fixedClock } from "../clock.js";
import { type Config, loadConfig } from "../config.js";
import { createJobQueue, type JobQueue } from "../jobs/queue.js";
import type { Transports } from "../modules/notifications/notifications.service.js";
import { createTestDatabase, type TestDatabase } from "./database.js";

export const testPassword = "correct-horse-battery";

export type Harness = {
  app: FastifyInstance;
  db: TestDatabase;
  modules: Modules;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** Background jobs run when a test drains the queue, never behind its back. */
  queue: JobQueue;
  close(): Promise<void>;
};

/** The real app on a real database, with a clock the test controls. */
export async function createHarness(
  overrides: Record<string, string> = {},
  options: { transports?: Transports } = {},
): Promise<Harness> {
  const db = await createTestDatabase();
  const clock = fixedClock("2026-03-15T06:00:00.000Z");
  const filesDir = mkdtempSync(path.join(os.tmpdir(), "silah-files-"));
  const config = loadConfig({
    NODE_ENV: "test",
    SILAH_LOG_LEVEL: "silent",
    SILAH_FILES_DIR: filesDir,
    // The public page's proof of work, kept small so suites solve it in milliseconds.
    SILAH_COMPLAINT_WORK: "40",
    ...overrides,
  });
  const queue = createJobQueue({ db, clock });
  const modules = createModules({
    config,
    db,
    clock,
    queue,
    ...(options.transports ? { transports: options.transports } : {}),
  });
  const app = await buildApp({ config, db, clock, modules });
  return { ...assemble(app, db, modules, clock, config), queue };
}

/** A second server process on the same data: its own connection, modules and HTTP app. */
export async function createSecondProcess(h: Harness): Promise<FastifyInstance> {
  const db = await h.db.connectAgain();
  const modules = createModules({ config: h.config, db, clock: h.clock });
  return buildApp({ config: h.config, db, clock: h.clock, modules });
}

function assemble(
  app: FastifyInstance,
  db: TestDatabase,
  modules: Modules,
  clock: ReturnType<typeof fixedClock>,
  config: Config,
): Omit<Harness, "queue"> {
  return {
    app,
    db,
    modules,
    clock,
    config,
    async close() {
      await app.close();
      await db.dispose();
      rmSync(config.files.dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Data factories: an association with one user per requested role set. */
export async function createAssociation(h: Harness, label: string) {
  counter++;
  return h.modules.associations.service.createBySystem({
    slug: `${label}-${counter}`,
    nameAr: `جمعية ${label} ${counter}`,
  });
}

export async function createUser(
  h: Harness,
  associationId: string,
  roles: StaffRole[],
  name = "موظف تجريبي",
) {
  counter++;
  return h.modules.users.service.createBySystem(associationId, {
    fullName: `${name} ${counter}`,
    email: `user${counter}-${roles.join("-")}@example.test`.replaceAll("_", "-"),
    password: testPassword,
    roles,
    locale: "ar",
  });
}

export type Client = {
  session: SessionView;
  cookie: string;
  request(
    method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    body?: unknown,
    options?: { csrf?: boolean; contentType?: string },
  ): Promise<LightMyRequestResponse>;
};

/** Signs a user in through the real endpoint and returns a client that carries cookie and CSRF token. */
export async function signIn(h: Harness, email: string, password = testPassword): Promise<Client> {
  const response = await h.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "silah_session");
  if (!cookie) throw new Error("no session cookie");
  const session = response.json() as SessionView;
  return {
    session,
    cookie: cookie.value,
    request: (method, url, body, options = {}) =>
      h.app.inject({
        method,
        url,
        cookies: { silah_session: cookie.value },
        headers: {
          ...(options.csrf === false ? {} : { "x-csrf-token": session.csrfToken }),
          ...(options.contentType ? { "content-type": options.contentType } : {}),
        },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export async function auditTypes(h: Harness, associationId: string): Promise<string[]> {
  const rows = await h.db.system((tx) =>
    tx.query.auditEvents.findMany({
      where: (t, { eq }) => eq(t.associationId, associationId),
      orderBy: (t, { asc }) => asc(t.id),
    }),
  );
  return rows.map((r) => r.type);
}
