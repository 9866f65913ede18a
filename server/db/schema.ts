import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { complaints } from "./schema-complaints.js";
import { libraryDocumentVersions } from "./schema-policy.js";

/**
 * Schema as code (CONVENTIONS §7). Every tenant table carries `association_id` and is covered by
 * forced row-level security in the hand-written migration `0001_security.sql`; tables without it
 * (`rate_limit_counters`, `jobs`) are system tables the application role never reads in tenant scope.
 */

// Declarations, not arrow constants: hoisted, they are ready when schema-complaints.ts (which
// schema.ts imports for a foreign key) runs first and builds its tables with them.
export function createdAt() {
  return timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
}
export function instant(name: string) {
  return timestamp(name, { withTimezone: true, mode: "date" });
}
/** The owning association of a tenant row; the migrations' RLS policies key on it. */
export function tenantId() {
  return uuid("association_id")
    .notNull()
    .references(() => associations.id);
}

export const associations = pgTable("associations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  nameAr: text("name_ar").notNull(),
  nameEn: text("name_en"),
  licenseNumber: text("license_number"),
  supervisingAuthority: text("supervising_authority"),
  /** `platform`: the one association whose accounts are the platform operators (ADR 0024). */
  kind: text("kind").notNull().default("association"),
  region: text("region"),
  /** Set while the platform operator has suspended the association: nobody of it signs in. */
  suspendedAt: instant("suspended_at"),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    locale: text("locale").notNull().default("ar"),
    active: boolean("active").notNull().default(true),
    // Set when someone else chose the password (creation by an administrator, a reset).
    passwordChangeRequired: boolean("password_change_required").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // An address is unique within its association only: another association's staff list is none
    // of this one's business. Sign-in tries each association's account with that address (ADR 0011).
    uniqueIndex("users_association_email_key").on(t.associationId, sql`lower(${t.email})`),
    index("users_email_idx").on(sql`lower(${t.email})`),
    index("users_association_id_idx").on(t.associationId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
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

/**
 * A user's authenticator (TOTP, RFC 6238). The shared secret is stored encrypted (AES-256-GCM, key
 * derived from the session secret); `confirmedAt` is null while enrolment waits for the first code.
 * `lastUsedStep` is the last accepted time-step: a code is never accepted twice.
 */
export const secondFactors = pgTable(
  "second_factors",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id),
    associationId: tenantId(),
    secretCiphertext: text("secret_ciphertext").notNull(),
    confirmedAt: instant("confirmed_at"),
    lastUsedStep: bigint("last_used_step", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("second_factors_association_id_idx").on(t.associationId)],
);

/** One-time recovery codes, kept as keyed hashes; `usedAt` marks the one spent. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("recovery_codes_user_id_idx").on(t.userId, t.codeHash),
    index("recovery_codes_association_id_idx").on(t.associationId),
  ],
);

/**
 * Counters of the rate limits (server/http/rate-limit.ts), shared by every server process. Keys are
 * keyed hashes of the limited thing (an address, an account), never the address itself; expired rows
 * are pruned, since even a hashed address is personal data kept no longer than the limit needs.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    expire: instant("expire"),
  },
  (t) => [index("rate_limit_counters_expire_idx").on(t.expire)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    associationId: tenantId(),
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

// ——— Beneficiary registry and contact log (SPEC C1, C2, H1, I1, R2, G2) ———

export const beneficiaryCategories = pgTable(
  "beneficiary_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    code: text("code").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    active: boolean("active").notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    // Other names an import accepts for the category, such as the singular «أرملة» for «الأرامل».
    aliases: text("aliases").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [uniqueIndex("beneficiary_categories_code_key").on(t.associationId, t.code)],
);

export const beneficiaries = pgTable(
  "beneficiaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    // A short number people can say on the phone: per association, from a counter row.
    fileNumber: integer("file_number").notNull(),
    fullName: text("full_name").notNull(),
    // The normalised name (shared/domain) that search and duplicate detection read; never shown.
    nameKey: text("name_key").notNull(),
    latinName: text("latin_name"),
    nationalId: text("national_id"),
    nationalIdKind: text("national_id_kind"),
    birthDate: text("birth_date"),
    gender: text("gender"),
    nationality: text("nationality"),
    city: text("city"),
    district: text("district"),
    phones: text("phones").array().notNull().default(sql`'{}'::text[]`),
    email: text("email"),
    preferredChannel: text("preferred_channel"),
    categoryId: uuid("category_id").references(() => beneficiaryCategories.id),
    maritalStatus: text("marital_status"),
    // Sensitive (SPEC R2): shown only to roles that need them, see beneficiaries.policy.ts.
    monthlyIncome: integer("monthly_income"),
    circumstances: text("circumstances"),
    healthNotes: text("health_notes"),
    disability: text("disability"),
    notes: text("notes"),
    // A merged-away record points at the live one it was folded into (ADR 0015).
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => beneficiaries.id),
    // The PDPL lawful basis the file was registered under (ADR 0022); null before it was recorded.
    lawfulBasis: text("lawful_basis"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("beneficiaries_file_number_key").on(t.associationId, t.fileNumber),
    uniqueIndex("beneficiaries_national_id_key")
      .on(t.associationId, t.nationalId)
      .where(sql`${t.mergedIntoId} is null and ${t.nationalId} is not null`),
    index("beneficiaries_name_key_trgm_idx").using("gin", t.nameKey.op("gin_trgm_ops")),
    index("beneficiaries_phones_idx").using("gin", t.phones),
    index("beneficiaries_category_id_idx").on(t.categoryId),
    index("beneficiaries_created_by_idx").on(t.createdBy),
    index("beneficiaries_merged_into_id_idx").on(t.mergedIntoId),
    index("beneficiaries_birth_date_idx").on(t.associationId, t.birthDate),
  ],
);

export const beneficiaryCounters = pgTable("beneficiary_counters", {
  associationId: uuid("association_id")
    .primaryKey()
    .references(() => associations.id),
  lastFileNumber: integer("last_file_number").notNull().default(0),
});

export const householdMembers = pgTable(
  "household_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    relation: text("relation").notNull(),
    fullName: text("full_name").notNull(),
    nameKey: text("name_key").notNull(),
    nationalId: text("national_id"),
    birthDate: text("birth_date"),
    gender: text("gender"),
  },
  (t) => [
    index("household_members_beneficiary_id_idx").on(t.beneficiaryId),
    index("household_members_national_id_idx").on(t.associationId, t.nationalId),
    index("household_members_name_key_trgm_idx").using("gin", t.nameKey.op("gin_trgm_ops")),
  ],
);

/** An import while it runs (the page polls its progress) and its summary when done. */
export const beneficiaryImports = pgTable(
  "beneficiary_imports",
  {
    id: uuid("id").primaryKey(),
    associationId: tenantId(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    status: text("status").notNull(),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    report: jsonb("report"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("beneficiary_imports_association_id_idx").on(t.associationId),
    index("beneficiary_imports_created_by_idx").on(t.createdBy),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    purpose: text("purpose").notNull(),
    noticeVersion: text("notice_version").notNull(),
    givenAt: instant("given_at").notNull(),
    withdrawnAt: instant("withdrawn_at"),
    recordedBy: uuid("recorded_by").references(() => users.id),
  },
  (t) => [
    index("consents_association_id_idx").on(t.associationId),
    index("consents_beneficiary_id_idx").on(t.beneficiaryId),
    index("consents_recorded_by_idx").on(t.recordedBy),
  ],
);

export const interactions = pgTable(
  "interactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    direction: text("direction").notNull(),
    occurredAt: instant("occurred_at").notNull(),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => users.id),
    subject: text("subject").notNull(),
    summary: text("summary"),
    answer: text("answer"),
    answeredAt: instant("answered_at"),
    answeredBy: uuid("answered_by").references(() => users.id),
    routedToUserId: uuid("routed_to_user_id").references(() => users.id),
    supportRequestId: uuid("support_request_id"),
    complaintId: uuid("complaint_id"),
    /** The library document version an answer was taken from (H1, T1). */
    citedLibraryVersionId: uuid("cited_library_version_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("interactions_association_id_idx").on(t.associationId),
    // Composite with the tenant, so a contact can name only its own association's request or complaint.
    foreignKey({
      name: "interactions_support_request_fk",
      columns: [t.associationId, t.supportRequestId],
      foreignColumns: [supportRequests.associationId, supportRequests.id],
    }),
    foreignKey({
      name: "interactions_complaint_fk",
      columns: [t.associationId, t.complaintId],
      foreignColumns: [complaints.associationId, complaints.id],
    }),
    index("interactions_support_request_id_idx").on(t.supportRequestId, t.associationId),
    index("interactions_complaint_id_idx").on(t.complaintId, t.associationId),
    index("interactions_beneficiary_id_idx").on(t.beneficiaryId, t.occurredAt),
    index("interactions_staff_user_id_idx").on(t.staffUserId),
    index("interactions_answered_by_idx").on(t.answeredBy),
    foreignKey({
      name: "interactions_cited_library_version_fk",
      columns: [t.associationId, t.citedLibraryVersionId],
      foreignColumns: [libraryDocumentVersions.associationId, libraryDocumentVersions.id],
    }),
    index("interactions_cited_library_version_id_idx").on(t.citedLibraryVersionId, t.associationId),
    index("interactions_routed_to_user_id_idx").on(t.routedToUserId, t.occurredAt),
    index("interactions_open_inquiries_idx")
      .on(t.associationId, t.occurredAt)
      .where(sql`${t.kind} = 'inquiry' and ${t.answeredAt} is null`),
    index("interactions_inquiries_idx").on(t.associationId, t.occurredAt).where(sql`${t.kind} = 'inquiry'`),
    index("interactions_open_routed_idx")
      .on(t.associationId, t.routedToUserId, t.occurredAt)
      .where(sql`${t.kind} = 'inquiry' and ${t.answeredAt} is null and ${t.routedToUserId} is not null`),
  ],
);

export const liaisonRoutes = pgTable(
  "liaison_routes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    categoryId: uuid("category_id").references(() => beneficiaryCategories.id),
    field: text("field"),
    liaisonUserId: uuid("liaison_user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("liaison_routes_association_id_idx").on(t.associationId),
    index("liaison_routes_category_id_idx").on(t.categoryId),
    index("liaison_routes_liaison_user_id_idx").on(t.liaisonUserId),
  ],
);

// ——— The association's working calendar (SPEC §3): edits on top of the generated holidays ———

export const calendarDays = pgTable(
  "calendar_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    date: text("date").notNull(),
    // holiday: a day off the ministry announced; closure: the association's own; working_day: a
    // generated holiday that turned out to be a working day (the moon was sighted differently).
    kind: text("kind").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("calendar_days_date_key").on(t.associationId, t.date),
    index("calendar_days_created_by_idx").on(t.createdBy),
  ],
);

// ——— Files: scanned letters, documents, attachments (stored on disk, described here) ———

export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    // Detected from the bytes, never taken from the name or the browser's claim.
    mediaType: text("media_type").notNull(),
    originalName: text("original_name").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  (t) => [
    index("files_association_sha_idx").on(t.associationId, t.sha256),
    index("files_uploaded_by_idx").on(t.uploadedBy),
  ],
);

export const interactionFiles = pgTable(
  "interaction_files",
  {
    associationId: tenantId(),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [
    index("interaction_files_association_id_idx").on(t.associationId),
    uniqueIndex("interaction_files_key").on(t.interactionId, t.fileId),
    index("interaction_files_file_id_idx").on(t.fileId),
  ],
);

export const correspondence = pgTable(
  "correspondence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    direction: text("direction").notNull(),
    medium: text("medium").notNull(),
    // Ours, given at registration: IN-1448-0007 / OUT-1448-0012 (Hijri year of the register).
    referenceNumber: text("reference_number").notNull(),
    externalReference: text("external_reference"),
    counterpart: text("counterpart").notNull(),
    subject: text("subject").notNull(),
    datedOn: text("dated_on"),
    registeredAt: instant("registered_at").notNull(),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    fileId: uuid("file_id").references(() => files.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    uniqueIndex("correspondence_reference_key").on(t.associationId, t.referenceNumber),
    index("correspondence_beneficiary_id_idx").on(t.beneficiaryId),
    index("correspondence_file_id_idx").on(t.fileId),
    index("correspondence_recorded_by_idx").on(t.recordedBy),
  ],
);

export const registerCounters = pgTable(
  "register_counters",
  {
    associationId: tenantId(),
    register: text("register").notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (t) => [uniqueIndex("register_counters_key").on(t.associationId, t.register)],
);

// ——— Notifications: a durable outbox (SPEC C2, G1) ———

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    channel: text("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    // What caused it (e.g. support_request:<id>:decided), unique: the same event never notifies twice.
    eventKey: text("event_key").notNull(),
    // What it is about and why (from the event key): superseding and the notices of a page key on them.
    subjectType: text("subject_type"),
    subjectId: uuid("subject_id"),
    purpose: text("purpose"),
    // queued · sent · delivered · failed (failure_reason) · manual (a task for staff) · done · superseded (ADR 0020)
    status: text("status").notNull().default("queued"),
    failureReason: text("failure_reason"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
    deliveredAt: instant("delivered_at"),
    handledAt: instant("handled_at"),
    handledBy: uuid("handled_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("notifications_event_key").on(t.associationId, t.eventKey, t.channel),
    index("notifications_beneficiary_id_idx").on(t.beneficiaryId),
    index("notifications_pending_idx").on(t.status, t.createdAt),
    index("notifications_subject_idx").on(t.subjectType, t.subjectId),
    index("notifications_handled_by_idx").on(t.handledBy),
    uniqueIndex("notifications_open_task")
      .on(t.associationId, t.subjectType, t.subjectId, t.purpose)
      .where(sql`status = 'manual' and subject_id is not null and purpose is not null`),
  ],
);

// ——— Support requests: services and their requirements, a request's life, committees (SPEC H1–H8, T2) ———

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    code: text("code").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    kind: text("kind").notNull(),
    eligibilityAr: text("eligibility_ar").notNull().default(""),
    // The requirements as data (shared/contracts/services.ts): fields, and documents with validity rules.
    requirements: jsonb("requirements").notNull().default([]),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("services_code_key").on(t.associationId, t.code)],
);

/** One row per association: how its requests are handled until the policy module supplies it. */
export const requestSettings = pgTable("request_settings", {
  associationId: uuid("association_id")
    .primaryKey()
    .references(() => associations.id),
  responsePeriod: jsonb("response_period").notNull(),
  referralRole: text("referral_role").notNull().default("social_researcher"),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const supportRequests = pgTable(
  "support_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    // REQ-1447-0001: the Hijri year of opening and a per-year number, for the beneficiary to quote.
    referenceNumber: text("reference_number").notNull(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    channel: text("channel").notNull(),
    state: text("state").notNull(),
    // The service's requirements as they stood at opening: the request is judged by them.
    requirements: jsonb("requirements").notNull(),
    data: jsonb("data").notNull().default({}),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: instant("opened_at").notNull(),
    completedAt: instant("completed_at"),
    responsePeriod: jsonb("response_period"),
    dueDate: text("due_date"),
    dueAt: instant("due_at"),
    warnAt: instant("warn_at"),
    decision: text("decision"),
    decisionReasons: text("decision_reasons"),
    approvedAmount: integer("approved_amount"),
    decidedAt: instant("decided_at"),
    deliveredAmount: integer("delivered_amount").notNull().default(0),
    closedAt: instant("closed_at"),
    // Why the request was cancelled, as the person who cancelled it wrote it.
    cancelReason: text("cancel_reason"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("support_requests_reference_key").on(t.associationId, t.referenceNumber),
    // The target of the tenant-bound foreign keys (association_id, support_request_id).
    uniqueIndex("support_requests_association_id_id_key").on(t.associationId, t.id),
    index("support_requests_beneficiary_id_idx").on(t.beneficiaryId),
    index("support_requests_service_id_idx").on(t.serviceId),
    index("support_requests_opened_by_idx").on(t.openedBy, t.state),
    index("support_requests_state_idx").on(t.associationId, t.state, t.dueAt),
    // The management dashboard's period and its open items by owner (ADR 0026).
    index("support_requests_opened_at_idx").on(
      t.associationId,
      t.openedAt,
      t.state,
      t.channel,
      t.serviceId,
      t.dueAt,
      t.decidedAt,
    ),
    index("support_requests_undecided_idx")
      .on(t.associationId, t.openedBy, t.dueAt)
      .where(sql`${t.decidedAt} is null and ${t.state} not in ('draft', 'cancelled')`),
    index("support_requests_undecided_opened_idx")
      .on(t.associationId, t.openedAt, t.dueAt)
      .where(sql`${t.decidedAt} is null and ${t.state} not in ('draft', 'cancelled')`),
  ],
);

/**
 * The management dashboard's daily counts (migration 0036, ADR 0026): kept by statement triggers on
 * support_requests and interactions in the same transaction as the change, never written by code.
 * A request counts once under each dimension: `state`, `channel`, `service` (its id), `timing`
 * (`in_time` | `late`: decided, with a due time, neither a draft nor cancelled) and `span` (Riyadh
 * calendar days from opening to decision).
 */
export const requestDayCounts = pgTable(
  "request_day_counts",
  {
    associationId: tenantId(),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    dimension: text("dimension").notNull(),
    key: text("key").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.dimension, t.openedOn, t.key] })],
);

/** Inquiries by the Riyadh day they came in and their channel (migration 0036). */
export const inquiryDayCounts = pgTable(
  "inquiry_day_counts",
  {
    associationId: tenantId(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    channel: text("channel").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.occurredOn, t.channel] })],
);

/** Routed inquiries answered, by the day answered, the liaison officer and the day they came in (0036). */
export const liaisonAnswerCounts = pgTable(
  "liaison_answer_counts",
  {
    associationId: tenantId(),
    answeredOn: date("answered_on", { mode: "string" }).notNull(),
    routedToUserId: uuid("routed_to_user_id")
      .notNull()
      .references(() => users.id),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.answeredOn, t.routedToUserId, t.occurredOn] }),
    index("liaison_answer_counts_routed_to_user_id_idx").on(t.routedToUserId),
  ],
);

export const requestDocuments = pgTable(
  "request_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    requirementCode: text("requirement_code").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    // What the officer reads off the document; checked against the requirement's rule when attached.
    issuedOn: text("issued_on"),
    expiresOn: text("expires_on"),
    attachedBy: uuid("attached_by")
      .notNull()
      .references(() => users.id),
    attachedAt: instant("attached_at").notNull(),
    // A newer document for the same requirement replaces this one; the old one stays on record.
    replacedAt: instant("replaced_at"),
  },
  (t) => [
    index("request_documents_association_id_idx").on(t.associationId),
    index("request_documents_request_id_idx").on(t.requestId, t.requirementCode),
    index("request_documents_file_id_idx").on(t.fileId),
    index("request_documents_attached_by_idx").on(t.attachedBy),
  ],
);

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    role: text("role").notNull(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    dueDate: text("due_date").notNull(),
    // The social study / home visit (H4), when the researcher records one.
    studyKind: text("study_kind"),
    studyOn: text("study_on"),
    studyFindings: text("study_findings"),
    studyRecommendation: text("study_recommendation"),
    outcome: text("outcome"),
    closedAt: instant("closed_at"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("referrals_association_id_idx").on(t.associationId),
    index("referrals_request_id_idx").on(t.requestId),
    index("referrals_owner_user_id_idx").on(t.ownerUserId, t.closedAt),
    index("referrals_created_by_idx").on(t.createdBy),
  ],
);

export const declarations = pgTable(
  "declarations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    // The n-th declaration of the request (taken under the request's row lock): the latest one counts.
    number: integer("number").notNull(),
    method: text("method").notNull(),
    fileId: uuid("file_id").references(() => files.id),
    // SHA-256 of the canonical data and document hashes the beneficiary declared true.
    fingerprint: text("fingerprint").notNull(),
    // What the fingerprint was taken over, readable: the data fields and each document's hash and
    // dates (H5). Null for declarations made before it was kept.
    covered: jsonb("covered"),
    status: text("status").notNull(),
    // Only a hash of the one-time code is kept; it expires and allows a few tries.
    otpHash: text("otp_hash"),
    otpExpiresAt: instant("otp_expires_at"),
    otpAttempts: integer("otp_attempts").notNull().default(0),
    signedAt: instant("signed_at"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("declarations_association_id_idx").on(t.associationId),
    uniqueIndex("declarations_request_number_key").on(t.requestId, t.number),
    index("declarations_file_id_idx").on(t.fileId),
    index("declarations_created_by_idx").on(t.createdBy),
  ],
);

export const committees = pgTable(
  "committees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en"),
    quorum: integer("quorum").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("committees_association_id_idx").on(t.associationId)],
);

export const committeeMembers = pgTable(
  "committee_members",
  {
    associationId: tenantId(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("committee_members_association_id_idx").on(t.associationId),
    uniqueIndex("committee_members_key").on(t.committeeId, t.userId),
    index("committee_members_user_id_idx").on(t.userId),
  ],
);

export const committeeMeetings = pgTable(
  "committee_meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    heldOn: text("held_on").notNull(),
    minutesText: text("minutes_text"),
    minutesGeneratedAt: instant("minutes_generated_at"),
    minutesApprovedAt: instant("minutes_approved_at"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("committee_meetings_association_id_idx").on(t.associationId),
    index("committee_meetings_committee_id_idx").on(t.committeeId),
    index("committee_meetings_created_by_idx").on(t.createdBy),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    decision: text("decision"),
    approvedAmount: integer("approved_amount"),
    reasons: text("reasons"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
  },
  (t) => [
    index("agenda_items_association_id_idx").on(t.associationId),
    index("agenda_items_request_id_idx").on(t.requestId),
    uniqueIndex("agenda_items_key").on(t.meetingId, t.requestId),
    // A request waits on one agenda at a time: the second scheduling or decision cannot slip in.
    uniqueIndex("agenda_items_open_request_key").on(t.requestId).where(sql`${t.decidedAt} is null`),
    index("agenda_items_decided_by_idx").on(t.decidedBy),
  ],
);

export const committeeVotes = pgTable(
  "committee_votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => agendaItems.id),
    memberId: uuid("member_id")
      .notNull()
      .references(() => users.id),
    vote: text("vote").notNull(),
    note: text("note"),
    votedAt: instant("voted_at").notNull(),
  },
  (t) => [
    index("committee_votes_association_id_idx").on(t.associationId),
    uniqueIndex("committee_votes_key").on(t.itemId, t.memberId),
    index("committee_votes_member_id_idx").on(t.memberId),
  ],
);

export const minutesApprovals = pgTable(
  "minutes_approvals",
  {
    associationId: tenantId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    approvedAt: instant("approved_at").notNull(),
  },
  (t) => [
    index("minutes_approvals_association_id_idx").on(t.associationId),
    uniqueIndex("minutes_approvals_key").on(t.meetingId, t.userId),
    index("minutes_approvals_user_id_idx").on(t.userId),
  ],
);

/** Who attended a committee meeting, as the meeting's organiser recorded it; the minutes name them. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    associationId: tenantId(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => committeeMeetings.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    present: boolean("present").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    index("meeting_attendance_association_id_idx").on(t.associationId),
    uniqueIndex("meeting_attendance_key").on(t.meetingId, t.userId),
    index("meeting_attendance_user_id_idx").on(t.userId),
    index("meeting_attendance_recorded_by_idx").on(t.recordedBy),
  ],
);

/** A member's own statement that they are related to a beneficiary: they never vote on that person. */
export const conflictDeclarations = pgTable(
  "conflict_declarations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    reason: text("reason").notNull(),
    declaredAt: instant("declared_at").notNull(),
  },
  (t) => [
    index("conflict_declarations_association_id_idx").on(t.associationId),
    uniqueIndex("conflict_declarations_key").on(t.userId, t.beneficiaryId),
    index("conflict_declarations_beneficiary_id_idx").on(t.beneficiaryId),
  ],
);

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    kind: text("kind").notNull(),
    // Halalas: what counts against the approved amount (cash paid, or the value of in-kind items).
    amount: integer("amount").notNull().default(0),
    items: jsonb("items").notNull().default([]),
    deliveredOn: text("delivered_on").notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    index("deliveries_association_id_idx").on(t.associationId),
    index("deliveries_request_id_idx").on(t.requestId),
    index("deliveries_recorded_by_idx").on(t.recordedBy),
  ],
);

/** Deadline warnings and breaches (H7): what the officer and the manager see until it is answered. */
export const requestEscalations = pgTable(
  "request_escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => supportRequests.id),
    kind: text("kind").notNull(),
    dueDate: text("due_date").notNull(),
    raisedAt: instant("raised_at").notNull(),
    resolvedAt: instant("resolved_at"),
  },
  (t) => [
    uniqueIndex("request_escalations_key").on(t.requestId, t.kind, t.dueDate),
    index("request_escalations_open_idx").on(t.associationId, t.resolvedAt),
  ],
);

/**
 * What the approved policy's wording means here (ADR 0024): its referral role text mapped to a
 * staff role, each body its committees text names mapped to a committee (or to none), as the
 * administrator confirmed them for that policy version.
 */
export const policyWordingMappings = pgTable(
  "policy_wording_mappings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    policyVersionId: uuid("policy_version_id").notNull(),
    kind: text("kind").notNull(),
    wording: text("wording").notNull(),
    staffRole: text("staff_role"),
    committeeId: uuid("committee_id").references(() => committees.id),
    confirmedBy: uuid("confirmed_by")
      .notNull()
      .references(() => users.id),
    confirmedAt: instant("confirmed_at").notNull(),
  },
  (t) => [
    uniqueIndex("policy_wording_mappings_version_wording_key").on(t.policyVersionId, t.kind, t.wording),
    index("policy_wording_mappings_association_id_idx").on(t.associationId),
    index("policy_wording_mappings_committee_id_idx").on(t.committeeId),
    index("policy_wording_mappings_confirmed_by_idx").on(t.confirmedBy),
  ],
);

// ——— Field oversight (SPEC S2, migration 0032) ———

/** A checklist the association defines for its visits; editing it raises `version`. */
export const fieldChecklists = pgTable(
  "field_checklists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    name: text("name").notNull(),
    items: jsonb("items").$type<string[]>().notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: instant("updated_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("field_checklists_association_id_idx").on(t.associationId),
    index("field_checklists_updated_by_idx").on(t.updatedBy),
  ],
);

/** One checklist item as answered on a visit: the item's text is kept with the answer. */
export type FieldAnswer = { item: string; answer: "met" | "not_met" | "not_applicable"; note: string | null };

export const fieldVisits = pgTable(
  "field_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    kind: text("kind").notNull(),
    visitedOn: text("visited_on").notNull(),
    place: text("place").notNull(),
    participantIds: jsonb("participant_ids").$type<string[]>().notNull().default([]),
    checklistId: uuid("checklist_id").references(() => fieldChecklists.id),
    checklistName: text("checklist_name"),
    checklistVersion: integer("checklist_version"),
    answers: jsonb("answers").$type<FieldAnswer[]>().notNull().default([]),
    findings: text("findings").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    index("field_visits_association_id_idx").on(t.associationId, t.visitedOn),
    index("field_visits_checklist_id_idx").on(t.checklistId),
    index("field_visits_recorded_by_idx").on(t.recordedBy),
  ],
);

export const fieldVisitPhotos = pgTable(
  "field_visit_photos",
  {
    associationId: tenantId(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => fieldVisits.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [
    index("field_visit_photos_association_id_idx").on(t.associationId),
    uniqueIndex("field_visit_photos_key").on(t.visitId, t.fileId),
    index("field_visit_photos_file_id_idx").on(t.fileId),
  ],
);

/** A follow-up action from a visit: an owner and a due date on the association's working calendar. */
export const fieldActions = pgTable(
  "field_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => fieldVisits.id),
    text: text("text").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    dueDate: text("due_date").notNull(),
    doneBy: uuid("done_by").references(() => users.id),
    doneAt: instant("done_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("field_actions_association_id_idx").on(t.associationId),
    index("field_actions_visit_id_idx").on(t.visitId),
    index("field_actions_owner_id_idx").on(t.ownerId, t.dueDate),
    index("field_actions_done_by_idx").on(t.doneBy),
  ],
);

// ——— The evidence pack for the governance assessment (SPEC G7; ADR 0028) ———

export const evidencePacks = pgTable(
  "evidence_packs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    /** queued → running → done | failed. */
    status: text("status").notNull(),
    progressPercent: integer("progress_percent").notNull().default(0),
    /** The step in hand (a section, then document, workbook, storing): `evidenceSteps`. */
    progressStep: text("progress_step"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: instant("requested_at").notNull(),
    finishedAt: instant("finished_at"),
    pdfFileId: uuid("pdf_file_id").references(() => files.id),
    workbookFileId: uuid("workbook_file_id").references(() => files.id),
    failureCode: text("failure_code"),
  },
  (t) => [
    index("evidence_packs_association_id_idx").on(t.associationId, t.requestedAt),
    index("evidence_packs_requested_by_idx").on(t.requestedBy),
    index("evidence_packs_pdf_file_id_idx").on(t.pdfFileId),
    index("evidence_packs_workbook_file_id_idx").on(t.workbookFileId),
  ],
);

// ——— The beneficiary portal: sign-in by one-time code, and its own sessions (ADR 0029) ———

/**
 * A one-time code asked for by national ID or Iqama. `idKey` is a keyed hash of the ID (never the
 * ID); `codeHash` a keyed hash of the code bound to this row. A request for an ID the association
 * does not know writes a decoy (no beneficiary) that no code opens, so both answers do the same work.
 */
export const portalCodes = pgTable(
  "portal_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    idKey: text("id_key").notNull(),
    codeHash: text("code_hash").notNull(),
    // Where the code went (email, sms, whatsapp); null when it went nowhere (decoy, no contact).
    channel: text("channel"),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    // Voided by too many wrong tries, or by a newer code for the same ID.
    voidedAt: instant("voided_at"),
  },
  (t) => [
    index("portal_codes_association_id_idx").on(t.associationId, t.idKey, t.createdAt),
    index("portal_codes_beneficiary_id_idx").on(t.beneficiaryId),
  ],
);

/** A beneficiary's session in the portal: its own table and cookie, never a staff session. */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    tokenHash: text("token_hash").notNull().unique(),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    endedAt: instant("ended_at"),
  },
  (t) => [
    index("portal_sessions_association_id_idx").on(t.associationId),
    index("portal_sessions_beneficiary_id_idx").on(t.beneficiaryId),
  ],
);

// ——— Satisfaction surveys (SPEC S1, G6; ADR 0027) ———

export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull(),
    status: text("status").notNull().default("draft"),
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("surveys_association_id_idx").on(t.associationId),
    index("surveys_created_by_idx").on(t.createdBy),
  ],
);

/** The questions a survey asked from one version on; a version with answers never changes. */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    version: integer("version").notNull(),
    intro: jsonb("intro"),
    questions: jsonb("questions").notNull(),
    answers: integer("answers").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "survey_versions_pkey", columns: [t.surveyId, t.version] }),
    index("survey_versions_association_id_idx").on(t.associationId),
    index("survey_versions_created_by_idx").on(t.createdBy),
  ],
);

export const surveySettings = pgTable(
  "survey_settings",
  {
    associationId: uuid("association_id")
      .primaryKey()
      .references(() => associations.id),
    postServiceSurveyId: uuid("post_service_survey_id").references(() => surveys.id),
    afterDelivery: boolean("after_delivery").notNull().default(false),
    afterRequestClosed: boolean("after_request_closed").notNull().default(false),
    afterComplaintClosed: boolean("after_complaint_closed").notNull().default(false),
    quietDays: integer("quiet_days").notNull().default(90),
    linkValidDays: integer("link_valid_days").notNull().default(14),
    reminderAfterDays: integer("reminder_after_days").notNull().default(3),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("survey_settings_post_service_survey_id_idx").on(t.postServiceSurveyId),
    index("survey_settings_updated_by_idx").on(t.updatedBy),
  ],
);

export const surveyCampaigns = pgTable(
  "survey_campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    name: text("name").notNull(),
    audience: jsonb("audience").notNull(),
    closesOn: text("closes_on").notNull(),
    audienceSize: integer("audience_size").notNull(),
    heldOptedOut: integer("held_opted_out").notNull().default(0),
    heldRecentlySurveyed: integer("held_recently_surveyed").notNull().default(0),
    heldUnreachable: integer("held_unreachable").notNull().default(0),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("survey_campaigns_association_id_idx").on(t.associationId, t.createdAt),
    index("survey_campaigns_survey_id_idx").on(t.surveyId),
    index("survey_campaigns_created_by_idx").on(t.createdBy),
  ],
);

/** A personal link: only a keyed hash of its token is kept; `answered` has no time (ADR 0027). */
export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    campaignId: uuid("campaign_id").references(() => surveyCampaigns.id),
    trigger: text("trigger").notNull(),
    subjectId: uuid("subject_id"),
    staffId: uuid("staff_id").references(() => users.id),
    tokenNonce: text("token_nonce").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedAt: instant("invited_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    reminded: boolean("reminded").notNull().default(false),
    answered: boolean("answered").notNull().default(false),
  },
  (t) => [
    uniqueIndex("survey_invitations_token_hash_key").on(t.tokenHash),
    index("survey_invitations_association_id_idx").on(t.associationId, t.invitedAt),
    index("survey_invitations_survey_id_idx").on(t.surveyId),
    index("survey_invitations_beneficiary_id_idx").on(t.beneficiaryId, t.invitedAt),
    index("survey_invitations_campaign_id_idx").on(t.campaignId),
    index("survey_invitations_staff_id_idx").on(t.staffId),
  ],
);

export const surveyHeldBack = pgTable(
  "survey_held_back",
  {
    associationId: tenantId(),
    month: text("month").notNull(),
    reason: text("reason").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ name: "survey_held_back_pkey", columns: [t.associationId, t.month, t.reason] })],
);

export const surveyOptOuts = pgTable(
  "survey_opt_outs",
  {
    associationId: tenantId(),
    beneficiaryId: uuid("beneficiary_id")
      .primaryKey()
      .references(() => beneficiaries.id),
    since: instant("since").notNull(),
  },
  (t) => [index("survey_opt_outs_association_id_idx").on(t.associationId)],
);

/** An answer: survey, version, Riyadh day and the answers; no invitation, person or instant. */
export const surveyAnswers = pgTable(
  "survey_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    version: integer("version").notNull(),
    answeredOn: text("answered_on").notNull(),
    answers: jsonb("answers").notNull(),
  },
  (t) => [
    index("survey_answers_association_id_idx").on(t.associationId, t.surveyId, t.answeredOn),
    index("survey_answers_survey_id_idx").on(t.surveyId, t.version),
  ],
);

export const surveyStaffRatings = pgTable(
  "survey_staff_ratings",
  {
    associationId: tenantId(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => users.id),
    month: text("month").notNull(),
    answers: integer("answers").notNull().default(0),
    sum: integer("sum").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "survey_staff_ratings_pkey", columns: [t.staffId, t.month] }),
    index("survey_staff_ratings_association_id_idx").on(t.associationId, t.month),
  ],
);

export const surveyRollups = pgTable(
  "survey_rollups",
  {
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    month: text("month").notNull(),
    questionKey: text("question_key").notNull(),
    kind: text("kind").notNull(),
    aboutStaff: boolean("about_staff").notNull().default(false),
    answers: integer("answers").notNull().default(0),
    sum: bigint("sum", { mode: "number" }).notNull().default(0),
    promoters: integer("promoters").notNull().default(0),
    passives: integer("passives").notNull().default(0),
    detractors: integer("detractors").notNull().default(0),
    counts: jsonb("counts").notNull().default({}),
  },
  (t) => [
    primaryKey({
      name: "survey_rollups_pkey",
      columns: [t.associationId, t.surveyId, t.month, t.questionKey, t.kind],
    }),
    index("survey_rollups_survey_id_idx").on(t.surveyId),
    index("survey_rollups_month_idx").on(t.associationId, t.month),
  ],
);

export const surveyFollowUps = pgTable(
  "survey_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    beneficiaryId: uuid("beneficiary_id")
      .notNull()
      .references(() => beneficiaries.id),
    lowestKind: text("lowest_kind"),
    lowestValue: integer("lowest_value"),
    text: text("text"),
    status: text("status").notNull().default("open"),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    taskOwnerId: uuid("task_owner_id").references(() => users.id),
    taskDueDate: text("task_due_date"),
    taskDoneAt: instant("task_done_at"),
    closedNote: text("closed_note"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("survey_follow_ups_association_id_idx").on(t.associationId, t.status),
    index("survey_follow_ups_survey_id_idx").on(t.surveyId),
    index("survey_follow_ups_beneficiary_id_idx").on(t.beneficiaryId),
    index("survey_follow_ups_complaint_id_idx").on(t.complaintId),
    index("survey_follow_ups_task_owner_id_idx").on(t.taskOwnerId, t.taskDueDate),
  ],
);
