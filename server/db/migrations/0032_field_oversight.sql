-- Field oversight (SPEC S2): checklists the association defines, field surveys, supervisory visits,
-- branch representative visits and interviews with their findings, photos and follow-up actions.
-- A checklist is versioned simply: editing it raises its version, and a visit keeps the items it
-- was answered with (in its own `answers`).
CREATE TABLE "field_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"visited_on" text NOT NULL,
	"place" text NOT NULL,
	"participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checklist_id" uuid,
	"checklist_name" text,
	"checklist_version" integer,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"findings" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "field_visits_kind_check" CHECK ("kind" in ('field_survey', 'supervisory_visit', 'branch_representative_visit', 'interview'))
);
--> statement-breakpoint
CREATE TABLE "field_visit_photos" (
	"association_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"file_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "field_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"association_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" text NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "field_actions_done_check" CHECK (("done_by" IS NULL) = ("done_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "field_checklists" ADD CONSTRAINT "field_checklists_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_checklists" ADD CONSTRAINT "field_checklists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_checklist_id_field_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."field_checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visits" ADD CONSTRAINT "field_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_photos" ADD CONSTRAINT "field_visit_photos_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_photos" ADD CONSTRAINT "field_visit_photos_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_visit_photos" ADD CONSTRAINT "field_visit_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_actions" ADD CONSTRAINT "field_actions_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_actions" ADD CONSTRAINT "field_actions_visit_id_field_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."field_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_actions" ADD CONSTRAINT "field_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "field_actions" ADD CONSTRAINT "field_actions_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "field_checklists_association_id_idx" ON "field_checklists" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "field_checklists_updated_by_idx" ON "field_checklists" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "field_visits_association_id_idx" ON "field_visits" USING btree ("association_id","visited_on");--> statement-breakpoint
CREATE INDEX "field_visits_checklist_id_idx" ON "field_visits" USING btree ("checklist_id");--> statement-breakpoint
CREATE INDEX "field_visits_recorded_by_idx" ON "field_visits" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "field_visit_photos_association_id_idx" ON "field_visit_photos" USING btree ("association_id");--> statement-breakpoint
CREATE UNIQUE INDEX "field_visit_photos_key" ON "field_visit_photos" USING btree ("visit_id","file_id");--> statement-breakpoint
CREATE INDEX "field_visit_photos_file_id_idx" ON "field_visit_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "field_actions_association_id_idx" ON "field_actions" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "field_actions_visit_id_idx" ON "field_actions" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "field_actions_owner_id_idx" ON "field_actions" USING btree ("owner_id","due_date");--> statement-breakpoint
CREATE INDEX "field_actions_done_by_idx" ON "field_actions" USING btree ("done_by");--> statement-breakpoint
SELECT silah_protect_tenant_table('field_checklists');--> statement-breakpoint
SELECT silah_protect_tenant_table('field_visits');--> statement-breakpoint
SELECT silah_protect_tenant_table('field_visit_photos');--> statement-breakpoint
SELECT silah_protect_tenant_table('field_actions');
