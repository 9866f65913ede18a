CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"file_number" integer NOT NULL,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"latin_name" text,
	"national_id" text,
	"national_id_kind" text,
	"birth_date" text,
	"gender" text,
	"nationality" text,
	"city" text,
	"district" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"preferred_channel" text,
	"category_id" uuid,
	"marital_status" text,
	"monthly_income" integer,
	"circumstances" text,
	"health_notes" text,
	"disability" text,
	"notes" text,
	"merged_into_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficiary_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_en" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficiary_counters" (
	"association_id" uuid PRIMARY KEY NOT NULL,
	"last_file_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"notice_version" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"national_id" text,
	"birth_date" text,
	"gender" text
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"beneficiary_id" uuid,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"summary" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"routed_to_user_id" uuid,
	"support_request_id" uuid,
	"complaint_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"category_id" uuid,
	"field" text,
	"liaison_user_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_category_id_beneficiary_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."beneficiary_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiaries" ADD CONSTRAINT "beneficiaries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_categories" ADD CONSTRAINT "beneficiary_categories_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "beneficiary_counters" ADD CONSTRAINT "beneficiary_counters_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_routed_to_user_id_users_id_fk" FOREIGN KEY ("routed_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_routes" ADD CONSTRAINT "liaison_routes_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_routes" ADD CONSTRAINT "liaison_routes_category_id_beneficiary_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."beneficiary_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_routes" ADD CONSTRAINT "liaison_routes_liaison_user_id_users_id_fk" FOREIGN KEY ("liaison_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiaries_file_number_key" ON "beneficiaries" USING btree ("association_id","file_number");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiaries_national_id_key" ON "beneficiaries" USING btree ("association_id","national_id") WHERE "beneficiaries"."merged_into_id" is null and "beneficiaries"."national_id" is not null;--> statement-breakpoint
CREATE INDEX "beneficiaries_name_key_trgm_idx" ON "beneficiaries" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "beneficiaries_phones_idx" ON "beneficiaries" USING gin ("phones");--> statement-breakpoint
CREATE INDEX "beneficiaries_category_id_idx" ON "beneficiaries" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "beneficiaries_created_by_idx" ON "beneficiaries" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "beneficiaries_merged_into_id_idx" ON "beneficiaries" USING btree ("merged_into_id");--> statement-breakpoint
CREATE INDEX "beneficiaries_birth_date_idx" ON "beneficiaries" USING btree ("association_id","birth_date");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiary_categories_code_key" ON "beneficiary_categories" USING btree ("association_id","code");--> statement-breakpoint
CREATE INDEX "consents_beneficiary_id_idx" ON "consents" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "consents_recorded_by_idx" ON "consents" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "household_members_beneficiary_id_idx" ON "household_members" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "household_members_national_id_idx" ON "household_members" USING btree ("association_id","national_id");--> statement-breakpoint
CREATE INDEX "interactions_beneficiary_id_idx" ON "interactions" USING btree ("beneficiary_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_staff_user_id_idx" ON "interactions" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "interactions_answered_by_idx" ON "interactions" USING btree ("answered_by");--> statement-breakpoint
CREATE INDEX "interactions_routed_to_user_id_idx" ON "interactions" USING btree ("routed_to_user_id");--> statement-breakpoint
CREATE INDEX "interactions_open_inquiries_idx" ON "interactions" USING btree ("association_id","occurred_at") WHERE "interactions"."kind" = 'inquiry' and "interactions"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "liaison_routes_category_id_idx" ON "liaison_routes" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "liaison_routes_liaison_user_id_idx" ON "liaison_routes" USING btree ("liaison_user_id");