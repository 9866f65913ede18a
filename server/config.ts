import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * The only module that reads `process.env` (CONVENTIONS §6). Everything else receives a `Config`.
 * Problems are collected and reported together so an operator fixes them in one pass.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  SILAH_DATA_DIR: z.string().default("./data"),
  SILAH_FILES_DIR: z.string().optional(),
  SILAH_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
  SILAH_SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SILAH_SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(8 * 60),
  SILAH_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  SILAH_PUBLIC_URL: z.string().url().optional(),
  SILAH_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every(isAddressOrRange),
      "must be IP addresses or CIDR ranges, comma-separated",
    ),
  SILAH_COMPLAINT_WORK: z.coerce.number().int().min(10).max(1_000_000).default(1500),
  SILAH_COMPLAINT_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  SILAH_COMPLAINT_LIMIT_PER_ASSOCIATION: z.coerce.number().int().min(1).max(100_000).default(150),
  SILAH_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SILAH_JOBS: z.enum(["on", "off"]).default("on"),
  SILAH_DEMO_HISTORY: z.enum(["on", "off"]).default("on"),
  SILAH_OPENAPI: z.enum(["public", "administrators"]).optional(),
  SILAH_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  SILAH_MAIL_FROM: z.string().default("Silah <no-reply@silah.local>"),
  SILAH_SMS_GATEWAY_URL: z.string().url().optional(),
  SILAH_SMS_GATEWAY_TOKEN: z.string().optional(),
  /** The gateway proves its delivery reports with this (bearer); without it reports are refused. */
  SILAH_SMS_GATEWAY_REPORT_SECRET: z.string().min(16).optional(),
});

function isAddressOrRange(entry: string): boolean {
  const [address = "", bits, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/** Checked on the raw environment so they are reported even when other values fail to parse. */
function productionProblems(source: Record<string, string | undefined>): string[] {
  if (source.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!source.SILAH_SESSION_SECRET) {
    problems.push("SILAH_SESSION_SECRET: is required in production (32+ random characters)");
  }
  if (!source.DATABASE_URL) {
    problems.push(
      "DATABASE_URL: is required in production; the embedded database is for trying Silah on one machine",
    );
  }
  if (!source.SILAH_PUBLIC_URL) {
    problems.push(
      "SILAH_PUBLIC_URL: is required in production (https://…): the links sent to beneficiaries are made with it",
    );
  }
  return problems;
}

export type Config = {
  env: "development" | "test" | "production";
  port: number;
  host: string;
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  files: { dir: string; maxBytes: number };
  notifications: {
    smtpUrl: string | undefined;
    mailFrom: string;
    gateway: { url: string; token: string | undefined } | undefined;
    /** Shared secret of the gateway's delivery reports (POST /api/notices/delivery-reports). */
    deliveryReportSecret: string | undefined;
    /** Without SMTP outside production, e-mails are written as .eml files here to be opened. */
    outboxDir: string;
  };
  session: { secret: string; ttlMinutes: number; idleMinutes: number; secureCookie: boolean };
  publicUrl: string | undefined;
  /** Proxies whose X-Forwarded-For is believed; empty: the connection's own address is the client's. */
  trustedProxies: string[];
  /** The public complaint page: the proof-of-work a browser does and the hourly ceilings (ADR 0012). */
  publicComplaints: { work: number; perAddressHourly: number; perAssociationHourly: number };
  logLevel: string;
  runJobs: boolean;
  /** The demo seeded with a year of the association's work behind the dashboard (8–9 s more at first start). */
  demoHistory: boolean;
  /** Who may read `/api/openapi.json`: anyone, or signed-in administrators (the production default). */
  openApi: "public" | "administrators";
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Silah cannot start; fix the environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

// Outside production a fixed secret keeps demo sessions valid across restarts; it signs nothing secret.
const developmentSecret = "silah-development-secret-not-for-production-use";

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  const problems = [
    ...(parsed.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? []),
    ...productionProblems(source),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dataDir: path.resolve(env.SILAH_DATA_DIR) },
    files: {
      // Beside the embedded database by default; a shared deployment points every process at one volume.
      dir: path.resolve(env.SILAH_FILES_DIR ?? path.join(env.SILAH_DATA_DIR, "files")),
      maxBytes: env.SILAH_MAX_UPLOAD_MB * 1024 * 1024,
    },
    notifications: {
      smtpUrl: env.SILAH_SMTP_URL,
      mailFrom: env.SILAH_MAIL_FROM,
      gateway: env.SILAH_SMS_GATEWAY_URL
        ? { url: env.SILAH_SMS_GATEWAY_URL, token: env.SILAH_SMS_GATEWAY_TOKEN }
        : undefined,
      deliveryReportSecret: env.SILAH_SMS_GATEWAY_REPORT_SECRET,
      outboxDir: path.resolve(env.SILAH_DATA_DIR, "outbox"),
    },
    session: {
      secret: env.SILAH_SESSION_SECRET ?? developmentSecret,
      ttlMinutes: env.SILAH_SESSION_TTL_MINUTES,
      idleMinutes: env.SILAH_SESSION_IDLE_MINUTES,
      secureCookie: env.NODE_ENV === "production",
    },
    publicUrl: env.SILAH_PUBLIC_URL,
    trustedProxies: env.SILAH_TRUSTED_PROXIES,
    publicComplaints: {
      work: env.SILAH_COMPLAINT_WORK,
      perAddressHourly: env.SILAH_COMPLAINT_LIMIT_PER_ADDRESS,
      perAssociationHourly: env.SILAH_COMPLAINT_LIMIT_PER_ASSOCIATION,
    },
    logLevel: env.SILAH_LOG_LEVEL,
    runJobs: env.SILAH_JOBS === "on",
    demoHistory: env.SILAH_DEMO_HISTORY === "on",
    openApi: env.SILAH_OPENAPI ?? (env.NODE_ENV === "production" ? "administrators" : "public"),
  };
}
