import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { beneficiaries, files, instant, tenantId, users } from "./schema.js";

// ——— Complaints, disputes and compensation (SPEC Q1–Q3, K1–K2, S3) ———

export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    referenceNumber: text("reference_number").notNull(),
    // The tracking link carries a long random token; only its hash is kept.
    trackingTokenHash: text("tracking_token_hash").notNull(),
    source: text("source").notNull(),
    channel: text("channel").notNull(),
    anonymous: boolean("anonymous").notNull().default(false),
    complainantName: text("complainant_name"),
    complainantPhone: text("complainant_phone"),
    complainantEmail: text("complainant_email"),
    notifyChannel: text("notify_channel"),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    category: text("category").notNull(),
    subject: text("subject").notNull(),
    details: text("details").notNull(),
    status: text("status").notNull(),
    assignedTo: uuid("assigned_to").references(() => users.id),
    outcome: text("outcome"),
    outcomeNote: text("outcome_note"),
    settlementTerms: text("settlement_terms"),
    complainantAcceptedAt: instant("complainant_accepted_at"),
    receivedAt: instant("received_at").notNull(),
    dueAt: instant("due_at").notNull(),
    warnedAt: instant("warned_at"),
    escalatedAt: instant("escalated_at"),
    closedAt: instant("closed_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("complaints_reference_key").on(t.associationId, t.referenceNumber),
    // The target of the tenant-bound foreign key from contacts (association_id, complaint_id).
    uniqueIndex("complaints_association_id_id_key").on(t.associationId, t.id),
    uniqueIndex("complaints_tracking_key").on(t.trackingTokenHash),
    index("complaints_open_idx").on(t.associationId, t.status, t.dueAt),
    index("complaints_received_at_idx").on(t.associationId, t.receivedAt, t.status, t.outcome),
    index("complaints_unclosed_idx")
      .on(t.associationId, t.assignedTo, t.dueAt)
      .where(sql`${t.status} <> 'closed'`),
    index("complaints_beneficiary_id_idx").on(t.beneficiaryId),
    index("complaints_assigned_to_idx").on(t.assignedTo),
    index("complaints_created_by_idx").on(t.createdBy),
  ],
);

export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    at: instant("at").notNull(),
    kind: text("kind").notNull(),
    note: text("note"),
    actorUserId: uuid("actor_user_id").references(() => users.id),
  },
  (t) => [
    index("complaint_events_association_id_idx").on(t.associationId),
    index("complaint_events_complaint_id_idx").on(t.complaintId, t.at),
    index("complaint_events_actor_user_id_idx").on(t.actorUserId),
  ],
);

export const complaintFiles = pgTable(
  "complaint_files",
  {
    associationId: tenantId(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [
    index("complaint_files_association_id_idx").on(t.associationId),
    uniqueIndex("complaint_files_key").on(t.complaintId, t.fileId),
    index("complaint_files_file_id_idx").on(t.fileId),
  ],
);

export const compensationClaims = pgTable(
  "compensation_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    complaintId: uuid("complaint_id").references(() => complaints.id),
    beneficiaryId: uuid("beneficiary_id").references(() => beneficiaries.id),
    claimantName: text("claimant_name").notNull(),
    description: text("description").notNull(),
    status: text("status").notNull(),
    proofKind: text("proof_kind"),
    // Investigation committee minutes (K1): dated, stating harm, its size and causes, approved by members.
    minutesDate: text("minutes_date"),
    minutesHarm: text("minutes_harm"),
    minutesHarmSize: text("minutes_harm_size"),
    minutesCauses: text("minutes_causes"),
    minutesApprovedBy: uuid("minutes_approved_by").array().notNull().default(sql`'{}'::uuid[]`),
    // Or a judicial ruling / final decision of the competent authority.
    rulingNumber: text("ruling_number"),
    rulingDate: text("ruling_date"),
    rulingAuthority: text("ruling_authority"),
    rulingFileId: uuid("ruling_file_id").references(() => files.id),
    settlementTerms: text("settlement_terms"),
    settledAmount: integer("settled_amount"),
    approvedAmount: integer("approved_amount"),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: instant("approved_at"),
    paidAmount: integer("paid_amount").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index("compensation_claims_association_id_idx").on(t.associationId),
    index("compensation_claims_complaint_id_idx").on(t.complaintId),
    index("compensation_claims_beneficiary_id_idx").on(t.beneficiaryId),
    index("compensation_claims_ruling_file_id_idx").on(t.rulingFileId),
    index("compensation_claims_approved_by_idx").on(t.approvedBy),
    index("compensation_claims_created_by_idx").on(t.createdBy),
  ],
);

export const compensationEvents = pgTable(
  "compensation_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: tenantId(),
    claimId: uuid("claim_id")
      .notNull()
      .references(() => compensationClaims.id),
    kind: text("kind").notNull(),
    at: instant("at").notNull(),
    amount: integer("amount"),
    response: text("response"),
    note: text("note"),
    reference: text("reference"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    index("compensation_events_association_id_idx").on(t.associationId),
    index("compensation_events_claim_id_idx").on(t.claimId, t.at),
    index("compensation_events_recorded_by_idx").on(t.recordedBy),
  ],
);
