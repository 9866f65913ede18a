CREATE TABLE "correspondence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"medium" text NOT NULL,
	"reference_number" text NOT NULL,
	"external_reference" text,
	"counterpart" text NOT NULL,
	"subject" text NOT NULL,
	"dated_on" text,
	"registered_at" timestamp with time zone NOT NULL,
	"beneficiary_id" uuid,
	"file_id" uuid,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interaction_files" (
	"association_id" uuid NOT NULL,
	"interaction_id" uuid NOT NULL,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "register_counters" (
	"association_id" uuid NOT NULL,
	"register" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "correspondence" ADD CONSTRAINT "correspondence_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_files" ADD CONSTRAINT "interaction_files_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_files" ADD CONSTRAINT "interaction_files_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_files" ADD CONSTRAINT "interaction_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "correspondence_reference_key" ON "correspondence" USING btree ("association_id","reference_number");--> statement-breakpoint
CREATE INDEX "correspondence_beneficiary_id_idx" ON "correspondence" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE INDEX "correspondence_file_id_idx" ON "correspondence" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "correspondence_recorded_by_idx" ON "correspondence" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "files_association_sha_idx" ON "files" USING btree ("association_id","sha256");--> statement-breakpoint
CREATE INDEX "files_uploaded_by_idx" ON "files" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_files_key" ON "interaction_files" USING btree ("interaction_id","file_id");--> statement-breakpoint
CREATE INDEX "interaction_files_file_id_idx" ON "interaction_files" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "register_counters_key" ON "register_counters" USING btree ("association_id","register");