import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Schema as code (CONVENTIONS §7). Every tenant table carries `association_id` and is covered by
 * forced row-level security in the hand-written migration `0001_security.sql`; tables without it
 * (`sign_in_attempts`, `jobs`) are system tables the application role never reads in tenant scope.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const associations = pgTable("associations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en"),
  licenseNumber: text("license_number"),
  supervisingAuthority: text("supervising_authority"),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    locale: text("locale").notNull().default("ar"),
    active: boolean("active").notNull().default(true),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: instant("locked_until"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // Sign-in is by e-mail alone, so an address belongs to one person across the deployment.
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    index("users_association_id_idx").on(t.associationId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    // Only a hash of the cookie token is stored: a copy of the table cannot be replayed as cookies.
    tokenHash: text("token_hash").notNull().unique(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    endedAt: instant("ended_at"),
  },
  (t) => [
    index("sessions_association_id_idx").on(t.associationId),
    index("sessions_user_id_idx").on(t.userId),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    source: text("source").notNull(),
    emailKey: text("email_key").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: instant("attempted_at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_source_idx").on(t.source, t.attemptedAt),
    index("sign_in_attempts_email_idx").on(t.emailKey, t.attemptedAt),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    associationId: uuid("association_id")
      .notNull()
      .references(() => associations.id),
    type: text("type").notNull(),
    occurredAt: instant("occurred_at").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    payload: jsonb("payload").notNull().default({}),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_association_id_idx").on(t.associationId, t.id),
    index("audit_events_actor_user_id_idx").on(t.actorUserId),
    index("audit_events_subject_idx").on(t.associationId, t.subjectType, t.subjectId),
  ],
);

export const jobs = pgTable(
  "jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    associationId: uuid("association_id").references(() => associations.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull().default({}),
    // A job with a key is enqueued once however many processes ask for it.
    dedupeKey: text("dedupe_key").unique(),
    runAt: instant("run_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: instant("locked_until"),
    completedAt: instant("completed_at"),
    completedBy: text("completed_by"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`${t.completedAt} is null`),
    index("jobs_association_id_idx").on(t.associationId),
  ],
);
