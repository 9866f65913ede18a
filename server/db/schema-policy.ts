import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { files, instant, tenantId, users } from "./schema.js";

// ——— The policy as configuration: versions, board approval, staff sign-off, the library (SPEC P1–P3, T1) ———

export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    /** draft → approved (the current policy) → superseded. */
    status: text("status").notNull(),
    versionNumber: integer("version_number"),
    source: text("source").notNull(),
    /** The structured policy, validated by `policyContentSchema` on the way in. */
    content: jsonb("content").notNull(),
    /** What the importer found, kept beside a draft made from an existing policy text. */
    imported: jsonb("imported"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
    approvedAt: instant("approved_at"),
    supersededAt: instant("superseded_at"),
  },
  (t) => [
    // The backstop behind the approval lock: one current policy per association.
    uniqueIndex("policy_versions_current_key").on(t.associationId).where(sql`status = 'approved'`),
    uniqueIndex("policy_versions_number_key").on(t.associationId, t.versionNumber),
    index("policy_versions_created_by_idx").on(t.createdBy),
  ],
);

export const policyApprovals = pgTable(
  "policy_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    meetingNumber: text("meeting_number").notNull(),
    term: text("term").notNull(),
    /** Umm al-Qura `YYYY-MM-DD` as the board dated it; `approved_on` is the same day, Gregorian. */
    hijriDate: text("hijri_date").notNull(),
    approvedOn: date("approved_on", { mode: "string" }).notNull(),
    chair: text("chair").notNull(),
    /** `[{ name, position, signature }]`; signature files are checked against the association's files. */
    members: jsonb("members").notNull(),
    resolution: text("resolution").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: instant("recorded_at").notNull(),
  },
  (t) => [
    index("policy_approvals_association_id_idx").on(t.associationId),
    uniqueIndex("policy_approvals_version_key").on(t.versionId),
    index("policy_approvals_recorded_by_idx").on(t.recordedBy),
  ],
);

export const policyAcknowledgements = pgTable(
  "policy_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => policyVersions.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    typedName: text("typed_name").notNull(),
    signedAt: instant("signed_at").notNull(),
  },
  (t) => [
    index("policy_acknowledgements_association_id_idx").on(t.associationId),
    uniqueIndex("policy_acknowledgements_key").on(t.versionId, t.userId),
    index("policy_acknowledgements_user_id_idx").on(t.userId),
  ],
);

export const libraryDocuments = pgTable(
  "library_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    kind: text("kind").notNull(),
    titleAr: text("title_ar").notNull(),
    /** The title folded for Arabic search (hamza forms, ى/ي, ة/ه, diacritics, tatweel). */
    titleKey: text("title_key").notNull(),
    stepIndexes: integer("step_indexes").array().notNull().default(sql`'{}'::integer[]`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("library_documents_association_id_idx").on(t.associationId, t.kind),
    index("library_documents_created_by_idx").on(t.createdBy),
  ],
);

export const libraryDocumentVersions = pgTable(
  "library_document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => libraryDocuments.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    versionLabel: text("version_label").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: instant("uploaded_at").notNull(),
  },
  (t) => [
    index("library_document_versions_association_id_idx").on(t.associationId),
    // The target of an answer's citation, composite with the tenant (migration 0029).
    uniqueIndex("library_document_versions_association_id_id_key").on(t.associationId, t.id),
    index("library_document_versions_document_id_idx").on(t.documentId, t.uploadedAt),
    index("library_document_versions_file_id_idx").on(t.fileId),
    index("library_document_versions_uploaded_by_idx").on(t.uploadedBy),
  ],
);
