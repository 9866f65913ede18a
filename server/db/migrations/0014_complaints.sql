CREATE TABLE "compensation_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"complaint_id" uuid,
	"beneficiary_id" uuid,
	"claimant_name" text NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"proof_kind" text,
	"minutes_date" text,
	"minutes_harm" text,
	"minutes_harm_size" text,
	"minutes_causes" text,
	"minutes_approved_by" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"ruling_number" text,
	"ruling_date" text,
	"ruling_authority" text,
	"ruling_file_id" uuid,
	"settlement_terms" text,
	"settled_amount" integer,
	"approved_amount" integer,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"paid_amount" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compensation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"amount" integer,
	"response" text,
	"note" text,
	"reference" text,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "complaint_files" (
	"association_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"reference_number" text NOT NULL,
	"tracking_token_hash" text NOT NULL,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"complainant_name" text,
	"complainant_phone" text,
	"complainant_email" text,
	"notify_channel" text,
	"beneficiary_id" uuid,
	"category" text NOT NULL,
	"subject" text NOT NULL,
	"details" text NOT NULL,
	"status" text NOT NULL,
	"assigned_to" uuid,
	"outcome" text,
	"outcome_note" text,
	"settlement_terms" text,
	"complainant_accepted_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"warned_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "public_submissions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "public_submissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_ruling_file_id_files_id_fk" FOREIGN KEY ("ruling_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_claims" ADD CONSTRAINT "compensation_claims_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_events" ADD CONSTRAINT "compensation_events_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_events" ADD CONSTRAINT "compensation_events_claim_id_compensation_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."compensation_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compensation_events" ADD CONSTRAINT "compensation_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_files" ADD CONSTRAINT "complaint_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compensation_claims_complaint_id_idx" ON "compensation_claims" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "compensation_claims_beneficiary_id_idx" ON "compensation_claims" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "compensation_claims_ruling_file_id_idx" ON "compensation_claims" USING btree ("ruling_file_id");--> statement-breakpoint
CREATE INDEX "compensation_claims_approved_by_idx" ON "compensation_claims" USING btree ("approved_by");--> statement-breakpoint
CREATE INDEX "compensation_claims_created_by_idx" ON "compensation_claims" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "compensation_events_claim_id_idx" ON "compensation_events" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "compensation_events_recorded_by_idx" ON "compensation_events" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "complaint_events_complaint_id_idx" ON "complaint_events" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "complaint_events_actor_user_id_idx" ON "complaint_events" USING btree ("actor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_files_key" ON "complaint_files" USING btree ("complaint_id","file_id");--> statement-breakpoint
CREATE INDEX "complaint_files_file_id_idx" ON "complaint_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_reference_key" ON "complaints" USING btree ("association_id","reference_number");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_tracking_key" ON "complaints" USING btree ("tracking_token_hash");--> statement-breakpoint
CREATE INDEX "complaints_open_idx" ON "complaints" USING btree ("association_id","status","due_at");--> statement-breakpoint
CREATE INDEX "complaints_beneficiary_id_idx" ON "complaints" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "complaints_assigned_to_idx" ON "complaints" USING btree ("assigned_to");--> statement-breakpoint
CREATE INDEX "complaints_created_by_idx" ON "complaints" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "public_submissions_source_idx" ON "public_submissions" USING btree ("source","at");