import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { SessionView, SignInResponse } from "../../shared/contracts/auth.js";
import type { StaffRole } from "../../shared/contracts/roles.js";
import { buildApp, createModules, type Modules } from "../app.js";
import { fixedClock } from "../clock.js";
import { type Config, loadConfig } from "../config.js";
import { createJobQueue, type JobQueue } from "../jobs/queue.js";
import type { PdfRenderer } from "../lib/pdf.js";
import { codeAt } from "../modules/auth/index.js";
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
  options: { transports?: Transports; pdf?: PdfRenderer } = {},
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
    ...(options.pdf ? { pdf: options.pdf } : {}),
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

/**
 * The authenticator app of each user the harness enrolled: the secret, and the last time-step it
 * used (a step is accepted once, so a later sign-in at the same test time takes the next step).
 */
const authenticators = new WeakMap<Harness, Map<string, { secret: string; lastStep: number }>>();

/** What the user's authenticator app would show, for a step not used yet (moving the test clock if needed). */
export function nextCode(h: Harness, email: string): string {
  const app = authenticators.get(h)?.get(email.toLowerCase());
  if (!app) throw new Error(`${email} has no authenticator in this harness`);
  const period = 30_000;
  let current = Math.floor(h.clock.now().getTime() / period);
  const step = Math.max(current, app.lastStep + 1);
  // The server accepts one step ahead for clock drift; beyond that, the test's time moves on.
  while (step > current + 1) {
    h.clock.advance(period);
    current = Math.floor(h.clock.now().getTime() / period);
  }
  app.lastStep = step;
  return codeAt(app.secret, new Date(step * period));
}

function remember(h: Harness, email: string, secret: string): void {
  const apps = authenticators.get(h) ?? new Map();
  authenticators.set(h, apps);
  apps.set(email.toLowerCase(), { secret, lastStep: Number.NEGATIVE_INFINITY });
}

function clientFor(h: Harness, cookie: string, session: SessionView): Client {
  return {
    session,
    cookie,
    request: (method, url, body, options = {}) =>
      h.app.inject({
        method,
        url,
        cookies: { silah_session: cookie },
        headers: {
          ...(options.csrf === false ? {} : { "x-csrf-token": session.csrfToken }),
          ...(options.contentType ? { "content-type": options.contentType } : {}),
        },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "silah_session");
  if (!cookie) throw new Error("no session cookie");
  return cookie.value;
}

/**
 * Enrols the signed-in user's second factor the way a person does on the enrolment page: asks for
 * a key, "scans" it, confirms with the app's code. Returns the client of the upgraded session.
 */
export async function enrolSecondFactor(
  h: Harness,
  client: Client,
): Promise<{ client: Client; secret: string; recoveryCodes: string[] }> {
  const started = await client.request("POST", "/api/auth/second-factor/enrolment");
  if (started.statusCode !== 200) throw new Error(`enrolment failed: ${started.statusCode} ${started.body}`);
  const { secret } = started.json() as { secret: string };
  remember(h, client.session.user.email, secret);
  const confirmed = await client.request("POST", "/api/auth/second-factor/enrolment/confirm", {
    code: nextCode(h, client.session.user.email),
  });
  if (confirmed.statusCode !== 200) {
    throw new Error(`enrolment confirmation failed: ${confirmed.statusCode} ${confirmed.body}`);
  }
  const body = confirmed.json() as { recoveryCodes: string[]; session: SessionView };
  return {
    client: clientFor(h, sessionCookieOf(confirmed), body.session),
    secret,
    recoveryCodes: body.recoveryCodes,
  };
}

/**
 * Signs a user in through the real endpoints and returns a client that carries cookie and CSRF
 * token. A user whose roles require a second factor enrols on first sign-in and answers the code
 * afterwards, exactly as in the browser: the tests exercise the production path, with no bypass.
 */
export async function signIn(
  h: Harness,
  email: string,
  password = testPassword,
  options: { associationId?: string } = {},
): Promise<Client> {
  const response = await h.app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: { email, password, ...options },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const answer = response.json() as SignInResponse;
  if (answer.step === "choose_association") {
    throw new Error(`${email} opens several associations: pass the associationId to sign in`);
  }
  if (answer.step === "second_factor") {
    const second = await h.app.inject({
      method: "POST",
      url: "/api/auth/sign-in/second-factor",
      payload: { challenge: answer.challenge, code: nextCode(h, email) },
    });
    if (second.statusCode !== 200)
      throw new Error(`second factor failed: ${second.statusCode} ${second.body}`);
    return clientFor(h, sessionCookieOf(second), second.json() as SessionView);
  }
  const client = clientFor(h, sessionCookieOf(response), answer);
  if (answer.secondFactor.required && !answer.secondFactor.enrolled) {
    return (await enrolSecondFactor(h, client)).client;
  }
  return client;
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
