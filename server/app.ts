import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { AppError } from "./http/errors.js";
import { loggerOptions } from "./http/logger.js";
import { frameworkErrors, notFound, registerProblemHandlers } from "./http/problem.js";
import { createRateLimits, type RateLimits } from "./http/rate-limit.js";
import { registerSecurityHeaders, staticCacheControl } from "./http/security-headers.js";
import { registerUnsafeInputGuard } from "./http/unsafe-input.js";
import { createJobQueue, type JobQueue } from "./jobs/queue.js";
import { createAssociationsModule } from "./modules/associations/index.js";
import { createAuditModule } from "./modules/audit/index.js";
import { createAuthModule } from "./modules/auth/index.js";
import { createBeneficiariesModule } from "./modules/beneficiaries/index.js";
import { createCalendarModule } from "./modules/calendar/index.js";
import { createComplaintsModule } from "./modules/complaints/index.js";
import { createContactsModule } from "./modules/contacts/index.js";
import { createDashboardsModule } from "./modules/dashboards/index.js";
import { createFieldworkModule } from "./modules/fieldwork/index.js";
import { createFilesModule } from "./modules/files/index.js";
import { createAnnouncer, type SilahModule } from "./modules/module.js";
import { createNotificationsModule, transportsFrom } from "./modules/notifications/index.js";
import type { Transports } from "./modules/notifications/notifications.service.js";
import { createPlatformModule } from "./modules/platform/index.js";
import { createPolicyModule } from "./modules/policy/index.js";
import { createRequestsModule } from "./modules/requests/index.js";
import { createServicesModule } from "./modules/services/index.js";
import { createSurveysModule } from "./modules/surveys/index.js";
import { createUsersModule } from "./modules/users/index.js";

export type AppDeps = {
  config: Config;
  db: Database;
  clock: Clock;
  /** The shared job queue; the runtime passes the one its worker drains. */
  queue?: JobQueue;
  transports?: Transports;
  /** The shared rate limits; the runtime passes the ones it prunes. */
  limits?: RateLimits;
};

/** The modules and their wiring; `buildApp` only serves them. */
export function createModules({ config, db, clock, ...deps }: AppDeps) {
  const queue = deps.queue ?? createJobQueue({ db, clock });
  // Handed to the modules that limit attempts (sign-in, the public pages).
  const limits = deps.limits ?? createRateLimits({ db, secret: config.session.secret });
  const audit = createAuditModule({ db, clock });
  const associations = createAssociationsModule({ db, audit: audit.service });
  const users = createUsersModule({
    db,
    audit: audit.service,
    associations: associations.service,
    // Called only after start-up, by which time `auth` exists: the two modules need each other.
    sessions: {
      endSessionsOf: (tx, userId, options) => auth.service.endSessionsOf(tx, userId, options),
      lastSignIns: (tx) => auth.service.lastSignIns(tx),
      clearSignInLimits: (account) => auth.service.clearSignInLimits(account),
      signInLimitedFor: (email) => auth.service.signInLimitedFor(email),
    },
    clock,
  });
  const auth = createAuthModule({
    db,
    users: users.service,
    associations: associations.service,
    audit: audit.service,
    clock,
    limits,
    settings: { ...config.session, secureCookie: config.session.secureCookie },
  });
  const platform = createPlatformModule({
    db,
    associations: associations.service,
    users: users.service,
    sessions: auth.service,
    audit: audit.service,
    clock,
  });
  // Modules announce changes (e.g. a merge) that others follow in the same transaction.
  const announcer = createAnnouncer();
  const beneficiaries = createBeneficiariesModule({ db, audit: audit.service, clock, announcer });
  const files = createFilesModule({ db, audit: audit.service, clock, ...config.files });
  const policy = createPolicyModule({
    db,
    associations: associations.service,
    users: users.service,
    files: files.service,
    audit: audit.service,
    clock,
  });
  const calendar = createCalendarModule({ db, audit: audit.service, clock });
  const notifications = createNotificationsModule({
    db,
    beneficiaries: beneficiaries.service,
    audit: audit.service,
    clock,
    queue,
    transports: deps.transports ?? transportsFrom(config),
    deliveryReportSecret: config.notifications.deliveryReportSecret,
  });
  const contacts = createContactsModule({
    db,
    policy: policy.service,
    beneficiaries: beneficiaries.service,
    users: users.service,
    files: files.service,
    calendar: calendar.service,
    notifications: notifications.service,
    audit: audit.service,
    clock,
  });
  const fieldwork = createFieldworkModule({
    db,
    users: users.service,
    files: files.service,
    calendar: calendar.service,
    audit: audit.service,
    clock,
  });
  const services = createServicesModule({ db, audit: audit.service, clock, announcer });
  const surveys = createSurveysModule({
    db,
    policy: policy.service,
    beneficiaries: beneficiaries.service,
    notifications: notifications.service,
    associations: associations.service,
    users: users.service,
    calendar: calendar.service,
    // Called only when a follow-up becomes a complaint, by which time `complaints` exists.
    complaints: () => complaints.service,
    audit: audit.service,
    clock,
    queue,
    secret: config.session.secret,
    // The personal links' address: the configured public URL, or this server in development.
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
  });
  const requests = createRequestsModule({
    db,
    policy: policy.service,
    beneficiaries: beneficiaries.service,
    services: services.service,
    users: users.service,
    files: files.service,
    calendar: calendar.service,
    notifications: notifications.service,
    contacts: contacts.service,
    fieldwork: fieldwork.service,
    surveys: surveys.service,
    audit: audit.service,
    clock,
    queue,
    announcer,
  });
  const complaints = createComplaintsModule({
    db,
    associations: associations.service,
    beneficiaries: beneficiaries.service,
    users: users.service,
    calendar: calendar.service,
    files: files.service,
    notifications: notifications.service,
    audit: audit.service,
    queue,
    clock,
    secret: config.session.secret,
    limits,
    publicComplaints: config.publicComplaints,
    announcer,
  });
  const dashboards = createDashboardsModule({
    db,
    contacts: contacts.service,
    fieldwork: fieldwork.service,
    surveys: surveys.service,
    audit: audit.service,
    clock,
  });
  const modules = {
    audit,
    associations,
    users,
    auth,
    platform,
    beneficiaries,
    contacts,
    fieldwork,
    calendar,
    files,
    notifications,
    services,
    requests,
    complaints,
    policy,
    dashboards,
    surveys,
  };
  for (const module of Object.values(modules) as SilahModule[]) {
    for (const [kind, handler] of Object.entries(module.jobs ?? {})) queue.register(kind, handler);
    announcer.register(module.name, module.reactions);
    audit.service.registerSubjects(module.name, module.auditSubjects);
  }
  return modules;
}

export type Modules = ReturnType<typeof createModules>;

const builtWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/web");

export async function buildApp(
  deps: AppDeps & {
    modules?: Modules;
    logStream?: { write(line: string): void };
    /** The built web app; tests point it at a directory of their own. */
    webRoot?: string;
  },
): Promise<FastifyInstance> {
  const webRoot = deps.webRoot ?? builtWebRoot;
  const { config, db } = deps;
  const modules = deps.modules ?? createModules(deps);
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // The client address is read from X-Forwarded-For only when the connection comes from a proxy
    // the operator named; anyone else could write any address there and escape every limit.
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  registerUnsafeInputGuard(app);
  await registerSecurityHeaders(app, { production: config.env === "production" });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Silah API",
        description: "صِلة — the beneficiary relationship policy of an association, as an API.",
        version: "0.1.0",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "silah_session" } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const all: SilahModule[] = Object.values(modules);
  for (const module of all) module.hooks?.(app);
  for (const module of all) await app.register(module.routes);

  app.get(
    "/healthz",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "Liveness and database reachability",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) },
      },
    },
    async () => {
      await db.raw.execute("select 1");
      return { status: "ok" as const, database: db.kind };
    },
  );

  // The API's map helps an integrator and an attacker alike: in production only administrators read it.
  const openApiPublic = config.openApi === "public";
  app.get(
    "/api/openapi.json",
    { config: openApiPublic ? { access: "public" } : {}, schema: { hide: true } },
    async (request) => {
      if (!openApiPublic && !request.actor().roles.includes("administrator")) {
        throw new AppError("forbidden", "the API document is for administrators");
      }
      return app.swagger();
    },
  );

  if (existsSync(path.join(webRoot, "index.html"))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, filePath) => reply.header("cache-control", staticCacheControl(filePath)),
    });
    // The web app routes on the client: any page address that is not an asset gets the shell.
    app.get("/*", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
      const requested = (request.params as { "*": string })["*"];
      if (requested.startsWith("api/")) throw notFound("route");
      if (requested && existsSync(path.join(webRoot, requested)) && !requested.endsWith("/")) {
        return reply.sendFile(requested);
      }
      return reply.type("text/html").sendFile("index.html");
    });
  }

  return app;
}
