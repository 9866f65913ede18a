-- Satisfaction surveys (SPEC S1, G6; issue 12; ADR 0027). A survey keeps its versions; invitations
-- carry a hashed personal link; answers are kept apart from the invitation that let them in: an
-- answer row names its survey, version and Riyadh day only (no invitation, person, token or
-- instant), and ratings about staff are counted per employee and month, never per answer.
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "surveys_purpose_check" CHECK ("purpose" in ('post_service', 'periodic')),
	CONSTRAINT "surveys_status_check" CHECK ("status" in ('draft', 'active', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"intro" jsonb,
	"questions" jsonb NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_versions_pkey" PRIMARY KEY ("survey_id", "version")
);
--> statement-breakpoint
CREATE TABLE "survey_settings" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"post_service_survey_id" uuid,
	"after_delivery" boolean DEFAULT false NOT NULL,
	"after_request_closed" boolean DEFAULT false NOT NULL,
	"after_complaint_closed" boolean DEFAULT false NOT NULL,
	"quiet_days" integer DEFAULT 90 NOT NULL,
	"link_valid_days" integer DEFAULT 14 NOT NULL,
	"reminder_after_days" integer DEFAULT 3 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"audience" jsonb NOT NULL,
	"closes_on" text NOT NULL,
	"audience_size" integer NOT NULL,
	"held_opted_out" integer DEFAULT 0 NOT NULL,
	"held_recently_surveyed" integer DEFAULT 0 NOT NULL,
	"held_unreachable" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"campaign_id" uuid,
	"trigger" text NOT NULL,
	"subject_id" uuid,
	"staff_id" uuid,
	"token_nonce" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminded" boolean DEFAULT false NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	CONSTRAINT "survey_invitations_trigger_check" CHECK ("trigger" in ('delivery', 'request_closed', 'complaint_closed', 'campaign'))
);
--> statement-breakpoint
-- Held back post-service invitations, counted by month and reason (no person named).
CREATE TABLE "survey_held_back" (
	"association_id" uuid NOT NULL,
	"month" text NOT NULL,
	"reason" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_held_back_pkey" PRIMARY KEY ("association_id", "month", "reason")
);
--> statement-breakpoint
CREATE TABLE "survey_opt_outs" (
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_opt_outs_pkey" PRIMARY KEY ("beneficiary_id")
);
--> statement-breakpoint
-- The answer: its survey, version and Riyadh day. Nothing else: see ADR 0027.
CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answered_on" text NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
-- Ratings about the employee who served: a count and a sum per employee and month.
CREATE TABLE "survey_staff_ratings" (
	"association_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"month" text NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"sum" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "survey_staff_ratings_pkey" PRIMARY KEY ("staff_id", "month")
);
--> statement-breakpoint
-- The monthly rollup the results and the dashboard read (a million answers stay fast).
CREATE TABLE "survey_rollups" (
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"month" text NOT NULL,
	"question_key" text NOT NULL,
	"kind" text NOT NULL,
	"about_staff" boolean DEFAULT false NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"sum" bigint DEFAULT 0 NOT NULL,
	"promoters" integer DEFAULT 0 NOT NULL,
	"passives" integer DEFAULT 0 NOT NULL,
	"detractors" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "survey_rollups_pkey" PRIMARY KEY ("association_id", "survey_id", "month", "question_key", "kind")
);
--> statement-breakpoint
-- With the respondent's permission only: a copy of the low score and the text, no answer row.
CREATE TABLE "survey_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"lowest_kind" text,
	"lowest_value" integer,
	"text" text,
	"status" text DEFAULT 'open' NOT NULL,
	"complaint_id" uuid,
	"task_owner_id" uuid,
	"task_due_date" text,
	"task_done_at" timestamp with time zone,
	"closed_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_follow_ups_status_check" CHECK ("status" in ('open', 'complaint', 'task', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_post_service_survey_id_surveys_id_fk" FOREIGN KEY ("post_service_survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_settings" ADD CONSTRAINT "survey_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_held_back" ADD CONSTRAINT "survey_held_back_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_opt_outs" ADD CONSTRAINT "survey_opt_outs_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_opt_outs" ADD CONSTRAINT "survey_opt_outs_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id");--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_staff_ratings" ADD CONSTRAINT "survey_staff_ratings_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_staff_ratings" ADD CONSTRAINT "survey_staff_ratings_staff_id_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."users"("id");--> statement-breakpoint
ALTER TABLE "survey_rollups" ADD CONSTRAINT "survey_rollups_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_rollups" ADD CONSTRAINT "survey_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id");--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id");--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id");--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id");--> statement-breakpoint
ALTER TABLE "survey_follow_ups" ADD CONSTRAINT "survey_follow_ups_task_owner_id_users_id_fk" FOREIGN KEY ("task_owner_id") REFERENCES "public"."users"("id");--> statement-breakpoint
CREATE INDEX "surveys_association_id_idx" ON "surveys" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "surveys_created_by_idx" ON "surveys" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "survey_versions_association_id_idx" ON "survey_versions" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "survey_versions_created_by_idx" ON "survey_versions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "survey_settings_post_service_survey_id_idx" ON "survey_settings" USING btree ("post_service_survey_id");--> statement-breakpoint
CREATE INDEX "survey_settings_updated_by_idx" ON "survey_settings" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "survey_campaigns_association_id_idx" ON "survey_campaigns" USING btree ("association_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_campaigns_survey_id_idx" ON "survey_campaigns" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_campaigns_created_by_idx" ON "survey_campaigns" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_hash_key" ON "survey_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_invitations_association_id_idx" ON "survey_invitations" USING btree ("association_id","invited_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_id_idx" ON "survey_invitations" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_beneficiary_id_idx" ON "survey_invitations" USING btree ("beneficiary_id","invited_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign_id_idx" ON "survey_invitations" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_staff_id_idx" ON "survey_invitations" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "survey_opt_outs_association_id_idx" ON "survey_opt_outs" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "survey_answers_association_id_idx" ON "survey_answers" USING btree ("association_id","survey_id","answered_on");--> statement-breakpoint
CREATE INDEX "survey_answers_survey_id_idx" ON "survey_answers" USING btree ("survey_id","version");--> statement-breakpoint
CREATE INDEX "survey_staff_ratings_association_id_idx" ON "survey_staff_ratings" USING btree ("association_id","month");--> statement-breakpoint
CREATE INDEX "survey_rollups_survey_id_idx" ON "survey_rollups" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_rollups_month_idx" ON "survey_rollups" USING btree ("association_id","month");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_association_id_idx" ON "survey_follow_ups" USING btree ("association_id","status");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_survey_id_idx" ON "survey_follow_ups" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_beneficiary_id_idx" ON "survey_follow_ups" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_complaint_id_idx" ON "survey_follow_ups" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "survey_follow_ups_task_owner_id_idx" ON "survey_follow_ups" USING btree ("task_owner_id","task_due_date");--> statement-breakpoint
SELECT silah_protect_tenant_table('surveys');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_versions');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_settings');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_campaigns');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_invitations');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_held_back');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_opt_outs');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_answers');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_staff_ratings');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_rollups');--> statement-breakpoint
SELECT silah_protect_tenant_table('survey_follow_ups');
